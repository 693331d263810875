// The report CSV (SPEC §7.2): UTF-8, RFC 4180 (quoted when needed, CRLF line ends),
// a header row and exactly the columns of the report type, in the SPEC's order.
import { PACKAGE_INFO, PACKAGES, type PackageId } from '@/lib/domain/packages';
import type { ReportType } from '@/lib/domain/statuses';
import type { UsageRow } from './usage-sql';

const PARTNER_COLUMNS = [
  'PARTNER_NAME', 'PARTNER_ORG_ID', 'SUBSCRIPTION_ID', 'SERVICE_NAME', 'SKU', 'DESCRIPTION',
  'CONSUMPTION_START_DATE', 'CONSUMPTION_END_DATE', 'QUANTITY',
] as const;
const CUSTOMER_COLUMNS = [...PARTNER_COLUMNS, 'CUSTOMER_ORG_ID', 'CUSTOMER_EXTERNAL_ID', 'LOCATION_ID'] as const;
const USER_COLUMNS = [...CUSTOMER_COLUMNS, 'SUBSCRIBER_ID', 'USER_ID', 'WORKSPACE_ID'] as const;

export const REPORT_COLUMNS: Record<ReportType, readonly string[]> = {
  PARTNER: PARTNER_COLUMNS,
  CUSTOMER: CUSTOMER_COLUMNS,
  USER: USER_COLUMNS,
};

/** One RFC 4180 field: quoted only when it holds a quote, comma, CR or LF. */
export function csvField(value: string | null | undefined): string {
  const v = value ?? '';
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export const csvLine = (fields: readonly (string | null | undefined)[]): string => `${fields.map(csvField).join(',')}\r\n`;

export interface ReportPartner {
  name: string;
  orgId: string;
}

const isPackage = (p: string): p is PackageId => (PACKAGES as readonly string[]).includes(p);

/** A usage row as a CSV line of the report type. */
export function reportLine(type: ReportType, partner: ReportPartner, row: UsageRow): string {
  if (!isPackage(row.package)) throw new Error(`Unknown package in the ledger: ${row.package}`);
  const info = PACKAGE_INFO[row.package];
  const fields: (string | null | undefined)[] = [
    partner.name, partner.orgId, row.subscription_id, info.serviceName, info.sku, info.description,
    row.consumption_start, row.consumption_end, row.quantity,
  ];
  if (type !== 'PARTNER') fields.push(row.customer_org_id, row.customer_external_id, row.location_id);
  if (type === 'USER') fields.push(row.subscriber_id, row.user_id, row.workspace_id);
  return csvLine(fields);
}
