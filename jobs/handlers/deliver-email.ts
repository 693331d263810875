import { and, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { QUEUES, type JobSender } from '@/lib/platform/queues';

/**
 * Delivers one outbox e-mail. Idempotent: only a 'queued' row is taken, so a job run
 * twice delivers once. In development/demo the Outbox page is the mailbox, so
 * delivery is recording it as sent; an SMTP transport would slot in here.
 */
export async function deliverEmail(db: DbOrTx, emailId: string, now: Date): Promise<'sent' | 'skipped'> {
  const rows = await db
    .update(emailOutbox)
    .set({ status: 'sent', sentAt: now, attempts: sql`${emailOutbox.attempts} + 1` })
    .where(and(eq(emailOutbox.id, emailId), eq(emailOutbox.status, 'queued')))
    .returning({ id: emailOutbox.id });
  return rows.length ? 'sent' : 'skipped';
}

/** Re-enqueues e-mails still queued a minute after they were written (a missed after-commit send). */
export async function sweepOutbox(db: DbOrTx, jobs: JobSender, now: Date): Promise<number> {
  const stale = await db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.status, 'queued'), lt(emailOutbox.createdAt, new Date(now.getTime() - 60_000))))
    .limit(500);
  for (const { id } of stale) await jobs.send(QUEUES.deliverEmail, { emailId: id }, { singletonKey: id });
  return stale.length;
}
