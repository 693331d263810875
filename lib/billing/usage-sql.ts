// SPEC §7.1 as one SQL aggregate over the interval ledger: no per-day rows exist.
//
// A subscriber's daily quantity is the fraction of the UTC day its assignment was
// active, and a period's quantity the sum over its days — which is exactly the overlap
// of [started_at, ended_at ?? ∞) with the period, in seconds, / 86,400. So each level
// sums overlap seconds (exact to the microsecond, numeric) and rounds once at the end.
import { sql, type SQL } from 'drizzle-orm';
import type { ReportType } from '@/lib/domain/statuses';

export interface UsageScope {
  /** Ledger partner_org_id: the partner or sub-partner that owns the customers. */
  partnerOrgId: string;
  /** [from, to): the report period as instants (periodBounds). */
  from: Date;
  to: Date;
  /** SUBSCRIPTION_ID for customers without one recorded (the org's or shared subscription). */
  fallbackSubscriptionId: string | null;
}

/** One aggregate row; every value is text, ready for the CSV. (A type, not an interface: db.execute wants a record.) */
export type UsageRow = {
  subscription_id: string | null;
  package: string;
  /** Decimal without float noise or trailing zeros, e.g. "29.5". */
  quantity: string;
  /** The period clipped to when this row's usage existed (yyyy-mm-dd, inclusive). */
  consumption_start: string;
  consumption_end: string;
  customer_org_id?: string;
  customer_external_id?: string;
  location_id?: string;
  subscriber_id?: string;
  user_id?: string | null;
  workspace_id?: string | null;
};

const INFINITY = sql.raw(`'infinity'::timestamptz`);

/** The per-level grouping: USER rows sum to CUSTOMER rows, CUSTOMER rows to PARTNER rows. */
const GROUP_KEYS: Record<ReportType, SQL> = {
  PARTNER: sql.raw('pa.customer_id, pa.package'),
  CUSTOMER: sql.raw('pa.customer_id, pa.location_id, pa.package'),
  USER: sql.raw('pa.customer_id, pa.location_id, pa.subscriber_id, pa.package'),
};

/** Seconds → the CSV's decimal: 6 places, trailing zeros trimmed (30, 29.5, 0.041667). */
const quantity = (seconds: SQL) => sql`trim_scale(round(${seconds} / 86400, 6))::text`;
const dayOf = (instant: SQL) => sql`to_char(${instant} at time zone 'UTC', 'YYYY-MM-DD')`;
/** The last instant is exclusive: usage ending at midnight last consumed the day before. */
const lastDayOf = (instant: SQL) => sql`to_char((${instant} - interval '1 microsecond') at time zone 'UTC', 'YYYY-MM-DD')`;

/**
 * The ledger rows overlapping the period, summed per level. Bounded by
 * package_assignments_partner_end_idx (ended after the start) or _partner_period_idx
 * (started before the end).
 */
function usageCte(level: ReportType, s: UsageScope): SQL {
  const from = sql`${s.from.toISOString()}::timestamptz`;
  const to = sql`${s.to.toISOString()}::timestamptz`;
  const end = sql`coalesce(pa.ended_at, ${INFINITY})`;
  const keys = GROUP_KEYS[level];
  return sql`select ${keys},
      sum(extract(epoch from least(${end}, ${to}) - greatest(pa.started_at, ${from}))) as seconds,
      min(greatest(pa.started_at, ${from})) as first_at,
      max(least(${end}, ${to})) as last_at
    from package_assignments pa
    where pa.partner_org_id = ${s.partnerOrgId}::uuid
      and pa.started_at < ${to}
      and ${end} > ${from}
      and pa.ended_at is distinct from pa.started_at
    group by ${keys}`;
}

/** The aggregate query of a report level (PARTNER and CUSTOMER rows in a stable order). */
export function usageQuery(level: ReportType, s: UsageScope): SQL {
  const subscription = sql`coalesce(c.subscription_id, ${s.fallbackSubscriptionId}::text)`;
  const usage = usageCte(level, s);
  if (level === 'PARTNER') {
    return sql`with usage as (${usage})
      select ${subscription} as subscription_id, u.package::text as package,
        ${quantity(sql`sum(u.seconds)`)} as quantity,
        ${dayOf(sql`min(u.first_at)`)} as consumption_start,
        ${lastDayOf(sql`max(u.last_at)`)} as consumption_end
      from usage u join customers c on c.id = u.customer_id
      group by 1, u.package
      order by 1, u.package`;
  }
  const common = sql`${subscription} as subscription_id, u.package::text as package,
        ${quantity(sql`u.seconds`)} as quantity,
        ${dayOf(sql`u.first_at`)} as consumption_start,
        ${lastDayOf(sql`u.last_at`)} as consumption_end,
        c.org_id::text as customer_org_id, c.external_id as customer_external_id, u.location_id::text as location_id`;
  if (level === 'CUSTOMER') {
    return sql`with usage as (${usage})
      select ${common}
      from usage u join customers c on c.id = u.customer_id
      order by c.external_id, u.location_id, u.package`;
  }
  // No ORDER BY at this level: at 2 M rows it is a large on-disk sort (≈25 % of the
  // query, measured in bench/report-bench.ts) for an order nobody reconciles by. The rows
  // come out grouped by customer in practice; tests and consumers must not rely on order.
  return sql`with usage as (${usage})
    select ${common},
      s.id::text as subscriber_id, s.user_id::text as user_id,
      case when s.kind = 'workspace' then s.id::text end as workspace_id
    from usage u join customers c on c.id = u.customer_id join subscribers s on s.id = u.subscriber_id`;
}
