// The filtered Activity as CSV, streamed: read by keyset in batches of 1,000 on the pool
// (no transaction held open), each cell neutralised against formula injection (csvField).
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import type { OrgAccess } from '@/lib/auth/access';
import { csvLine } from '@/lib/billing/report-csv';
import { activityBatches, type ActivityFilters, type ActivityRow } from './list-activity';

const realDate = z
  .string()
  .refine(
    (v) => v === '' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)),
    'Use a date as yyyy-mm-dd.',
  );

/** The page's filters, from the export link's query string. */
export const activityExportSchema = z.object({
  action: z.string().trim().max(100).default(''),
  actor: z.string().trim().max(200).default(''),
  from: realDate.default(''),
  to: realDate.default(''),
});

export const ACTIVITY_CSV_COLUMNS = ['When (UTC)', 'Who', 'Actor e-mail', 'On behalf of', 'Organisation', 'Action', 'Summary'] as const;

export function activityCsvLine(r: ActivityRow): string {
  const who = r.apiTokenId ? 'API token' : r.actorEmail ? (r.actorName ?? r.actorEmail) : 'System';
  const onBehalf = r.actorOrgId && r.actorOrgId !== r.orgId ? r.actorOrgName : '';
  return csvLine([r.at.toISOString(), who, r.actorEmail, onBehalf, r.orgName, r.action, r.summary]);
}

/** A streamed text/csv download of every entry the filters match, newest first. */
export function activityCsvResponse(db: DbOrTx, access: OrgAccess, filters: ActivityFilters, now: Date): Response {
  const encoder = new TextEncoder();
  const batches = activityBatches(db, access, filters);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvLine(ACTIVITY_CSV_COLUMNS)}`));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value.map(activityCsvLine).join('')));
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="activity-${now.toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
