// The report's CSV rows built by PostgreSQL: one text column per row instead of fifteen.
// The bench showed parsing fifteen columns into JS objects and formatting them costing
// more than the aggregate itself at 2 M rows; building the line in SQL is a cheap
// projection on the server, and the generator only concatenates strings.
import { sql, type SQL } from 'drizzle-orm';
import { PACKAGES } from '@/lib/domain/packages';
import type { ReportType } from '@/lib/domain/statuses';
import { catalogFields, partnerFields, type ReportPartner } from './report-csv';
import { usageQuery, type UsageScope } from './usage-sql';

/** csvField's formula rule in SQL: a value starting with = + - @ tab or CR gets a leading ' (the
 * hyphen last in the class: in an E'' string a backslash before it is dropped). */
const neutralised = (v: SQL) => sql`(case when ${v} ~ ${sql.raw(`E'^[=+@\\t\\r-]'`)} then '''' || ${v} else ${v} end)`;

/**
 * RFC 4180 in SQL, the same rules as csvField: neutralise formulas, then quote only text holding ", comma, CR or LF.
 * One regex first decides whether either rule applies at all: the full form evaluates three
 * (the neutralised value appears in its test and its branch), and at 2 M rows × two fields
 * that was a measurable share of the report's server CPU (bench/report-bench.ts); almost no
 * value needs either rule.
 */
export const csvText = (raw: SQL) => {
  const v = neutralised(raw);
  const full = sql`(case when ${v} ~ ${sql.raw(`E'[",\\r\\n]'`)} then '"' || replace(${v}, '"', '""') || '"' else coalesce(${v}, '') end)`;
  return sql`(case when ${raw} ~ ${sql.raw(`E'^[=+@\\t\\r-]|[",\\r\\n]'`)} then ${full} else coalesce(${raw}, '') end)`;
};

/** SERVICE_NAME,SKU,DESCRIPTION per package, as pre-quoted CSV text. */
const catalog = sql`(case r.package ${sql.join(
  PACKAGES.map((p) => sql`when ${p} then ${catalogFields(p)}::text`),
  sql` `,
)} end)`;

/**
 * Rows of { line } — complete CSV lines with CRLF — over usageQuery's rows, in its order
 * (a plain projection of the ordered subquery, no join, so PostgreSQL keeps the order).
 * Only the subscription and external ID can hold characters that need quoting; ids,
 * dates and quantities never do.
 */
export function usageCsvQuery(level: ReportType, scope: UsageScope, partner: ReportPartner): SQL {
  const parts: SQL[] = [
    sql`${partnerFields(partner)}::text`,
    csvText(sql`r.subscription_id`),
    catalog,
    sql`r.consumption_start`,
    sql`r.consumption_end`,
    sql`r.quantity`,
  ];
  if (level !== 'PARTNER') parts.push(sql`r.customer_org_id`, csvText(sql`r.customer_external_id`), sql`r.location_id`);
  if (level === 'USER') parts.push(sql`r.subscriber_id`, sql`coalesce(r.user_id, '')`, sql`coalesce(r.workspace_id, '')`);
  return sql`select ${sql.join(parts, sql` || ',' || `)} || chr(13) || chr(10) as line from (${usageQuery(level, scope)}) r`;
}
