import { auditLog } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import type { AuditAction } from '@/lib/domain/audit-actions';

export interface AuditEntry {
  /** e.g. 'template.create'; one of AUDIT_ACTIONS (the Activity filter lists those). */
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditActor {
  /** The org acted on. */
  orgId: string;
  actorUserId: string | null;
  /** The actor's own org: differs from orgId when cross-launched. */
  actorOrgId: string | null;
  apiTokenId?: string | null;
}

/** Insert-only (a trigger refuses updates and deletes). Call inside the mutation's transaction. */
export async function audit(db: DbOrTx, who: AuditActor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    orgId: who.orgId,
    actorUserId: who.actorUserId,
    actorOrgId: who.actorOrgId,
    apiTokenId: who.apiTokenId ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    summary: entry.summary,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
