import { and, eq, lt } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { billingReportChunks, billingReports } from '@/db/schema';
import { ChunkWriter, REPORT_CHUNK_ENCODING, type ChunkEncoding } from '@/lib/billing/chunk-writer';
import { copyLines } from '@/lib/billing/copy-lines';
import { periodBounds } from '@/lib/billing/report-dates';
import { csvLine, REPORT_COLUMNS } from '@/lib/billing/report-csv';
import { reportSubject } from '@/lib/billing/report-subject';
import { usageCsvQuery } from '@/lib/billing/usage-csv-sql';
import type { Clock } from '@/lib/platform/clock';
import { logger } from '@/lib/platform/logger';
import { emitReportFinished } from '@/lib/webhooks/emit-resource-events';
import { QUEUES, type JobSender } from '@/lib/platform/queues';
import { oneRow } from '@/db/one-row';

export interface GenerateOptions {
  clock: Clock;
  /** Test and bench seams: chunk size, cursor batch size, how rows are fetched and chunks stored. */
  chunkBytes?: number;
  cursorRows?: number;
  source?: 'copy' | 'cursor';
  encoding?: ChunkEncoding;
  gzipLevel?: number;
  /** Starts the billing_report.* webhook delivery right after commit (else the webhook sweep sends it). */
  jobs?: JobSender;
}

export type GenerateOutcome = 'completed' | 'failed' | 'skipped';

const dialect = new PgDialect();
const lockKey = (reportId: string) => `billing-report:${reportId}`;

/**
 * Generates one report's CSV (SPEC §7.2). Idempotent and safe to run twice at once:
 * a report that is not IN_PROGRESS is skipped, a session advisory lock lets only one
 * run work on a report, and a rerun after a crash first drops what the crashed run
 * stored. The aggregate streams through a cursor on a reserved connection while
 * chunks are written through the pool, so memory stays flat whatever the size.
 */
export async function generateReport(db: Db, reportId: string, opts: GenerateOptions): Promise<GenerateOutcome> {
  const conn = await db.$client.reserve();
  try {
    const { locked } = await oneRow(
      conn<{ locked: boolean }[]>`select pg_try_advisory_lock(hashtextextended(${lockKey(reportId)}, 0)) as locked`,
      'the advisory lock result',
    );
    if (!locked) return 'skipped';
    try {
      return await generateLocked(db, conn, reportId, opts);
    } finally {
      await conn`select pg_advisory_unlock(hashtextextended(${lockKey(reportId)}, 0))`;
    }
  } finally {
    conn.release();
  }
}

type Reserved = Awaited<ReturnType<Db['$client']['reserve']>>;

async function generateLocked(db: Db, conn: Reserved, reportId: string, opts: GenerateOptions): Promise<GenerateOutcome> {
  const [report] = await db.select().from(billingReports).where(eq(billingReports.id, reportId));
  if (!report || report.status !== 'IN_PROGRESS') return 'skipped';
  let writer: ChunkWriter | null = null;
  try {
    const subject = await reportSubject(db, report);
    if (!subject) throw new Error(`the org of report ${reportId} no longer exists`);
    await db.delete(billingReportChunks).where(eq(billingReportChunks.reportId, reportId));
    const encoding = opts.encoding ?? REPORT_CHUNK_ENCODING;
    writer = new ChunkWriter(db, reportId, { chunkBytes: opts.chunkBytes, encoding, gzipLevel: opts.gzipLevel });
    const w = writer;
    await w.write(csvLine(REPORT_COLUMNS[report.type]));
    const { from, to } = periodBounds(report.billingStartDate, report.billingEndDate);
    const scope = { partnerOrgId: subject.orgId, from, to, fallbackSubscriptionId: subject.fallbackSubscriptionId };
    const csv = usageCsvQuery(report.type, scope, { name: subject.name, orgId: subject.orgId });
    let rowCount = 0;
    if ((opts.source ?? 'copy') === 'copy') {
      // COPY takes no parameters: the values are inlined as quoted literals, which is
      // exact only with standard_conforming_strings on (the default; set here regardless).
      await conn`set standard_conforming_strings = on`;
      rowCount = await copyLines(conn, dialect.sqlToQuery(csv.inlineParams()).sql, (bytes) => w.write(bytes));
    } else {
      const query = dialect.sqlToQuery(csv);
      const cursor = conn.unsafe<{ line: string }[]>(query.sql, query.params as (string | null)[]).cursor(opts.cursorRows ?? 5000);
      for await (const batch of cursor) {
        let text = '';
        for (const row of batch) text += row.line;
        rowCount += batch.length;
        await w.write(text);
      }
    }
    const { byteSize, chunkCount } = await writer.finish();
    const after: (() => Promise<void> | void)[] = [];
    const done = await db.transaction(async (tx) => {
      const now = opts.clock.now();
      const rows = await tx
        .update(billingReports)
        .set({ status: 'COMPLETED', rowCount, byteSize, chunkCount, chunkEncoding: encoding, completedAt: now, errors: [] })
        .where(and(eq(billingReports.id, reportId), eq(billingReports.status, 'IN_PROGRESS')))
        .returning({ id: billingReports.id });
      if (rows.length) await emitReportFinished({ db: tx, jobs: opts.jobs, afterCommit: (f) => after.push(f) }, reportId, now);
      return rows;
    });
    await runAfterCommit(after);
    return done.length ? 'completed' : 'skipped';
  } catch (err) {
    await writer?.settle();
    // Deleted while generating: the chunk insert hit the foreign key. Nothing to report.
    const [still] = await db.select({ id: billingReports.id }).from(billingReports).where(eq(billingReports.id, reportId));
    if (!still) return 'skipped';
    logger.error({ err, reportId }, 'billing report failed');
    const after: (() => Promise<void> | void)[] = [];
    await db.transaction(async (tx) => {
      await tx.delete(billingReportChunks).where(eq(billingReportChunks.reportId, reportId));
      const failed = await tx
        .update(billingReports)
        .set({
          status: 'FAILED',
          completedAt: opts.clock.now(),
          errors: [
            {
              errorCode: 10500,
              description: 'The report could not be generated. Delete it and create it again; if it fails again, contact support.',
            },
          ],
        })
        .where(and(eq(billingReports.id, reportId), eq(billingReports.status, 'IN_PROGRESS')))
        .returning({ id: billingReports.id });
      if (failed.length)
        await emitReportFinished({ db: tx, jobs: opts.jobs, afterCommit: (f) => after.push(f) }, reportId, opts.clock.now());
    });
    await runAfterCommit(after);
    return 'failed';
  }
}

async function runAfterCommit(after: (() => Promise<void> | void)[]) {
  for (const f of after) await Promise.resolve(f()).catch((err) => logger.error({ err }, 'billing report: after-commit step failed'));
}

/** Re-enqueues reports still IN_PROGRESS long after creation (a missed after-commit send or a crashed run). */
export async function sweepReports(db: Db, jobs: JobSender, now: Date): Promise<number> {
  const stale = await db
    .select({ id: billingReports.id })
    .from(billingReports)
    .where(and(eq(billingReports.status, 'IN_PROGRESS'), lt(billingReports.createdAt, new Date(now.getTime() - 5 * 60_000))))
    .limit(100);
  for (const { id } of stale) await jobs.send(QUEUES.generateReport, { reportId: id }, { singletonKey: id });
  return stale.length;
}
