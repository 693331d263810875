import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { PACKAGES, PACKAGE_INFO, type PackageId } from '@/lib/domain/packages';
import { CUSTOMER_STATUSES, CUSTOMER_STATUS_LABELS, type CustomerStatus } from '@/lib/domain/statuses';
import { seatMonthsByPackage, topCustomersBySeats } from '@/lib/ledger/seat-months';
import { customerStatusMonths } from '@/lib/overview/customer-months';
import { monthStart, periodMonths } from './analytics-period';

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

const ym = (col: unknown) => sql`to_char(${col} at time zone 'UTC', 'YYYY-MM')`;

/**
 * Analytics of a partner's own customers over the last `months` months. Customer queries
 * are one pass over one partner's rows on an index that leads with partner_org_id; seats
 * come from the ledger's trigger-kept summaries (a few hundred rows, not 2 M intervals).
 * The month-by-month series are built from those here.
 */
export async function getPartnerAnalytics(db: DbOrTx, partnerOrgId: string, now: Date, monthsBack: number): Promise<PartnerAnalytics> {
  const months = periodMonths(now, monthsBack);
  const first = months[0];
  if (first === undefined) throw new Error('An analytics period has at least one month.');
  const start = monthStart(first);
  const [statusRows, seatMonths, provRows, provStats, top] = await Promise.all([
    // Customers grouped by (status, created month, last change month, deprovisioned month),
    // months before the period collapsed into its first: from the trigger-kept summary.
    customerStatusMonths(db, partnerOrgId, first),
    // Ledger (SPEC §7.1): seats at a month end = intervals started by then − ended by then,
    // from the trigger-kept monthly summary (lib/ledger/seat-months.ts), not the 2 M rows.
    seatMonthsByPackage(db, partnerOrgId, first),
    // New customers and their provisioning outcomes, by creation month.
    db.execute<{ m: string; n: number; ok: number; failed: number }>(sql`
      select ${ym(sql`c.created_at`)} as m, count(*)::int as n,
        count(*) filter (where exists (select 1 from provisioning_events e where e.customer_id = c.id and e.step = 'completed'))::int as ok,
        count(*) filter (where c.status = 'error')::int as failed
      from customers c
      where c.partner_org_id = ${partnerOrgId}::uuid and c.created_at >= ${start.toISOString()}::timestamptz
      group by 1`),
    db.execute<{ median: number | null }>(sql`
      select percentile_cont(0.5) within group (order by extract(epoch from e.at - c.created_at))::float8 as median
      from customers c
      join lateral (select min(at) as at from provisioning_events e where e.customer_id = c.id and e.step = 'completed') e on e.at is not null
      where c.partner_org_id = ${partnerOrgId}::uuid and c.created_at >= ${start.toISOString()}::timestamptz`),
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

  const createdInPeriod = new Map(provRows.map((r) => [r.m, r]));
  const newCustomers: ChartData = {
    labels: months,
    series: [{ key: 'new', name: 'New customers', values: months.map((m) => createdInPeriod.get(m)?.n ?? 0) }],
  };

  const ok = months.map((m) => createdInPeriod.get(m)?.ok ?? 0);
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
    medianSeconds: provStats[0]?.median ?? null,
  };

  const customers = top.map((t) => ({ id: t.id, name: t.name, seats: t.seats }));
  const topCustomers = {
    labels: customers.map((c) => c.name),
    series: [{ key: 'seats', name: 'Active seats', values: customers.map((c) => c.seats) }],
    customers,
  };

  return { months, customersByStatus, seatsByPackage, newCustomers, provisioning, topCustomers };
}
