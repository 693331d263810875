import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { listHref } from '@/components/ui/pagination';
import { ClearLink } from '@/components/ui/empty-results';
import { EmptyState, Forbidden, PageHeader } from '@/components/ui/primitives';
import { SearchForm } from '@/components/ui/search-form';
import { Dash, DataTable, Td } from '@/components/ui/table';
import { ActivityPager } from '@/components/activity/activity-pager';
import { AuditChanges } from '@/components/activity/audit-changes';
import { auditActionLabel } from '@/lib/domain/audit-actions';
import { activityCursor, listActivity } from '@/lib/activity/list-activity';
import { formatTimestamp, isoDateTime } from '@/lib/format';
import { dateParam, param, type RawSearchParams } from '@/lib/paging/search-params';
import { gatePage } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Activity' };

const field = 'rounded-md border border-slate-300 bg-white px-3 py-2 text-sm';

export default async function ActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'activity.read', 'partner');
  if (gate.denied) return <Forbidden message={gate.denied} next={gate.next} />;
  const sp = await searchParams;
  const filters = {
    action: param(sp, 'action', 100),
    actor: param(sp, 'actor', 200),
    from: dateParam(sp, 'from'),
    to: dateParam(sp, 'to'),
  };
  const result = await listActivity(getDb(), gate.access, filters, activityCursor(param(sp, 'after', 20), param(sp, 'before', 20)));
  const base = `/o/${gate.access.org.id}/activity`;
  const filtered = Object.values(filters).some(Boolean);
  const actionOptions = filters.action && !result.actions.includes(filters.action) ? [filters.action, ...result.actions] : result.actions;
  const exportHref = listHref(`${base}/export`, filters);

  return (
    <>
      <PageHeader title="Activity" description="Who changed what, in this organisation and on its behalf. Times are UTC." />
      <SearchForm
        action={base}
        name="actor"
        id="activity-actor"
        label="Actor e-mail contains"
        placeholder="name@example.com"
        defaultValue={filters.actor}
        active={filtered}
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="activity-action" className="text-sm font-medium text-slate-700">
            Action
          </label>
          <select id="activity-action" name="action" defaultValue={filters.action} className={field}>
            <option value="">All actions</option>
            {actionOptions.map((a) => (
              <option key={a} value={a}>
                {auditActionLabel(a)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="activity-from" className="text-sm font-medium text-slate-700">
            From
          </label>
          <input id="activity-from" type="date" name="from" defaultValue={filters.from} className={field} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="activity-to" className="text-sm font-medium text-slate-700">
            To
          </label>
          <input id="activity-to" type="date" name="to" defaultValue={filters.to} className={field} />
        </div>
      </SearchForm>
      {result.rows.length === 0 ? (
        filtered ? (
          <EmptyState title="No activity matches these filters" action={<ClearLink href={base}>Clear filters</ClearLink>}>
            Widen the dates or clear the filters.
          </EmptyState>
        ) : (
          <EmptyState title="No activity yet">Changes made in this organisation are recorded here.</EmptyState>
        )
      ) : (
        <>
          <DataTable
            caption="Audit log"
            testId="activity-table"
            columns={['When', 'Who', 'On behalf', 'Organisation', 'Action', 'What changed']}
          >
            {result.rows.map((r) => (
              <tr key={r.id}>
                <Td className="whitespace-nowrap tabular-nums">
                  <time dateTime={isoDateTime(r.at)}>{formatTimestamp(r.at)}</time>
                </Td>
                <Td>
                  {r.apiTokenId ? (
                    'API token'
                  ) : r.actorEmail ? (
                    <>
                      <span className="font-medium">{r.actorName ?? r.actorEmail}</span>
                      {r.actorName && <span className="block text-xs text-slate-500">{r.actorEmail}</span>}
                    </>
                  ) : (
                    <span className="text-slate-500">System</span>
                  )}
                </Td>
                <Td className="whitespace-nowrap">
                  {r.actorOrgId && r.actorOrgId !== r.orgId && r.actorOrgName ? `as ${r.actorOrgName}` : <Dash />}
                </Td>
                <Td className="[overflow-wrap:anywhere]">{r.orgName}</Td>
                <Td>
                  {/* The code's name stays as the tooltip: what the API, the CSV and the filter's URL use. */}
                  <span className="font-medium" title={r.action} data-testid="activity-action">
                    {auditActionLabel(r.action)}
                  </span>
                </Td>
                <Td className="[overflow-wrap:anywhere]">
                  {r.summary}
                  <AuditChanges before={r.before} after={r.after} />
                </Td>
              </tr>
            ))}
          </DataTable>
          <ActivityPager result={result} basePath={base} params={filters} exportHref={exportHref} />
        </>
      )}
    </>
  );
}
