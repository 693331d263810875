import { and, eq } from 'drizzle-orm';
import { billingReports } from '@/db/schema';
import { parseInput } from '@/lib/server/guard';
import { audit } from '@/lib/platform/audit';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import { getReportOrThrow } from './get-report-or-throw';
import { reportIdSchema } from './report-schema';

/**
 * Deletes a report; its CSV chunks go with it (ON DELETE CASCADE), and since the
 * download route checks the report exists, every link handed out stops working at once.
 * A generation still running notices the report is gone and stops.
 */
export async function deleteReport(ctx: ServiceCtx, request: { reportId: string }): Promise<{ id: string }> {
  const { reportId } = parseInput(reportIdSchema, request);
  const report = await getReportOrThrow(ctx, reportId);
  await ctx.db.delete(billingReports).where(and(eq(billingReports.id, report.id), eq(billingReports.orgId, ctx.access.org.id)));
  const about = report.subPartnerName ? ` for ${report.subPartnerName}` : '';
  await audit(ctx.db, auditActor(ctx), {
    action: 'billing.report.delete',
    targetType: 'billing_report',
    targetId: report.id,
    summary: `Deleted the ${report.type} billing report${about} for ${report.billingStartDate} to ${report.billingEndDate}`,
    before: {
      type: report.type,
      billingStartDate: report.billingStartDate,
      billingEndDate: report.billingEndDate,
      status: report.status,
      subPartnerOrgId: report.subPartnerOrgId,
    },
  });
  return { id: report.id };
}
