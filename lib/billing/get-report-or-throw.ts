import { and, eq } from 'drizzle-orm';
import { billingReports } from '@/db/schema';
import { NotFoundError } from '@/lib/platform/errors';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import { isReportId } from './report-schema';
import { selectReports, toReportView, type BillingReportView } from './report-view';

/**
 * A report of the org in ctx, or 404 — also for another org's report, so a sub-partner
 * can't learn that its parent's or a sibling's report exists.
 */
export async function getReportOrThrow(ctx: Pick<ServiceCtx, 'db' | 'access'>, reportId: string): Promise<BillingReportView> {
  if (!isReportId(reportId)) throw new NotFoundError('Report not found.');
  const [row] = await selectReports(ctx.db).where(and(eq(billingReports.id, reportId), eq(billingReports.orgId, ctx.access.org.id)));
  if (!row) throw new NotFoundError('Report not found.');
  return toReportView(row);
}
