// Tenancy and reach for trials: a trial exists for the actor only when it belongs to the
// acting partner org and — for sales administrators ('own' reach) — when they created it.
// Anything else is 404, exactly like another tenant's customer.
import { and, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orgs, trials } from '@/db/schema';
import { isUuid, type OrgAccess } from '@/lib/auth/access';
import { partnerGrant } from '@/lib/auth/policy';
import { NotFoundError } from '@/lib/platform/errors';
import type { AuditActor } from '@/lib/platform/audit';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import type { TrialCtx } from './change-trial-status';

export type TrialRow = typeof trials.$inferSelect & { customerName: string };

/** Conditions limiting trials to what this actor may see. */
export function trialScope(access: OrgAccess): SQL {
  const conditions: SQL[] = [eq(trials.partnerOrgId, access.org.id)];
  if (partnerGrant(access.partnerRoles, 'trials.read', access.partnerWholesale) === 'own')
    conditions.push(eq(trials.createdBy, access.actor.userId));
  return and(...conditions)!;
}

export async function getTrialOrThrow(
  db: DbOrTx,
  access: OrgAccess,
  trialId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<TrialRow> {
  if (!isUuid(trialId) || access.org.kind === 'customer') throw new NotFoundError('Trial not found.');
  const q = db
    .select({ trial: trials, customerName: orgs.name })
    .from(trials)
    .innerJoin(orgs, eq(orgs.id, trials.customerOrgId))
    .where(and(eq(trials.id, trialId), trialScope(access)));
  const [row] = opts.forUpdate ? await q.for('update', { of: trials }) : await q;
  if (!row) throw new NotFoundError('Trial not found.');
  return { ...row.trial, customerName: row.customerName };
}

export const trialCtxOf = (ctx: ServiceCtx, actor: AuditActor = auditActor(ctx)): TrialCtx => ({ db: ctx.db, now: ctx.clock.now(), actor });
