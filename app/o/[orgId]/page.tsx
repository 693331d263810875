import { redirect } from 'next/navigation';
import { orgAccess } from '@/lib/server/session';

export default async function OrgHome({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const access = await orgAccess(orgId);
  redirect(`/o/${orgId}/${access.org.kind === 'customer' ? 'home' : 'overview'}`);
}
