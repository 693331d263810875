import type { DbOrTx } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { QUEUES } from '@/lib/platform/queues';
import type { ServiceCtx } from './service-ctx';

export interface EmailMessage {
  to: string;
  subject: string;
  body: string;
  /** welcome, invitation, consent, expiry… */
  kind: string;
  /** The org the e-mail concerns: it decides who may see it in the Outbox. */
  orgId: string;
}

/**
 * Writes the e-mail to the outbox inside the caller's transaction; delivery is a job
 * enqueued after commit (and a periodic sweep catches any that missed it).
 */
export async function queueEmail(ctx: Pick<ServiceCtx, 'db' | 'afterCommit' | 'jobs'>, msg: EmailMessage): Promise<string> {
  const [row] = await (ctx.db as DbOrTx)
    .insert(emailOutbox)
    .values({ to: msg.to, subject: msg.subject, body: msg.body, kind: msg.kind, orgId: msg.orgId })
    .returning({ id: emailOutbox.id });
  ctx.afterCommit(() => ctx.jobs.send(QUEUES.deliverEmail, { emailId: row.id }, { singletonKey: row.id }));
  return row.id;
}
