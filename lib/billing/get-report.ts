import { parseInput } from '@/lib/server/guard';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import { signDownloadUrl } from './download-link';
import { getReportOrThrow } from './get-report-or-throw';
import { reportIdSchema } from './report-schema';
import type { BillingReportView } from './report-view';

export interface BillingReportDetail extends BillingReportView {
  /** A signed link valid 30 minutes from this call; null until the report is COMPLETED. */
  tempDownloadURL: string | null;
  tempDownloadURLExpires: string | null;
}

/** Status plus a fresh temporary download link (SPEC §7.2). */
export async function getReport(ctx: ServiceCtx, request: { reportId: string }): Promise<BillingReportDetail> {
  const { reportId } = parseInput(reportIdSchema, request);
  const report = await getReportOrThrow(ctx, reportId);
  if (report.status !== 'COMPLETED') return { ...report, tempDownloadURL: null, tempDownloadURLExpires: null };
  const link = signDownloadUrl(report.id, ctx.clock.now());
  return { ...report, tempDownloadURL: link.url, tempDownloadURLExpires: link.expiresAt.toISOString() };
}
