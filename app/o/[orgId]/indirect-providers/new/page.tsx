import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { Forbidden, PageHeader } from '@/components/ui/primitives';
import { gatePage } from '@/lib/server/session';
import { listOwnSubscriptionIds } from '@/lib/sub-partners/list-own-subscription-ids';
import { SubPartnerForm } from './sub-partner-form';

export const metadata: Metadata = { title: 'Set up indirect provider' };

export default async function NewSubPartnerPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'subPartners.manage', 'partner');
  if (gate.denied) return <Forbidden message={gate.denied} next={gate.next} />;
  const subscriptionIds = await listOwnSubscriptionIds(getDb(), gate.access);
  return (
    <>
      <PageHeader
        title="Set up indirect provider"
        description="Creates the reseller's organisation, makes it managed by you and invites its first administrator."
      />
      <SubPartnerForm orgId={gate.access.org.id} subscriptionIds={subscriptionIds} today={new Date().toISOString().slice(0, 10)} />
    </>
  );
}
