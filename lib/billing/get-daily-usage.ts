import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { PACKAGES, type PackageId } from '@/lib/domain/packages';
import { addDays, daysInPeriod, periodBounds } from './report-dates';

export interface DailyUsage {
  days: string[];
  /** One series per package with any usage in the period, in package order; values per day. */
  series: { package: PackageId; values: number[]; total: number }[];
}

/**
 * Daily quantity per package (SPEC §7.1) of the org's own customers: the days of the
 * period crossed with the intervals overlapping each day, summed in SQL. The outer
 * bounds keep it on the partner indexes; fine for a month or a quarter at scale.
 */
export async function getDailyUsage(db: DbOrTx, partnerOrgId: string, start: string, end: string): Promise<DailyUsage> {
  const { from, to } = periodBounds(start, end);
  const rows = await db.execute<{ day: string; package: PackageId; quantity: string }>(sql`
    with days as (
      select g.day::date as day, g.day at time zone 'UTC' as day_start, (g.day + interval '1 day') at time zone 'UTC' as day_end
      from generate_series(${start}::date, ${end}::date, interval '1 day') as g(day)
    )
    select to_char(d.day, 'YYYY-MM-DD') as day, pa.package::text as package,
      round(sum(extract(epoch from least(coalesce(pa.ended_at, 'infinity'::timestamptz), d.day_end) - greatest(pa.started_at, d.day_start))) / 86400, 6)::text as quantity
    from package_assignments pa
    join days d on pa.started_at < d.day_end and coalesce(pa.ended_at, 'infinity'::timestamptz) > d.day_start
    where pa.partner_org_id = ${partnerOrgId}::uuid
      and pa.started_at < ${to.toISOString()}::timestamptz
      and coalesce(pa.ended_at, 'infinity'::timestamptz) > ${from.toISOString()}::timestamptz
    group by d.day, pa.package`);
  const count = daysInPeriod(start, end);
  const days = Array.from({ length: count }, (_, i) => addDays(start, i));
  const index = new Map(days.map((d, i) => [d, i]));
  const byPackage = new Map<PackageId, number[]>();
  for (const r of rows) {
    const values = byPackage.get(r.package) ?? Array.from({ length: count }, () => 0);
    values[index.get(r.day)!] = Number(r.quantity);
    byPackage.set(r.package, values);
  }
  const series = PACKAGES.filter((p) => byPackage.has(p)).map((p) => {
    const values = byPackage.get(p)!;
    return { package: p, values, total: values.reduce((a, v) => a + v, 0) };
  });
  return { days, series };
}
