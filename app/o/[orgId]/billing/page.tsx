import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { Badge, Card, EmptyState, Forbidden, PageHeader, buttonClass } from '@/components/ui/primitives';
import { DataTable, Td } from '@/components/ui/table';
import { decide } from '@/lib/auth/policy';
import { chartPeriod } from '@/lib/billing/chart-period';
import { getBillingSubscriptions } from '@/lib/billing/get-billing-subscriptions';
import { getDailyUsage } from '@/lib/billing/get-daily-usage';
import { listReportSubPartners } from '@/lib/billing/list-report-sub-partners';
import { listReports } from '@/lib/billing/list-reports';
import { addDays, utcDay } from '@/lib/billing/report-dates';
import { PACKAGE_INFO } from '@/lib/domain/packages';
import { formatDate } from '@/lib/format';
import { param, type RawSearchParams } from '@/lib/paging/search-params';
import { systemClock } from '@/lib/platform/clock';
import { inTransaction } from '@/lib/platform/service-ctx';
import { appDeps } from '@/lib/server/deps';
import { gatePage, type PageGate } from '@/lib/server/session';
import { CreateReportForm } from './create-report-form';
import { REPORTS_PAGE_SIZE } from './reports-query';
import { ReportsPanel } from './reports-panel';
import { UsageChart } from './usage-chart';

export const metadata: Metadata = { title: 'Billing' };

/**
 * Cross-launched, the parent's own Billing page is where this indirect provider's usage is
 * reported (a report for one indirect provider): point there instead of at a missing role.
 */
function billingNextStep(gate: PageGate) {
  const parent = gate.access.actingPartner;
  if (gate.reason !== 'not_available_cross_launched' || !parent) return gate.next;
  return (
    <>
      Billing reports are created by {parent.name}: on its{' '}
      <Link href={`/o/${parent.id}/billing`} className="font-medium text-brand-700 underline">
        Billing page
      </Link>
      , choose {gate.access.org.name} as the indirect provider.
    </>
  );
}

export default async function BillingPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { orgId } = await params;
  // Cross-launched into a sub-partner this is denied with "Not available when cross-launched." (SPEC §6.2).
  const gate = await gatePage(orgId, 'billing.reports.read', 'partner');
  if (gate.denied) return <Forbidden message={gate.denied} next={billingNextStep(gate)} />;
  const { access } = gate;
  const sp = await searchParams;
  const today = utcDay(systemClock.now());
  const chart = chartPeriod({ start: param(sp, 'usageStart', 10), end: param(sp, 'usageEnd', 10) }, today);
  // Hiding the form is a courtesy; the create/delete actions check 'billing.reports.write' themselves.
  const canWrite = decide(access, 'billing.reports.write').allowed;
  const db = getDb();
  const [subs, subPartners, reports, usage] = await Promise.all([
    getBillingSubscriptions(db, access),
    listReportSubPartners(db, access),
    inTransaction(appDeps(), access, (ctx) => listReports(ctx, { max: REPORTS_PAGE_SIZE + 1 })),
    getDailyUsage(db, access.org.id, chart.start, chart.end),
  ]);
  const isSub = access.org.kind === 'sub_partner';

  return (
    <>
      <PageHeader title="Billing" description="Wholesale subscriptions, billing reconciliation reports and daily usage." />
      <div className="grid gap-6">
        <Card title={isSub ? 'Shared wholesale subscription' : 'Wholesale subscriptions'}>
          {isSub && (
            <p className="mb-4 text-sm text-slate-600">
              Your customers are billed on your parent partner&apos;s subscription shared with you.
            </p>
          )}
          {subs.length === 0 ? (
            <EmptyState title="No wholesale subscription">
              {isSub ? 'No subscription has been shared with this organisation.' : 'This organisation has no wholesale subscription.'}
            </EmptyState>
          ) : (
            <ul className="grid gap-4" data-testid="subscriptions">
              {subs.map((s) => (
                <li key={s.id} className="rounded-md border border-slate-200 p-4">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h3 className="font-mono text-sm font-semibold">{s.id}</h3>
                    <p className="text-sm text-slate-600">
                      Since {formatDate(s.createdAt)} · {s.customers} {s.customers === 1 ? 'customer' : 'customers'}
                      {s.shared && (
                        <>
                          {' '}
                          · <Badge tone="blue">Shared by parent</Badge>
                        </>
                      )}
                    </p>
                  </div>
                  <DataTable variant="compact" className="mt-3" caption={`Packages of subscription ${s.id}`} columns={['Package', 'SKU']}>
                    {s.packages.map((p) => (
                      <tr key={p}>
                        <Td compact valign="middle">
                          {PACKAGE_INFO[p].name}
                        </Td>
                        <Td compact valign="middle" className="font-mono text-xs">
                          {PACKAGE_INFO[p].sku}
                        </Td>
                      </tr>
                    ))}
                  </DataTable>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {canWrite && (
          <Card title="Create a billing report">
            <CreateReportForm orgId={orgId} today={today} subPartners={subPartners} />
          </Card>
        )}
        <Card title="Billing reports">
          <ReportsPanel orgId={orgId} initial={reports} canWrite={canWrite} showSubPartner={subPartners.length > 0} />
        </Card>
        <Card title="Daily usage">
          <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Usage period">
            <div>
              <label htmlFor="usageStart" className="block text-sm font-medium">
                From
              </label>
              <input
                id="usageStart"
                name="usageStart"
                type="date"
                defaultValue={chart.start}
                max={addDays(today, -1)}
                className="mt-1 rounded-md border border-slate-300 px-3 py-2 text-sm"
              />
            </div>
            <div>
              <label htmlFor="usageEnd" className="block text-sm font-medium">
                To
              </label>
              <input
                id="usageEnd"
                name="usageEnd"
                type="date"
                defaultValue={chart.end}
                max={addDays(today, -1)}
                className="mt-1 rounded-md border border-slate-300 px-3 py-2 text-sm"
              />
            </div>
            <button type="submit" className={buttonClass('secondary')}>
              Show
            </button>
            <p className="text-sm text-slate-600">
              Seats per UTC day ({isSub ? 'your' : 'this organisation’s own'} customers); part days count pro rata.
            </p>
          </form>
          {chart.note && (
            <p role="status" className="mb-3 text-sm text-amber-800">
              {chart.note}
            </p>
          )}
          <UsageChart usage={usage} />
        </Card>
      </div>
    </>
  );
}
