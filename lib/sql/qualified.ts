import { getTableName, sql, type Column, type SQL } from 'drizzle-orm';

/**
 * A column as "table"."column". Drizzle leaves columns unqualified in the select list of a
 * single-table query, so inside a correlated subquery `${orgs.id}` would silently bind to
 * the subquery's own `id`. Use this for every outer reference in such subqueries.
 */
export function qualified(column: Column): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}
