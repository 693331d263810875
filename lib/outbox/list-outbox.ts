import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { emailOutbox, roleGrants } from '@/db/schema';
import type { Actor } from '@/lib/auth/access';
import { pageRequest, type PageResult } from '@/lib/paging/search-params';
import { oneRow } from '@/db/one-row';

export const OUTBOX_PAGE_SIZE = 50;
export const HIDDEN_LINK = '[one-time link hidden: only the administrator who caused this e-mail sees it]';

export type OutboxRow = Pick<
  typeof emailOutbox.$inferSelect,
  'id' | 'createdAt' | 'to' | 'subject' | 'kind' | 'status' | 'body' | 'lastError' | 'sentAt'
>;

/** Only partner full administrators have a mailbox to look at (SPEC §10). */
export async function mayReadOutbox(db: DbOrTx, actor: Actor): Promise<boolean> {
  const [row] = await db
    .select({ role: roleGrants.role })
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, actor.userId), eq(roleGrants.orgId, actor.orgId), eq(roleGrants.role, 'partner_full_admin')));
  return !!row;
}

/**
 * The demo Outbox (SPEC §10): e-mails of the actor's own org and e-mails the actor
 * caused — never everything of every managed org, which exposed invitation links of new
 * sub-partners' first admins and customers' mail to admins who may not reach them. A
 * one-time link is shown only to the admin who caused the e-mail; the body of anyone
 * else's copy has its link replaced. Returns null when the actor has no Outbox.
 */
export async function listOutbox(db: DbOrTx, actor: Actor, params: { page: number }): Promise<PageResult<OutboxRow> | null> {
  if (!(await mayReadOutbox(db, actor))) return null;
  const { page, pageSize, offset } = pageRequest(params.page, OUTBOX_PAGE_SIZE);
  const where = or(eq(emailOutbox.orgId, actor.orgId), eq(emailOutbox.causedBy, actor.userId));
  const body = sql<string>`case when ${emailOutbox.oneTimeLink} and ${emailOutbox.causedBy} is distinct from ${actor.userId}::uuid
    then regexp_replace(${emailOutbox.body}, 'https?://\\S*/invite/\\S+|/invite/\\S+', ${HIDDEN_LINK}, 'g') else ${emailOutbox.body} end`;
  const [rows, { total }] = await Promise.all([
    db
      .select({
        id: emailOutbox.id,
        createdAt: emailOutbox.createdAt,
        to: emailOutbox.to,
        subject: emailOutbox.subject,
        kind: emailOutbox.kind,
        status: emailOutbox.status,
        body,
        lastError: emailOutbox.lastError,
        sentAt: emailOutbox.sentAt,
      })
      .from(emailOutbox)
      .where(where)
      .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
      .limit(pageSize)
      .offset(offset),
    oneRow(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(emailOutbox)
        .where(where),
      'a count',
    ),
  ]);
  return { rows, total, page, pageSize };
}
