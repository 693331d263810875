import { appDeps } from '@/lib/server/deps';
import { reportDownloadResponse } from '@/lib/billing/report-download-response';

// A temporary, signed link (lib/billing/download-link.ts) — no session needed, so
// back-office systems given a tempDownloadURL can fetch it too.
export const dynamic = 'force-dynamic';

export async function GET(req: Request, { params }: { params: Promise<{ reportId: string }> }) {
  const { reportId } = await params;
  return reportDownloadResponse(appDeps(), reportId, new URL(req.url).searchParams);
}
