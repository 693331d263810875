// Provisioned customers by creation month and the exact median provisioning time, without
// reading every customer created in the period: the trigger-kept histogram
// partner_provisioning_seconds (owner × creation month × whole seconds) gives the counts and
// the one or two buckets the median's ranks fall in; only those buckets' exact times are
// read (customers_partner_provisioning_seconds_idx, index-only). Same result as
// percentile_cont(0.5) over all of them.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';

const bucket = sql`floor(extract(epoch from (provisioned_at - created_at)))::int`;

export async function provisioningTimes(
  db: DbOrTx,
  partnerOrgId: string,
  first: string,
  start: Date,
): Promise<{ byMonth: Map<string, number>; medianSeconds: number | null }> {
  const rows = await db.execute<{ m: string | null; seconds: number | null; n: number }>(sql`
    select to_char(created_month, 'YYYY-MM') as m, seconds, sum(n)::int as n from partner_provisioning_seconds
    where partner_org_id = ${partnerOrgId}::uuid and created_month >= to_date(${first}, 'YYYY-MM')
    group by grouping sets ((created_month), (seconds)) having sum(n) <> 0`);
  const byMonth = new Map(rows.filter((r) => r.m !== null).map((r) => [r.m!, Number(r.n)]));
  const buckets = rows
    .filter((r) => r.seconds !== null)
    .map((r) => ({ seconds: Number(r.seconds), n: Number(r.n) }))
    .sort((a, b) => a.seconds - b.seconds);
  const total = buckets.reduce((a, b) => a + b.n, 0);
  if (!total) return { byMonth, medianSeconds: null };

  // percentile_cont(0.5): the values at 0-based ranks ⌊(N−1)/2⌋ and ⌈(N−1)/2⌉, interpolated.
  const pos = (total - 1) / 2;
  const ranks = [Math.floor(pos), Math.ceil(pos)];
  const located = ranks.map((rank) => {
    let before = 0;
    for (const b of buckets) {
      if (rank < before + b.n) return { seconds: b.seconds, index: rank - before };
      before += b.n;
    }
    throw new Error('provisioning histogram: rank beyond the total');
  });
  const wanted = [...new Set(located.map((l) => l.seconds))];
  const times = await db.execute<{ seconds: number; s: number }>(sql`
    select ${bucket} as seconds, extract(epoch from (provisioned_at - created_at))::float8 as s from customers
    where partner_org_id = ${partnerOrgId}::uuid and provisioned_at is not null and created_at >= ${start.toISOString()}::timestamptz
      and ${bucket} in (${sql.join(
        wanted.map((w) => sql`${w}`),
        sql`, `,
      )})
    order by 1, 2`);
  const value = (l: { seconds: number; index: number }) => {
    const inBucket = times.filter((t) => Number(t.seconds) === l.seconds).map((t) => Number(t.s));
    if (l.index >= inBucket.length) throw new Error('provisioning histogram out of step with customers.provisioned_at');
    const v = inBucket[l.index];
    if (v === undefined) throw new Error('provisioning histogram out of step with customers.provisioned_at');
    return v;
  };
  // ranks always holds two entries (floor and ceil of pos), so located does too.
  const [lo, hi] = located.map(value) as [number, number];
  return { byMonth, medianSeconds: lo + (hi - lo) * (pos - Math.floor(pos)) };
}
