import type { DbOrTx } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { QUEUES } from '@/lib/platform/queues';
import type { ServiceCtx } from './service-ctx';
import { oneRow } from '@/db/one-row';

export interface EmailMessage {
  to: string;
  subject: string;
  body: string;
  /** welcome, invitation, consent, expiry… */
  kind: string;
  /** The org the e-mail concerns: it decides who may see it in the Outbox. */
  orgId: string;
  /** Carries a one-time link (an invitation): only the admin who caused it sees the link in the Outbox. */
  oneTimeLink?: boolean;
  /** Who caused it, when not the signed-in actor of ctx (e.g. a job acting for the creator). */
  causedBy?: string | null;
}

/**
 * Writes the e-mail to the outbox inside the caller's transaction; delivery is a job
 * enqueued after commit (and a periodic sweep catches any that missed it).
 */
export async function queueEmail(
  ctx: Pick<ServiceCtx, 'db' | 'afterCommit' | 'jobs'> & { access?: ServiceCtx['access'] },
  msg: EmailMessage,
): Promise<string> {
  const causedBy = msg.causedBy !== undefined ? msg.causedBy : (ctx.access?.actor.userId ?? null);
  const row = await oneRow(
    (ctx.db as DbOrTx)
      .insert(emailOutbox)
      .values({
        to: msg.to,
        subject: msg.subject,
        body: msg.body,
        kind: msg.kind,
        orgId: msg.orgId,
        causedBy,
        oneTimeLink: msg.oneTimeLink ?? false,
      })
      .returning({ id: emailOutbox.id }),
    'the queued e-mail',
  );
  ctx.afterCommit(() => ctx.jobs.send(QUEUES.deliverEmail, { emailId: row.id }, { singletonKey: row.id }));
  return row.id;
}

/**
 * Many e-mails of a job in one insert (a provisioning batch), each still its own outbox
 * row and delivery job; the jobs are enqueued in one round trip when the sender can.
 */
export async function queueEmails(ctx: Pick<ServiceCtx, 'db' | 'afterCommit' | 'jobs'>, msgs: EmailMessage[]): Promise<string[]> {
  if (!msgs.length) return [];
  const rows = await (ctx.db as DbOrTx)
    .insert(emailOutbox)
    .values(
      msgs.map((msg) => ({
        to: msg.to,
        subject: msg.subject,
        body: msg.body,
        kind: msg.kind,
        orgId: msg.orgId,
        causedBy: msg.causedBy ?? null,
        oneTimeLink: msg.oneTimeLink ?? false,
      })),
    )
    .returning({ id: emailOutbox.id });
  const jobs = rows.map((r) => ({ data: { emailId: r.id }, singletonKey: r.id }));
  ctx.afterCommit(async () => {
    if (ctx.jobs.sendMany) await ctx.jobs.sendMany(QUEUES.deliverEmail, jobs);
    else for (const j of jobs) await ctx.jobs.send(QUEUES.deliverEmail, j.data, { singletonKey: j.singletonKey });
  });
  return rows.map((r) => r.id);
}
