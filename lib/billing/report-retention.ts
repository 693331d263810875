import { and, inArray, lt, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { billingReports } from '@/db/schema';
import { audit } from '@/lib/platform/audit';

export const DEFAULT_REPORT_RETENTION_DAYS = 90;
const DAY_MS = 24 * 3600_000;
/** Reports deleted per transaction: each carries its chunks (up to hundreds of MB) with it. */
const BATCH = 20;

/**
 * REPORT_RETENTION_DAYS: unset → 90; a positive whole number of days; `0` keeps reports
 * forever. Anything else is refused at start-up rather than silently meaning "never".
 */
export function reportRetentionDays(raw: string | undefined = process.env.REPORT_RETENTION_DAYS): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_REPORT_RETENTION_DAYS;
  if (!/^\d+$/.test(raw.trim()))
    throw new Error(`REPORT_RETENTION_DAYS must be a whole number of days (0 keeps reports forever), not "${raw}"`);
  return Number(raw.trim());
}

/**
 * The retention job: deletes finished (completed or failed) reports created more than
 * `days` days before `now`, with their CSV chunks (ON DELETE CASCADE), and audits each
 * deletion on the report's org so the partner's Activity shows why it disappeared.
 * A report still IN_PROGRESS is left to the generation sweep. Returns how many went.
 */
export async function deleteExpiredReports(db: Db, now: Date, days: number): Promise<number> {
  if (days <= 0) return 0;
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  let deleted = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: billingReports.id })
        .from(billingReports)
        .where(and(lt(billingReports.createdAt, cutoff), ne(billingReports.status, 'IN_PROGRESS')))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      if (!due.length) return 0;
      const gone = await tx
        .delete(billingReports)
        .where(
          inArray(
            billingReports.id,
            due.map((r) => r.id),
          ),
        )
        .returning();
      for (const r of gone) {
        await audit(
          tx,
          { orgId: r.orgId, actorUserId: null, actorOrgId: null },
          {
            action: 'billing.report.expire',
            targetType: 'billing_report',
            targetId: r.id,
            summary: `Deleted the ${r.type} billing report for ${r.billingStartDate} to ${r.billingEndDate} automatically: older than ${days} days`,
            before: {
              type: r.type,
              billingStartDate: r.billingStartDate,
              billingEndDate: r.billingEndDate,
              status: r.status,
              subPartnerOrgId: r.subPartnerOrgId,
              createdAt: r.createdAt,
            },
          },
        );
      }
      return gone.length;
    });
    deleted += n;
    if (n < BATCH) return deleted;
  }
}
