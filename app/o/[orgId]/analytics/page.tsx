import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { BarChart, formatNumber, type BarSeries } from '@/components/charts/bar-chart';
import { Card, Forbidden, PageHeader, Stat, buttonClass } from '@/components/ui/primitives';
import type { AnalyticsChart } from '@/lib/analytics/analytics-exports';
import { ANALYTICS_PERIODS, analyticsPeriodSchema, monthLabel } from '@/lib/analytics/analytics-period';
import { getPartnerAnalytics, type ChartData } from '@/lib/analytics/get-partner-analytics';
import { PACKAGE_COLOURS } from '@/lib/domain/package-colours';
import type { PackageId } from '@/lib/domain/packages';
import { systemClock } from '@/lib/platform/clock';
import { gatePage } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Analytics' };

const STATUS_COLOURS: Record<string, string> = {
  provisioning: '#0ea5e9',
  provisioned: '#16a34a',
  provisioned_with_errors: '#ca8a04',
  updating: '#6366f1',
  deleting: '#9333ea',
  error: '#dc2626',
  pending_rpl_review: '#ea580c',
  pending_customer_approval: '#0891b2',
  suspended: '#7f1d1d',
  deprovisioned: '#64748b',
};
const ONE = '#1d4ed8';

function withColours(data: ChartData, colour: (key: string) => string): BarSeries[] {
  return data.series.map((s) => ({ ...s, colour: colour(s.key) }));
}

const shortMonth = (k: string) => monthLabel(k).replace(/ \d{2}(\d{2})$/, " '$1");

function duration(seconds: number | null) {
  if (seconds == null) return '—';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

function ChartCard({
  title,
  orgId,
  chart,
  months,
  children,
}: {
  title: string;
  orgId: string;
  chart: AnalyticsChart;
  months: number;
  children: React.ReactNode;
}) {
  return (
    <Card
      title={title}
      actions={
        <a href={`/o/${orgId}/analytics/export?chart=${chart}&months=${months}`} className={buttonClass('secondary')} download>
          Export CSV<span className="sr-only"> of {title}</span>
        </a>
      }
    >
      {children}
    </Card>
  );
}

export default async function AnalyticsPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'analytics.read', 'partner');
  if (gate.denied)
    return (
      <>
        <PageHeader title="Analytics" />
        <Forbidden message={gate.denied} next={gate.next} />
      </>
    );
  const { months } = analyticsPeriodSchema.parse({ months: (await searchParams).months ?? undefined });
  const a = await getPartnerAnalytics(getDb(), orgId, systemClock.now(), months);
  const [firstMonth] = a.months;
  const lastMonth = a.months.at(-1);
  if (!firstMonth || !lastMonth) throw new Error('An analytics period has at least one month.');
  const period = `${monthLabel(firstMonth)} to ${monthLabel(lastMonth)}`;
  const monthChart = (data: ChartData, colour: (k: string) => string, testId: string, caption: string, what: string) => (
    <BarChart
      testId={testId}
      table="disclosure"
      labels={data.labels}
      series={withColours(data, colour)}
      rowHeader="Month"
      axisLabel={shortMonth}
      rowLabel={monthLabel}
      tableCaption={caption}
      summary={`${caption}, ${period}. ${data.series.map((s) => `${s.name}: ${formatNumber(s.values[s.values.length - 1] ?? 0)} in ${monthLabel(lastMonth)}`).join('; ')}.`}
      emptyText={`No ${what} from ${period}.`}
    />
  );

  return (
    <>
      <PageHeader
        title="Analytics"
        description={`${gate.access.org.name}'s own customers, ${period}.`}
        actions={
          <form method="get" className="flex items-end gap-2">
            <label className="text-sm font-medium" htmlFor="months">
              Period
              <select
                id="months"
                name="months"
                defaultValue={String(months)}
                className="ml-2 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
              >
                {ANALYTICS_PERIODS.map((m) => (
                  <option key={m} value={m}>
                    Last {m} months
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className={buttonClass('secondary')}>
              Show
            </button>
          </form>
        }
      />
      <div className="grid gap-6">
        <div className="grid gap-4 sm:grid-cols-3" data-testid="provisioning-stats">
          <Stat
            label="Provisioning success rate"
            value={a.provisioning.successRate == null ? '—' : `${(a.provisioning.successRate * 100).toFixed(1)} %`}
          />
          <Stat label="Median provisioning time" value={duration(a.provisioning.medianSeconds)} />
          <Stat
            label="New customers in the period"
            value={formatNumber((a.newCustomers.series[0]?.values ?? []).reduce((x, v) => x + v, 0))}
          />
        </div>
        <ChartCard title="Customers by status" orgId={orgId} chart="customers-by-status" months={months}>
          <p className="mb-2 text-sm text-slate-600">
            At each month end (this month: today), estimated from each customer&apos;s creation, latest status change and deprovisioning
            dates.
          </p>
          {monthChart(
            a.customersByStatus,
            (k) => STATUS_COLOURS[k] ?? ONE,
            'chart-customers-by-status',
            'Customers by status at month end',
            'customers',
          )}
        </ChartCard>
        <ChartCard title="Active seats by package" orgId={orgId} chart="seats-by-package" months={months}>
          {monthChart(
            a.seatsByPackage,
            (k) => PACKAGE_COLOURS[k as PackageId] ?? ONE,
            'chart-seats-by-package',
            'Active seats by package at month end',
            'seats',
          )}
        </ChartCard>
        <ChartCard title="New customers per month" orgId={orgId} chart="new-customers" months={months}>
          {monthChart(a.newCustomers, () => ONE, 'chart-new-customers', 'New customers per month', 'new customers')}
        </ChartCard>
        <ChartCard title="Provisioning outcomes" orgId={orgId} chart="provisioning" months={months}>
          <p className="mb-2 text-sm text-slate-600">Customers created each month: provisioning completed, or ended in Error.</p>
          {monthChart(
            a.provisioning,
            (k) => (k === 'failed' ? '#dc2626' : '#16a34a'),
            'chart-provisioning',
            'Provisioning outcomes per month',
            'provisioning',
          )}
        </ChartCard>
        <ChartCard title="Top customers by seats" orgId={orgId} chart="top-customers" months={months}>
          {a.topCustomers.customers.length === 0 ? (
            <p className="text-sm text-slate-600">No active seats yet.</p>
          ) : (
            <>
              <BarChart
                testId="chart-top-customers"
                table="disclosure"
                labels={a.topCustomers.labels}
                series={withColours(a.topCustomers, () => ONE)}
                rowHeader="Customer"
                axisLabel={(n) => (n.length > 10 ? `${n.slice(0, 9)}…` : n)}
                tableCaption="Top customers by active seats"
                summary={`Top customers by active seats: ${a.topCustomers.customers.map((c) => `${c.name} ${c.seats}`).join(', ')}.`}
              />
            </>
          )}
        </ChartCard>
      </div>
    </>
  );
}
