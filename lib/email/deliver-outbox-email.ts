import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { QUEUES, type JobSender } from '@/lib/platform/queues';
import { effectiveBranding, DEFAULT_BRANDING } from '@/lib/branding/effective-branding';
import { appUrl } from '@/lib/platform/app-url';
import { audit } from '@/lib/platform/audit';
import { classifySmtpError, type Mailer } from './mailer';
import { renderEmail } from './render-email';

export const MAX_ATTEMPTS = 6;
/** 30 s, 1 min, 2 min, 4 min, 8 min between attempts. */
export const backoffMs = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);

export type DeliveryOutcome = 'sent' | 'skipped' | 'retry' | 'failed';

export interface DeliveryOptions {
  mailer: Mailer;
  jobs: JobSender;
  /** SMTP_FROM: the envelope sender; the display name carries the sender org's name. */
  from?: string;
}

const hostOf = () => {
  try {
    return new URL(appUrl('/')).hostname || 'partnerhub.local';
  } catch {
    return 'partnerhub.local';
  }
};

function fromHeader(from: string, orgName: string | null) {
  const address = from.match(/<([^>]+)>/)?.[1] ?? from;
  const name = orgName ? `${orgName} via Partner Hub` : 'Partner Hub';
  return `"${name.replace(/["\\]/g, '')}" <${address}>`;
}

/**
 * Sends one queued outbox e-mail over SMTP (SPEC §10). The row is locked while it is sent
 * (a second job for it skips); a 4xx reply or a lost connection is retried with backoff, a
 * 5xx reply marks it failed with the server's words; every outcome is on the row and in
 * the org's Activity.
 */
export async function deliverOutboxEmail(db: Db, emailId: string, now: Date, opts: DeliveryOptions): Promise<DeliveryOutcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.id, emailId), eq(emailOutbox.status, 'queued')))
      .for('update', { skipLocked: true });
    if (!row) return 'skipped';
    if (row.nextAttemptAt && row.nextAttemptAt > now) return 'skipped';
    const brand = row.orgId ? await effectiveBranding(tx, row.orgId) : DEFAULT_BRANDING;
    const rendered = renderEmail(row, brand, appUrl);
    const from = opts.from ?? 'Partner Hub <no-reply@partnerhub.test>';
    const messageId = `<${row.id}@${hostOf()}>`;
    const headers: Record<string, string> = { 'X-Partner-Hub-Kind': row.kind };
    if (rendered.listUnsubscribe) {
      const address = from.match(/<([^>]+)>/)?.[1] ?? from;
      headers['List-Unsubscribe'] = `<mailto:${address}?subject=${encodeURIComponent(`unsubscribe ${row.kind} ${row.to}`)}>`;
    }
    const attempts = row.attempts + 1;
    const who = { orgId: row.orgId ?? '', actorUserId: null, actorOrgId: null };
    try {
      const info = await opts.mailer.send({
        from: fromHeader(from, brand.sourceOrgName),
        to: row.to,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        replyTo: brand.supportUrl?.startsWith('mailto:') ? brand.supportUrl.slice(7) : undefined,
        messageId,
        headers,
      });
      await tx
        .update(emailOutbox)
        .set({ status: 'sent', sentAt: now, attempts, messageId, lastError: null, nextAttemptAt: null })
        .where(eq(emailOutbox.id, row.id));
      if (row.orgId)
        await audit(tx, who, {
          action: 'email.sent',
          targetType: 'email',
          targetId: row.id,
          summary: `E-mail "${row.subject}" delivered to ${row.to}`,
          after: { reply: info.response },
        });
      return 'sent';
    } catch (err) {
      const failure = classifySmtpError(err);
      if (failure.transient && attempts < MAX_ATTEMPTS) {
        const next = new Date(now.getTime() + backoffMs(attempts));
        await tx
          .update(emailOutbox)
          .set({ attempts, lastError: failure.reply, nextAttemptAt: next, messageId })
          .where(eq(emailOutbox.id, row.id));
        // Enqueued inside the transaction's lifetime is fine: the job waits until `next`.
        await opts.jobs.send(QUEUES.deliverEmail, { emailId: row.id }, { singletonKey: row.id, startAfter: next });
        return 'retry';
      }
      await tx
        .update(emailOutbox)
        .set({ status: 'failed', attempts, lastError: failure.reply, nextAttemptAt: null, messageId })
        .where(eq(emailOutbox.id, row.id));
      if (row.orgId)
        await audit(tx, who, {
          action: 'email.failed',
          targetType: 'email',
          targetId: row.id,
          summary: `E-mail "${row.subject}" to ${row.to} failed: ${failure.reply}`,
          after: { reply: failure.reply, attempts },
        });
      return 'failed';
    }
  });
}

/** Queued rows due for an attempt (createdAt or the backoff time a minute ago): the sweep's filter. */
export const dueForSweep = (cutoff: Date) =>
  and(eq(emailOutbox.status, 'queued'), sql`coalesce(${emailOutbox.nextAttemptAt}, ${emailOutbox.createdAt}) < ${cutoff.toISOString()}`);
