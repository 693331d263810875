import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { Pagination } from '@/components/ui/pagination';
import { EmptyState, Forbidden, PageHeader } from '@/components/ui/primitives';
import { SearchForm } from '@/components/ui/search-form';
import { ACTIVITY_PAGE_SIZE, listActivity } from '@/lib/activity/list-activity';
import { formatTimestamp, isoDateTime } from '@/lib/format';
import { dateParam, pageParam, param, type RawSearchParams } from '@/lib/paging/search-params';
import { gatePage } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Activity' };

const th = 'px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600';
const td = 'px-4 py-3 align-top';
const field = 'rounded-md border border-slate-300 bg-white px-3 py-2 text-sm';

export default async function ActivityPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<RawSearchParams> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'activity.read', 'partner');
  if (gate.denied) return <Forbidden message={gate.denied} />;
  const sp = await searchParams;
  const filters = { action: param(sp, 'action', 100), actor: param(sp, 'actor', 200), from: dateParam(sp, 'from'), to: dateParam(sp, 'to') };
  const result = await listActivity(getDb(), gate.access, { ...filters, page: pageParam(sp) });
  const base = `/o/${gate.access.org.id}/activity`;
  const filtered = Object.values(filters).some(Boolean);
  const actionOptions = filters.action && !result.actions.includes(filters.action) ? [filters.action, ...result.actions] : result.actions;

  return (
    <>
      <PageHeader title="Activity" description="Who changed what, in this organisation and on its behalf. Times are UTC." />
      <SearchForm action={base} name="actor" id="activity-actor" label="Actor e-mail contains" placeholder="name@example.com" defaultValue={filters.actor} active={filtered}>
        <div className="flex flex-col gap-1">
          <label htmlFor="activity-action" className="text-sm font-medium text-slate-700">Action</label>
          <select id="activity-action" name="action" defaultValue={filters.action} className={field}>
            <option value="">All actions</option>
            {actionOptions.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="activity-from" className="text-sm font-medium text-slate-700">From</label>
          <input id="activity-from" type="date" name="from" defaultValue={filters.from} className={field} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="activity-to" className="text-sm font-medium text-slate-700">To</label>
          <input id="activity-to" type="date" name="to" defaultValue={filters.to} className={field} />
        </div>
      </SearchForm>
      {result.total === 0 ? (
        filtered ? <EmptyState title="No activity matches these filters">Widen the dates or clear the filters.</EmptyState> : <EmptyState title="No activity yet">Changes made in this organisation are recorded here.</EmptyState>
      ) : (
        <>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="activity-table">
              <caption className="sr-only">Audit log</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={th}>When</th>
                  <th scope="col" className={th}>Who</th>
                  <th scope="col" className={th}>On behalf</th>
                  <th scope="col" className={th}>Organisation</th>
                  <th scope="col" className={th}>Action</th>
                  <th scope="col" className={th}>Summary</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {result.rows.map((r) => (
                  <tr key={r.id}>
                    <td className={`${td} whitespace-nowrap tabular-nums`}><time dateTime={isoDateTime(r.at)}>{formatTimestamp(r.at)}</time></td>
                    <td className={td}>
                      {r.apiTokenId ? 'API token' : r.actorEmail ? (
                        <><span className="font-medium">{r.actorName ?? r.actorEmail}</span>{r.actorName && <span className="block text-xs text-slate-500">{r.actorEmail}</span>}</>
                      ) : <span className="text-slate-500">System</span>}
                    </td>
                    <td className={`${td} whitespace-nowrap`}>{r.actorOrgId && r.actorOrgId !== r.orgId && r.actorOrgName ? `as ${r.actorOrgName}` : <span className="text-slate-400">—</span>}</td>
                    <td className={td}>{r.orgName}</td>
                    <td className={`${td} whitespace-nowrap font-mono text-xs`}>{r.action}</td>
                    <td className={`${td} min-w-64`}>{r.summary}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={result.page} pageSize={ACTIVITY_PAGE_SIZE} total={result.total} basePath={base} params={filters} />
        </>
      )}
    </>
  );
}
