import type { Db, DbOrTx } from '@/db/client';
import type { JobSender } from '@/lib/platform/queues';
import type { OrgAccess } from '@/lib/auth/access';
import type { AuditActor } from './audit';
import type { Clock } from './clock';
import { logger } from './logger';
import { ERROR_CODES } from './error-codes';
import { ConflictError, DomainError, foreignKeyViolation, REFERENCE_GONE_MESSAGE } from './errors';

/** Everything a service function needs: ctx = { db, access, clock, jobs }. */
export interface ServiceCtx {
  db: DbOrTx;
  access: OrgAccess;
  clock: Clock;
  jobs: JobSender;
  /** Runs after the transaction committed (e.g. enqueue a job for a row it wrote). */
  afterCommit(fn: () => Promise<void> | void): void;
}

export interface ServiceDeps {
  db: Db;
  clock: Clock;
  jobs: JobSender;
}

/** Runs fn in one transaction; after-commit work runs only when it committed. */
export async function inTransaction<R>(deps: ServiceDeps, access: OrgAccess, fn: (ctx: ServiceCtx) => Promise<R>): Promise<R> {
  const after: (() => Promise<void> | void)[] = [];
  const result = await deps.db
    .transaction((tx) => fn({ db: tx, access, clock: deps.clock, jobs: deps.jobs, afterCommit: (f) => after.push(f) }))
    .catch((err: unknown) => {
      // A row the change refers to was deleted by a concurrent change and no service mapped
      // it more precisely: a clear 409 on both doors, not "Something went wrong".
      if (!(err instanceof DomainError) && foreignKeyViolation(err))
        throw new ConflictError(REFERENCE_GONE_MESSAGE, undefined, ERROR_CODES.referenceGone);
      throw err;
    });
  for (const f of after) {
    try {
      await f();
    } catch (err) {
      // The committed state is the truth; sweeper jobs pick up what this missed.
      logger.error({ err }, 'after-commit step failed');
    }
  }
  return result;
}

/** Who did it, for the audit log: the actor's own org differs from the org when cross-launched. */
export function auditActor(ctx: Pick<ServiceCtx, 'access'>): AuditActor {
  return {
    orgId: ctx.access.org.id,
    actorUserId: ctx.access.actor.userId || null,
    actorOrgId: ctx.access.actor.orgId,
    apiTokenId: ctx.access.actor.apiTokenId ?? null,
  };
}
