import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { billingReports } from '@/db/schema';
import { parseInput } from '@/lib/server/guard';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import { listReportsSchema, type ListReportsInput, type ReportSort } from './report-schema';
import { selectReports, toReportView, type BillingReportView } from './report-view';

const SORT_COLUMNS = {
  id: billingReports.id,
  billingStartDate: billingReports.billingStartDate,
  billingEndDate: billingReports.billingEndDate,
  status: billingReports.status,
} satisfies Record<ReportSort, unknown>;

/**
 * The org's own reports (a sub-partner sees only its own; a parent's reports about an
 * indirect provider stay the parent's). Filters match exactly; newest first unless sortBy.
 */
export async function listReports(ctx: ServiceCtx, request: ListReportsInput): Promise<{ items: BillingReportView[] }> {
  const input = parseInput(listReportsSchema, request);
  const where: SQL[] = [eq(billingReports.orgId, ctx.access.org.id)];
  if (input.billingStartDate) where.push(eq(billingReports.billingStartDate, input.billingStartDate));
  if (input.billingEndDate) where.push(eq(billingReports.billingEndDate, input.billingEndDate));
  if (input.type) where.push(eq(billingReports.type, input.type));
  if (input.status) where.push(eq(billingReports.status, input.status));
  if (input.subPartnerOrgId) where.push(eq(billingReports.subPartnerOrgId, input.subPartnerOrgId));
  const order = input.sortBy
    ? [asc(SORT_COLUMNS[input.sortBy]), desc(billingReports.createdAt), asc(billingReports.id)]
    : [desc(billingReports.createdAt), asc(billingReports.id)];
  const rows = await selectReports(ctx.db)
    .where(and(...where))
    .orderBy(...order)
    .limit(input.max)
    .offset(input.offset);
  return { items: rows.map(toReportView) };
}
