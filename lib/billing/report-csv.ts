// The report CSV (SPEC §7.2): UTF-8, RFC 4180 (quoted when needed, CRLF line ends),
// a header row and exactly the columns of the report type, in the SPEC's order.
import { PACKAGE_INFO, type PackageId } from '@/lib/domain/packages';
import type { ReportType } from '@/lib/domain/statuses';

const PARTNER_COLUMNS = [
  'PARTNER_NAME',
  'PARTNER_ORG_ID',
  'SUBSCRIPTION_ID',
  'SERVICE_NAME',
  'SKU',
  'DESCRIPTION',
  'CONSUMPTION_START_DATE',
  'CONSUMPTION_END_DATE',
  'QUANTITY',
] as const;
const CUSTOMER_COLUMNS = [...PARTNER_COLUMNS, 'CUSTOMER_ORG_ID', 'CUSTOMER_EXTERNAL_ID', 'LOCATION_ID'] as const;
const USER_COLUMNS = [...CUSTOMER_COLUMNS, 'SUBSCRIBER_ID', 'USER_ID', 'WORKSPACE_ID'] as const;

export const REPORT_COLUMNS: Record<ReportType, readonly string[]> = {
  PARTNER: PARTNER_COLUMNS,
  CUSTOMER: CUSTOMER_COLUMNS,
  USER: USER_COLUMNS,
};

/** Cells a spreadsheet would run as a formula (OWASP CSV injection; SPEC §10). */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 field: quoted only when it holds a quote, comma, CR or LF; a value that a
 * spreadsheet would read as a formula is prefixed with ' first (SPEC §10).
 */
export function csvField(value: string | null | undefined): string {
  let v = value ?? '';
  if (FORMULA_START.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export const csvLine = (fields: readonly (string | null | undefined)[]): string => `${fields.map(csvField).join(',')}\r\n`;

export interface ReportPartner {
  name: string;
  orgId: string;
}

/** PARTNER_NAME,PARTNER_ORG_ID — the same on every row of a report. */
export const partnerFields = (p: ReportPartner): string => `${csvField(p.name)},${csvField(p.orgId)}`;

/** SERVICE_NAME,SKU,DESCRIPTION of a package (SPEC §7.2's small SKU table). */
export function catalogFields(pkg: PackageId): string {
  const info = PACKAGE_INFO[pkg];
  return [info.serviceName, info.sku, info.description].map(csvField).join(',');
}
