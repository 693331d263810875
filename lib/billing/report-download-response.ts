import { eq } from 'drizzle-orm';
import { billingReports } from '@/db/schema';
import { ForbiddenError, NotFoundError } from '@/lib/platform/errors';
import { errorResponse } from '@/lib/platform/http-errors';
import type { ServiceDeps } from '@/lib/platform/service-ctx';
import { checkDownloadLink, downloadLinkKey } from './download-link';
import { isReportId } from './report-schema';
import { streamReportChunks } from './stream-report-chunks';

/**
 * Answers a temporary download link: the signature and expiry first (so an invalid
 * link learns nothing about the report), then that the report still exists and is
 * complete, then streams it. No session: the signed link is the authorisation.
 */
export async function reportDownloadResponse(
  deps: Pick<ServiceDeps, 'db' | 'clock'>,
  reportId: string,
  params: URLSearchParams,
  key: Buffer = downloadLinkKey(),
): Promise<Response> {
  try {
    const check = isReportId(reportId) ? checkDownloadLink(reportId, params, deps.clock.now(), key) : 'invalid';
    if (check === 'invalid') throw new ForbiddenError('This download link is not valid. Open the report again for a new link.');
    if (check === 'expired')
      throw new ForbiddenError('This download link has expired: links work for 30 minutes. Open the report again for a new link.');
    const [report] = await deps.db
      .select({
        type: billingReports.type,
        start: billingReports.billingStartDate,
        end: billingReports.billingEndDate,
        status: billingReports.status,
        byteSize: billingReports.byteSize,
        chunkCount: billingReports.chunkCount,
        chunkEncoding: billingReports.chunkEncoding,
      })
      .from(billingReports)
      .where(eq(billingReports.id, reportId));
    if (!report || report.status !== 'COMPLETED' || report.chunkCount == null)
      throw new NotFoundError('Report not found: it may have been deleted.');
    const filename = `billing-report-${report.type.toLowerCase()}-${report.start}-to-${report.end}.csv`;
    const headers = new Headers({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (report.byteSize != null) headers.set('Content-Length', String(report.byteSize));
    return new Response(streamReportChunks(deps.db, reportId, report.chunkCount, report.chunkEncoding), { status: 200, headers });
  } catch (err) {
    return errorResponse(err);
  }
}
