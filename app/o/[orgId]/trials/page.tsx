import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { ClearLink } from '@/components/ui/empty-results';
import { Badge, EmptyState, Forbidden, PageHeader, Stat, buttonClass } from '@/components/ui/primitives';
import { listHref, Pagination } from '@/components/ui/pagination';
import { decide } from '@/lib/auth/policy';
import { TRIAL_STATUSES } from '@/lib/domain/statuses';
import { formatDate } from '@/lib/format';
import { param, type RawSearchParams } from '@/lib/paging/search-params';
import { appDeps } from '@/lib/server/deps';
import { gatePage } from '@/lib/server/session';
import { listTrials, TRIALS_PAGE_SIZE } from '@/lib/trials/list-trials';
import { listTrialsSchema, TRIAL_SERVICE_LABELS } from '@/lib/trials/trial-schema';
import { TRIAL_STATUS_LABELS } from '@/lib/trials/trial-statuses';
import { ConsentRowActions } from './consent-row-actions';

export const metadata: Metadata = { title: 'Trials' };

/** The Trials screen (SPEC §9): every trial with status and days-left filters and the 7-day count. */
export default async function TrialsPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'trials.read', 'partner');
  if (gate.denied)
    return (
      <>
        <PageHeader title="Trials" />
        <Forbidden message={gate.denied} next={gate.next} />
      </>
    );
  const { access } = gate;
  const sp = await searchParams;
  const input = listTrialsSchema.parse({
    status: param(sp, 'status', 40) || undefined,
    days: param(sp, 'days', 4) || undefined,
    page: param(sp, 'page', 6) || 1,
  });
  const list = await listTrials({ db: getDb(), access, clock: appDeps().clock }, input);
  const canManage = decide(access, 'trials.manage').allowed;
  const base = `/o/${access.org.id}/trials`;
  const query = { status: input.status, days: input.days };
  return (
    <>
      <PageHeader
        title="Trials"
        description={`Every trial of ${access.org.name}.`}
        actions={
          canManage ? (
            <Link href={`/o/${access.org.id}/customers/start-trial`} className={buttonClass('primary')}>
              Start trial
            </Link>
          ) : undefined
        }
      />
      <div className="mb-4 grid gap-4 sm:grid-cols-3">
        <Stat
          label="Expiring in the next 7 days"
          value={<span data-testid="trials-expiring">{list.expiring}</span>}
          href={listHref(base, { days: '7' })}
        />
      </div>
      <form method="get" action={base} className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter trials">
        <div>
          <label htmlFor="trial-status" className="block text-sm font-medium">
            Status
          </label>
          <select
            id="trial-status"
            name="status"
            defaultValue={input.status ?? ''}
            className="mt-1 rounded-md border border-slate-300 px-3 py-2 text-sm"
          >
            <option value="">All open and past (not cancelled)</option>
            {TRIAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {TRIAL_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="trial-days" className="block text-sm font-medium">
            Days left
          </label>
          <select
            id="trial-days"
            name="days"
            defaultValue={input.days ?? ''}
            className="mt-1 rounded-md border border-slate-300 px-3 py-2 text-sm"
          >
            <option value="">Any</option>
            <option value="7">7 days or fewer</option>
            <option value="30">30 days or fewer</option>
          </select>
        </div>
        <button type="submit" className={buttonClass('secondary')}>
          Apply
        </button>
      </form>
      {list.total === 0 ? (
        <EmptyState
          title={input.status || input.days ? 'No trials match' : 'No trials yet'}
          action={input.status || input.days ? <ClearLink href={base}>Clear filters</ClearLink> : undefined}
        >
          {canManage
            ? 'Start a trial with Start trial above, or widen the filters.'
            : 'Trials your sales administrators start appear here.'}
        </EmptyState>
      ) : (
        <>
          <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm" tabIndex={0}>
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="trials-table">
              <caption className="sr-only">Trials</caption>
              <thead className="bg-slate-50 text-left">
                <tr>
                  {['Customer', 'Status', 'Days left', 'Services', 'Ends', 'Started by', 'Actions'].map((h) => (
                    <th key={h} scope="col" className="px-4 py-2 font-medium text-slate-700">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {list.rows.map((r) => (
                  <tr key={r.trialId} data-testid="trial-row">
                    <td className="px-4 py-2 font-medium">{r.customerName}</td>
                    <td className="px-4 py-2">
                      <Badge
                        tone={
                          r.status === 'active'
                            ? 'green'
                            : r.status === 'expired_grace' || r.status.startsWith('pending')
                              ? 'amber'
                              : 'gray'
                        }
                      >
                        {TRIAL_STATUS_LABELS[r.status]}
                      </Badge>
                    </td>
                    <td className="px-4 py-2 tabular-nums">
                      {r.daysLeft !== null ? `${r.daysLeft} ${r.daysLeft === 1 ? 'day' : 'days'} left` : '—'}
                    </td>
                    <td className="px-4 py-2">{r.services.map((s) => TRIAL_SERVICE_LABELS[s]).join(', ') || '—'}</td>
                    <td className="px-4 py-2 whitespace-nowrap">{r.endsAt ? formatDate(r.endsAt) : '—'}</td>
                    <td className="px-4 py-2">{r.createdByName ?? '—'}</td>
                    <td className="px-4 py-2">
                      {r.status === 'pending_consent' && canManage ? (
                        <ConsentRowActions orgId={access.org.id} trialId={r.trialId} customerName={r.customerName} />
                      ) : r.customerId ? (
                        <Link className="text-brand-700 underline" href={`/o/${access.org.id}/customers?customer=${r.customerId}`}>
                          Manage<span className="sr-only"> the trial of {r.customerName}</span>
                        </Link>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={list.page} pageSize={TRIALS_PAGE_SIZE} total={list.total} basePath={base} params={query} />
        </>
      )}
    </>
  );
}
