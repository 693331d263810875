import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { deliverOutboxEmail, dueForSweep, type DeliveryOutcome, type DeliveryOptions } from '@/lib/email/deliver-outbox-email';
import { QUEUES, type JobSender } from '@/lib/platform/queues';

/**
 * Delivers one outbox e-mail. With an SMTP mailer (SMTP_URL set) it is sent over SMTP
 * (lib/email); without one the Outbox page is the mailbox, so delivery is recording it as
 * sent. Idempotent either way: only a 'queued' row is taken, so a job run twice delivers once.
 */
export async function deliverEmail(db: DbOrTx, emailId: string, now: Date, smtp?: DeliveryOptions | null): Promise<DeliveryOutcome> {
  if (smtp) return deliverOutboxEmail(db as Db, emailId, now, smtp);
  const rows = await db
    .update(emailOutbox)
    .set({ status: 'sent', sentAt: now, attempts: sql`${emailOutbox.attempts} + 1` })
    .where(and(eq(emailOutbox.id, emailId), eq(emailOutbox.status, 'queued')))
    .returning({ id: emailOutbox.id });
  return rows.length ? 'sent' : 'skipped';
}

/** Re-enqueues e-mails still queued a minute after they were due (a missed after-commit send or retry). */
export async function sweepOutbox(db: DbOrTx, jobs: JobSender, now: Date): Promise<number> {
  const stale = await db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(dueForSweep(new Date(now.getTime() - 60_000)))
    .limit(500);
  for (const { id } of stale) await jobs.send(QUEUES.deliverEmail, { emailId: id }, { singletonKey: id });
  return stale.length;
}
