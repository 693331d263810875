import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { EmptyState, Forbidden, PageHeader } from '@/components/ui/primitives';
import { formatDate } from '@/lib/format';
import { appDeps } from '@/lib/server/deps';
import { gatePage } from '@/lib/server/session';
import { inTransaction } from '@/lib/platform/service-ctx';
import { listTrialRequests } from '@/lib/trials/answer-consent';
import { ConsentAnswer } from './consent-answer';

export const metadata: Metadata = { title: 'Trial requests' };

/** The customer's side of a trial request (SPEC §9): accept (optionally granting full admin) or decline. */
export default async function TrialRequestsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'cv.trials.answer', 'customer');
  if (gate.denied)
    return (
      <>
        <PageHeader title="Trial requests" />
        <Forbidden message={gate.denied} next={gate.next} />
      </>
    );
  const requests = await inTransaction({ ...appDeps(), db: getDb() }, gate.access, (ctx) => listTrialRequests(ctx));
  return (
    <>
      <PageHeader title="Trial requests" description={`Partners asking to start a Webex trial for ${gate.access.org.name}.`} />
      {requests.length === 0 ? (
        <EmptyState title="No pending trial requests">
          Requests you accept or decline, and those older than 10 days, are no longer listed.
        </EmptyState>
      ) : (
        <ul className="space-y-4">
          {requests.map((r) => (
            <li key={r.trialId} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="trial-request">
              <p className="text-sm">
                <strong>{r.partnerName}</strong> would like to start a Webex trial for {gate.access.org.name}
                {r.requestedAt ? (
                  <>
                    {' '}
                    (requested {formatDate(r.requestedAt)}, sent to {r.consentEmail})
                  </>
                ) : null}
                .
              </p>
              <ConsentAnswer orgId={gate.access.org.id} trialId={r.trialId} partnerName={r.partnerName} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
