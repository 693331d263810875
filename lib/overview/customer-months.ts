// Customers per owner, status and months (created, last status change, deprovisioned),
// from the summary the customers table's triggers keep (migration pages_custom), instead
// of reading 100,000 customer rows on every Overview or Analytics view.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { CustomerStatus } from '@/lib/domain/statuses';

/**
 * Moves the owner's pending deltas into the totals: the CTEs of one statement (rows another
 * reader holds are skipped; totals upserted in key order). Readers sum totals + deltas:
 * exact either way — a reader in the same statement sees both as they were before the fold.
 */
const foldCtes = (partnerOrgId: string) => sql`
    moved as (
      delete from partner_customer_month_deltas where id in (
        select id from partner_customer_month_deltas where partner_org_id = ${partnerOrgId} for update skip locked)
      returning status, created_month, changed_month, deprovisioned_month, n
    ), folded as (select status, created_month, changed_month, deprovisioned_month, sum(n)::int as n from moved group by 1, 2, 3, 4),
    upserted as (
      insert into partner_customer_months (partner_org_id, status, created_month, changed_month, deprovisioned_month, n)
      select ${partnerOrgId}::uuid, status, created_month, changed_month, deprovisioned_month, n from folded order by status, created_month, changed_month, deprovisioned_month
      on conflict (partner_org_id, status, created_month, changed_month, deprovisioned_month) do update set n = partner_customer_months.n + excluded.n
      returning 1
    )`;

async function fold(db: DbOrTx, partnerOrgId: string): Promise<void> {
  await db.execute(sql`with ${foldCtes(partnerOrgId)} select count(*) from upserted`);
}

const monthsOf = (partnerOrgId: string) => sql`(
  select status, created_month, changed_month, deprovisioned_month, n from partner_customer_months where partner_org_id = ${partnerOrgId}
  union all
  select status, created_month, changed_month, deprovisioned_month, n from partner_customer_month_deltas where partner_org_id = ${partnerOrgId}
)`;

/** Customers by status now: folded and read in one statement (one round trip per Overview view). */
export async function customersByStatus(db: DbOrTx, partnerOrgId: string): Promise<{ status: CustomerStatus; n: number }[]> {
  const rows = await db.execute<{ status: CustomerStatus; n: number }>(sql`with ${foldCtes(partnerOrgId)}
    select status, sum(n)::int as n from ${monthsOf(partnerOrgId)} s group by status having sum(n) <> 0 order by status`);
  return rows.map((r) => ({ status: r.status, n: Number(r.n) }));
}

/**
 * Customers grouped by (status, created, changed, deprovisioned month as 'YYYY-MM'), months
 * before `first` collapsed into it — what the Analytics status history is estimated from.
 */
export async function customerStatusMonths(db: DbOrTx, partnerOrgId: string, first: string) {
  await fold(db, partnerOrgId);
  const rows = await db.execute<{ status: CustomerStatus; created: string; changed: string; deprov: string | null; n: number }>(sql`
    select status::text as status, greatest(to_char(created_month, 'YYYY-MM'), ${first}) as created,
      greatest(to_char(changed_month, 'YYYY-MM'), ${first}) as changed,
      case when deprovisioned_month = 'infinity' then null else greatest(to_char(deprovisioned_month, 'YYYY-MM'), ${first}) end as deprov,
      sum(n)::int as n
    from ${monthsOf(partnerOrgId)} s group by 1, 2, 3, 4 having sum(n) <> 0`);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/**
 * Customers created in each month from `first` on ('YYYY-MM'), and how many of them are in
 * error now — the Analytics new-customers and failed-provisioning series, from the same
 * summary (totals + pending deltas: exact whether or not a fold ran).
 */
export async function customerCreationMonths(db: DbOrTx, partnerOrgId: string, first: string) {
  const rows = await db.execute<{ m: string; n: number; failed: number }>(sql`
    select to_char(created_month, 'YYYY-MM') as m, sum(n)::int as n, (sum(n) filter (where status = 'error'))::int as failed
    from ${monthsOf(partnerOrgId)} s where created_month >= to_date(${first}, 'YYYY-MM') group by 1`);
  return rows.map((r) => ({ m: r.m, n: Number(r.n), failed: Number(r.failed ?? 0) }));
}

/**
 * How many customers the owner has (in one status, if given): totals + pending deltas, in
 * one statement — exact without a fold, and ~1 ms where count(*) over the owner's 100,000
 * customers is ~20 ms (the customer list's Last page and deep page numbers need it exact).
 */
export async function customerTotal(db: DbOrTx, partnerOrgId: string, status: CustomerStatus | null): Promise<number> {
  const rows = await db.execute<{ n: number | string | null }>(sql`
    select sum(n)::int as n from ${monthsOf(partnerOrgId)} s ${status ? sql`where status = ${status}` : sql``}`);
  return Number(rows[0]?.n ?? 0);
}
