import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { EmptyState, Forbidden, PageHeader } from '@/components/ui/primitives';
import { listAttachRequests } from '@/lib/customers/answer-attach-request';
import { formatDate } from '@/lib/format';
import { gatePage } from '@/lib/server/session';
import { AttachAnswer } from './attach-answer';

export const metadata: Metadata = { title: 'Partner requests' };

/** SPEC §8.3: a partner asks to attach wholesale services to this existing org; its full admins approve or decline. */
export default async function PartnerRequestsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'cv.attach.answer', 'customer');
  if (gate.denied)
    return (
      <>
        <PageHeader title="Partner requests" />
        <Forbidden message={gate.denied} next={gate.next} />
      </>
    );
  const requests = await listAttachRequests({ db: getDb(), access: gate.access });
  const org = gate.access.org.name;
  return (
    <>
      <PageHeader title="Partner requests" description={`Partners asking to manage Webex services for ${org}.`} />
      {requests.length === 0 ? (
        <EmptyState title="No pending partner requests">Requests you approve or decline are no longer listed.</EmptyState>
      ) : (
        <ul className="space-y-4">
          {requests.map((r) => (
            <li key={r.customerId} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="attach-request">
              <p className="text-sm">
                <strong>{r.partnerName}</strong> would like to add {r.packageNames.join(', ')} to {org} (requested{' '}
                {formatDate(r.requestedAt)}) and become its{' '}
                {r.partnerAdminLevel === 'full' ? 'full administrator' : 'provisioning administrator'}.
              </p>
              <p className="mt-1 text-sm text-slate-600">Your organisation keeps its name, users, administrators and sign-in settings.</p>
              <AttachAnswer orgId={gate.access.org.id} customerId={r.customerId} partnerName={r.partnerName} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
