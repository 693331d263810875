// Report retention (REPORT_RETENTION_DAYS): the daily pg-boss job deletes finished reports
// older than the retention period, with their stored CSV, on an injected clock.
import { and, eq, inArray } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, billingReportChunks, billingReports } from '@/db/schema';
import { registerWorkers } from '@/jobs/worker';
import { downloadLinkKey, signDownloadUrl } from '@/lib/billing/download-link';
import { reportDownloadResponse } from '@/lib/billing/report-download-response';
import { deleteExpiredReports, reportRetentionDays } from '@/lib/billing/report-retention';
import { startBoss } from '@/lib/platform/boss';
import { fixedClock } from '@/lib/platform/clock';
import { QUEUES } from '@/lib/platform/queues';
import { freshDb } from './support/test-db';
import { makePartner } from './support/fixtures';
import { oneRow } from '@/db/one-row';

const db = await freshDb();
const NOW = '2026-09-01T12:00:00Z';
const clock = fixedClock(NOW);
const key = downloadLinkKey('test-secret-test-secret-test-secret-0123');
const DAY = 24 * 3600_000;
const daysAgo = (d: number) => new Date(new Date(NOW).getTime() - d * DAY);
let boss: PgBoss;
let partner: { id: string };

/** A report created `age` days before NOW, with two stored chunks when it is COMPLETED. */
async function report(age: number, status: 'COMPLETED' | 'FAILED' | 'IN_PROGRESS', month: number) {
  const start = `2026-${String(month).padStart(2, '0')}-01`;
  const end = `2026-${String(month).padStart(2, '0')}-28`;
  const r = await oneRow(
    db
      .insert(billingReports)
      .values({
        orgId: partner.id,
        type: 'USER',
        billingStartDate: start,
        billingEndDate: end,
        status,
        createdAt: daysAgo(age),
        ...(status === 'COMPLETED' ? { rowCount: 1, byteSize: 6, chunkCount: 2, completedAt: daysAgo(age) } : {}),
      })
      .returning(),
    'r',
  );
  if (status === 'COMPLETED')
    await db.insert(billingReportChunks).values([
      { reportId: r.id, seq: 0, data: Buffer.from('a,b\r\n') },
      { reportId: r.id, seq: 1, data: Buffer.from('x') },
    ]);
  return r.id;
}

const remaining = async (ids: string[]) =>
  (await db.select({ id: billingReports.id }).from(billingReports).where(inArray(billingReports.id, ids))).map((r) => r.id).sort();

beforeAll(async () => {
  partner = await makePartner(db);
  boss = await startBoss(db.url);
  await registerWorkers(boss, db, clock);
});

afterAll(async () => {
  await boss.stop({ graceful: false, timeout: 2_000 });
});

describe('report retention', () => {
  // Each case counts what one run deletes: it starts from no reports.
  beforeEach(async () => {
    await db.delete(billingReports).where(eq(billingReports.orgId, partner.id));
  });

  it('is scheduled daily on pg-boss', async () => {
    const schedules = await boss.getSchedules();
    expect(schedules.find((s) => s.name === QUEUES.expireReports)?.cron).toBe('41 3 * * *');
  });

  it('the job deletes finished reports older than 90 days with their chunks, audits each, and keeps the rest', async () => {
    const oldDone = await report(91, 'COMPLETED', 1);
    const oldFailed = await report(120, 'FAILED', 2);
    const oldRunning = await report(95, 'IN_PROGRESS', 3);
    const recent = await report(89, 'COMPLETED', 4);
    const all = [oldDone, oldFailed, oldRunning, recent];
    const linkBefore = signDownloadUrl(oldDone, clock.now(), key, undefined).url;
    expect((await reportDownloadResponse({ db, clock }, oldDone, new URL(linkBefore, 'http://x').searchParams, key)).status).toBe(200);

    await boss.send(QUEUES.expireReports, {});
    const until = Date.now() + 20_000;
    while ((await remaining(all)).length > 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 200));

    expect(await remaining(all)).toEqual([oldRunning, recent].sort());
    const chunks = await db
      .select({ id: billingReportChunks.reportId })
      .from(billingReportChunks)
      .where(inArray(billingReportChunks.reportId, all));
    expect(new Set(chunks.map((c) => c.id))).toEqual(new Set([recent]));
    // A link handed out before the deletion now answers "not found".
    const res = await reportDownloadResponse({ db, clock }, oldDone, new URL(linkBefore, 'http://x').searchParams, key);
    expect(res.status).toBe(404);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'billing.report.expire'), eq(auditLog.orgId, partner.id)));
    expect(audits.map((a) => a.targetId).sort()).toEqual([oldDone, oldFailed].sort());
    expect(audits.every((a) => a.actorUserId === null && /older than 90 days/.test(a.summary))).toBe(true);
  });

  it('an explicit "now" and period: the cut-off moves with them, and 0 keeps everything', async () => {
    const ten = await report(10, 'COMPLETED', 5);
    const twenty = await report(20, 'FAILED', 6);
    expect(await deleteExpiredReports(db, new Date(NOW), 0)).toBe(0);
    expect(await deleteExpiredReports(db, new Date(NOW), 30)).toBe(0);
    expect(await remaining([ten, twenty])).toEqual([ten, twenty].sort());
    expect(await deleteExpiredReports(db, new Date(NOW), 15)).toBe(1);
    expect(await remaining([ten, twenty])).toEqual([ten]);
    // Later, the same period catches the younger one too.
    expect(await deleteExpiredReports(db, new Date(new Date(NOW).getTime() + 6 * DAY), 15)).toBe(1);
    expect(await remaining([ten, twenty])).toEqual([]);
  });

  it('deletes in batches until nothing is due', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 45; i++) {
      const r = await oneRow(
        db
          .insert(billingReports)
          .values({
            orgId: partner.id,
            type: 'CUSTOMER',
            billingStartDate: '2025-01-01',
            billingEndDate: `2025-01-${String(1 + (i % 28)).padStart(2, '0')}`,
            status: 'FAILED',
            createdAt: daysAgo(200 + i),
          })
          .returning(),
        'r',
      );
      ids.push(r.id);
    }
    expect(await deleteExpiredReports(db, new Date(NOW), 90)).toBe(45);
    expect(await remaining(ids)).toEqual([]);
  });
});

describe('REPORT_RETENTION_DAYS', () => {
  it('defaults to 90, takes whole days, 0 = keep forever, refuses anything else', () => {
    expect(reportRetentionDays(undefined)).toBe(90);
    expect(reportRetentionDays('')).toBe(90);
    expect(reportRetentionDays('30')).toBe(30);
    expect(reportRetentionDays('0')).toBe(0);
    for (const bad of ['-1', '1.5', 'ninety', '30d'])
      expect(() => reportRetentionDays(bad)).toThrow(/REPORT_RETENTION_DAYS must be a whole number/);
  });
});
