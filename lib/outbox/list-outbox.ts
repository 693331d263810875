import { desc, eq, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import type { Actor } from '@/lib/auth/access';
import { pageRequest, type PageResult } from '@/lib/paging/search-params';

export const OUTBOX_PAGE_SIZE = 50;

export type OutboxRow = Pick<typeof emailOutbox.$inferSelect, 'id' | 'createdAt' | 'to' | 'subject' | 'kind' | 'status' | 'body' | 'lastError' | 'sentAt'>;

/**
 * The development Outbox (SPEC §10): e-mails of the actor's own org and of the orgs it
 * manages (customers, sub-partners). E-mails without an org are shown to nobody: an
 * e-mail that forgot its org must not become visible to every tenant.
 */
export async function listOutbox(db: DbOrTx, actor: Actor, params: { page: number }): Promise<PageResult<OutboxRow>> {
  const { page, pageSize, offset } = pageRequest(params.page, OUTBOX_PAGE_SIZE);
  const where = or(
    eq(emailOutbox.orgId, actor.orgId),
    sql`${emailOutbox.orgId} in (select r.managed_org_id from org_relations r where r.manager_org_id = ${actor.orgId})`,
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: emailOutbox.id, createdAt: emailOutbox.createdAt, to: emailOutbox.to, subject: emailOutbox.subject, kind: emailOutbox.kind,
        status: emailOutbox.status, body: emailOutbox.body, lastError: emailOutbox.lastError, sentAt: emailOutbox.sentAt,
      })
      .from(emailOutbox)
      .where(where)
      .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
      .limit(pageSize)
      .offset(offset),
    db.select({ total: sql<number>`count(*)::int` }).from(emailOutbox).where(where),
  ]);
  return { rows, total, page, pageSize };
}
