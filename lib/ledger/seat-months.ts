// The ledger's summaries (migration pages_custom): per owner, package and UTC month the
// intervals started and ended, and open seats per customer — kept by triggers, so the
// Overview and Analytics never count ~2 M ledger rows per view.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { PackageId } from '@/lib/domain/packages';

/**
 * Moves the owner's pending monthly deltas into its totals: the CTEs of one statement.
 * Rows another reader is folding are skipped (not waited for); totals are upserted in key
 * order, so two folds lock them in the same order. Exact either way: readers sum totals +
 * deltas — and a reader in the same statement sees both as they were before the fold.
 */
const foldCtes = (partnerOrgId: string) => sql`
    moved as (
      delete from partner_seat_month_deltas where id in (
        select id from partner_seat_month_deltas where partner_org_id = ${partnerOrgId} for update skip locked)
      returning package, month, started, ended
    ), folded as (select package, month, sum(started)::int as started, sum(ended)::int as ended from moved group by package, month),
    upserted as (
      insert into partner_seat_months (partner_org_id, package, month, started, ended)
      select ${partnerOrgId}, package, month, started, ended from folded order by package, month
      on conflict (partner_org_id, package, month) do update
        set started = partner_seat_months.started + excluded.started, ended = partner_seat_months.ended + excluded.ended
      returning 1
    )`;

export async function foldSeatMonths(db: DbOrTx, partnerOrgId: string): Promise<void> {
  await db.execute(sql`with ${foldCtes(partnerOrgId)} select count(*) from upserted`);
}

/** Totals + pending deltas of one owner, as one relation (package, month, started, ended). */
const monthsOf = (partnerOrgId: string) => sql`(
  select package, month, started, ended from partner_seat_months where partner_org_id = ${partnerOrgId}
  union all
  select package, month, started, ended from partner_seat_month_deltas where partner_org_id = ${partnerOrgId}
)`;

const openSeatsSql = (partnerOrgId: string) => sql`
    select package as pkg, (sum(started) - sum(ended))::int as n from ${monthsOf(partnerOrgId)} m
    group by package having sum(started) <> sum(ended) order by package`;

/** Open seats by package now (packages with none left out). */
export async function openSeatsByPackage(db: DbOrTx, partnerOrgId: string): Promise<{ pkg: PackageId; n: number }[]> {
  const rows = await db.execute<{ pkg: PackageId; n: number }>(openSeatsSql(partnerOrgId));
  return rows.map((r) => ({ pkg: r.pkg, n: Number(r.n) }));
}

/**
 * Folds (bounding the deltas later reads sum) and reads, in one statement: one round trip
 * per Overview view instead of two (at 10 concurrent clients the pool and the round trips
 * were the cost, not the rows).
 */
export async function currentSeatsByPackage(db: DbOrTx, partnerOrgId: string): Promise<{ pkg: PackageId; n: number }[]> {
  const rows = await db.execute<{ pkg: PackageId; n: number }>(sql`with ${foldCtes(partnerOrgId)} ${openSeatsSql(partnerOrgId)}`);
  return rows.map((r) => ({ pkg: r.pkg, n: Number(r.n) }));
}

/**
 * Intervals started and ended per package and month ('YYYY-MM'), months before `first`
 * collapsed into it — what the Analytics seat series accumulates.
 */
export async function seatMonthsByPackage(db: DbOrTx, partnerOrgId: string, first: string) {
  await foldSeatMonths(db, partnerOrgId);
  const rows = await db.execute<{ package: PackageId; m: string; started: number; ended: number }>(sql`
    select package::text as package, greatest(to_char(month, 'YYYY-MM'), ${first}) as m, sum(started)::int as started, sum(ended)::int as ended
    from ${monthsOf(partnerOrgId)} s group by 1, 2`);
  return rows.map((r) => ({ package: r.package, m: r.m, started: Number(r.started), ended: Number(r.ended) }));
}

/** The owner's customers with the most open seats. */
export async function topCustomersBySeats(db: DbOrTx, partnerOrgId: string, limit = 10) {
  const rows = await db.execute<{ id: string; name: string; seats: number }>(sql`
    select c.org_id as id, c.name, t.seats from (
      select customer_id, seats from customer_open_seats
      where partner_org_id = ${partnerOrgId} and seats > 0 order by seats desc limit ${limit}
    ) t join customers c on c.id = t.customer_id
    order by t.seats desc, c.name`);
  return rows.map((r) => ({ id: r.id, name: r.name, seats: Number(r.seats) }));
}
