import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { homeOrgId } from '@/lib/auth/access';
import { currentActor } from '@/lib/server/session';

export default async function Home() {
  const actor = await currentActor();
  if (!actor) redirect('/sign-in');
  const orgId = await homeOrgId(getDb(), actor);
  if (!orgId) redirect('/no-access');
  redirect(`/o/${orgId}`);
}
