import type { DbOrTx } from '@/db/client';
import { PACKAGES, PACKAGE_INFO, type PackageId } from '@/lib/domain/packages';
import { CUSTOMER_STATUSES, CUSTOMER_STATUS_LABELS, type CustomerStatus } from '@/lib/domain/statuses';
import { seatMonthsByPackage, topCustomersBySeats } from '@/lib/ledger/seat-months';
import { customerCreationMonths, customerStatusMonths } from '@/lib/overview/customer-months';
import { monthStart, periodMonths } from './analytics-period';
import { provisioningTimes } from './provisioning-times';

/** One chart's data: x labels (month keys or names) and one value series per category. */
export interface ChartData {
  labels: string[];
  series: { key: string; name: string; values: number[] }[];
}

export interface PartnerAnalytics {
  months: string[];
  customersByStatus: ChartData;
  seatsByPackage: ChartData;
  newCustomers: ChartData;
  provisioning: ChartData & { succeeded: number; failed: number; successRate: number | null; medianSeconds: number | null };
  topCustomers: ChartData & { customers: { id: string; name: string; seats: number }[] };
}

/**
 * Analytics of a partner's own customers over the last `months` months, all from
 * trigger-kept summaries rather than the 100k customers, 2 M ledger intervals and the
 * provisioning log: customers per status and months, seats per package and month, and
 * provisioning times per creation month and second (plus the median's one bucket of exact
 * times). The month-by-month series are built from those here.
 */
export async function getPartnerAnalytics(db: DbOrTx, partnerOrgId: string, now: Date, monthsBack: number): Promise<PartnerAnalytics> {
  const months = periodMonths(now, monthsBack);
  const first = months[0];
  if (first === undefined) throw new Error('An analytics period has at least one month.');
  const start = monthStart(first);
  const [statusRows, seatMonths, createdRows, provRows, top] = await Promise.all([
    // Customers grouped by (status, created month, last change month, deprovisioned month),
    // months before the period collapsed into its first: from the trigger-kept summary.
    customerStatusMonths(db, partnerOrgId, first),
    // Ledger (SPEC §7.1): seats at a month end = intervals started by then − ended by then,
    // from the trigger-kept monthly summary (lib/ledger/seat-months.ts), not the 2 M rows.
    seatMonthsByPackage(db, partnerOrgId, first),
    // New customers and those in error now, by creation month: from the same summary.
    customerCreationMonths(db, partnerOrgId, first),
    // Provisioned customers by creation month and the exact median time to provisioned,
    // from the trigger-kept histogram of provisioning times (./provisioning-times.ts).
    provisioningTimes(db, partnerOrgId, first, start),
    topCustomersBySeats(db, partnerOrgId, 10),
  ]);

  // Status at each month end (see the README: estimated from the creation, latest change and deprovisioning dates).
  const byStatus = new Map<CustomerStatus, number[]>();
  for (const r of statusRows) {
    months.forEach((m, i) => {
      if (r.created > m) return;
      const s: CustomerStatus = r.deprov && r.deprov <= m ? 'deprovisioned' : r.changed <= m ? r.status : 'provisioned';
      const values = byStatus.get(s) ?? months.map(() => 0);
      values[i]! += r.n; // values has one entry per month: i is in range
      byStatus.set(s, values);
    });
  }
  const customersByStatus: ChartData = {
    labels: months,
    series: CUSTOMER_STATUSES.filter((s) => byStatus.has(s)).map((s) => ({
      key: s,
      name: CUSTOMER_STATUS_LABELS[s],
      values: byStatus.get(s)!,
    })),
  };

  const cumulative = (rows: readonly { package: PackageId; m: string; n: number }[]) => {
    const out = new Map<PackageId, number[]>();
    for (const r of rows) {
      const values = out.get(r.package) ?? months.map(() => 0);
      months.forEach((m, i) => {
        if (r.m <= m) values[i]! += r.n; // one entry per month: i is in range
      });
      out.set(r.package, values);
    }
    return out;
  };
  const started = cumulative(seatMonths.map((r) => ({ package: r.package, m: r.m, n: r.started })));
  const ended = cumulative(seatMonths.map((r) => ({ package: r.package, m: r.m, n: r.ended })));
  const seatsByPackage: ChartData = {
    labels: months,
    series: PACKAGES.filter((p) => started.has(p))
      .map((p) => ({
        key: p,
        name: PACKAGE_INFO[p].name,
        values: started.get(p)!.map((v, i) => v - (ended.get(p)?.[i] ?? 0)),
      }))
      .filter((s) => s.values.some((v) => v > 0)),
  };

  const createdInPeriod = new Map(createdRows.map((r) => [r.m, r]));
  const newCustomers: ChartData = {
    labels: months,
    series: [{ key: 'new', name: 'New customers', values: months.map((m) => createdInPeriod.get(m)?.n ?? 0) }],
  };

  const ok = months.map((m) => provRows.byMonth.get(m) ?? 0);
  const failed = months.map((m) => createdInPeriod.get(m)?.failed ?? 0);
  const succeeded = ok.reduce((a, v) => a + v, 0);
  const failedTotal = failed.reduce((a, v) => a + v, 0);
  const provisioning = {
    labels: months,
    series: [
      { key: 'succeeded', name: 'Succeeded', values: ok },
      { key: 'failed', name: 'Failed', values: failed },
    ],
    succeeded,
    failed: failedTotal,
    successRate: succeeded + failedTotal ? succeeded / (succeeded + failedTotal) : null,
    medianSeconds: provRows.medianSeconds,
  };

  const customers = top.map((t) => ({ id: t.id, name: t.name, seats: t.seats }));
  const topCustomers = {
    labels: customers.map((c) => c.name),
    series: [{ key: 'seats', name: 'Active seats', values: customers.map((c) => c.seats) }],
    customers,
  };

  return { months, customersByStatus, seatsByPackage, newCustomers, provisioning, topCustomers };
}
