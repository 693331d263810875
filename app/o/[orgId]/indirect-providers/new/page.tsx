import type { Metadata } from 'next';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { subscriptions } from '@/db/schema';
import { Forbidden, PageHeader } from '@/components/ui/primitives';
import { gatePage } from '@/lib/server/session';
import { SubPartnerForm } from './sub-partner-form';

export const metadata: Metadata = { title: 'Set up indirect provider' };

export default async function NewSubPartnerPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'subPartners.manage', 'partner');
  if (gate.denied) return <Forbidden message={gate.denied} />;
  const subs = await getDb().select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.partnerOrgId, gate.access.org.id));
  return (
    <>
      <PageHeader title="Set up indirect provider" description="Creates the reseller's organisation, makes it managed by you and invites its first administrator." />
      <SubPartnerForm orgId={gate.access.org.id} subscriptionIds={subs.map((s) => s.id)} today={new Date().toISOString().slice(0, 10)} />
    </>
  );
}
