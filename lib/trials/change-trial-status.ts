// THE one door for every trial status change (SPEC §9): checks the transition, writes it
// with compare-and-set on the old status (a concurrent change makes this one a 409, not a
// silent overwrite) and audits it. The `trial.status_changed` webhook (§8.4) is raised here.
import { and, eq } from 'drizzle-orm';
import { emitWebhookEvent, type EmitCtx } from '@/lib/webhooks/emit-webhook-event';
import type { DbOrTx } from '@/db/client';
import { trialServices, trials } from '@/db/schema';
import type { TrialStatus } from '@/lib/domain/statuses';
import { audit, type AuditActor } from '@/lib/platform/audit';
import { ConflictError } from '@/lib/platform/errors';
import { TRIAL_ERRORS } from '@/lib/platform/error-codes';
import { TRIAL_STATUS_LABELS, canTrialTransition } from './trial-statuses';

/** What a status change needs: the transaction, "now" and who acts (a person, or the sweep). */
export interface TrialCtx extends Pick<EmitCtx, 'jobs' | 'afterCommit'> {
  db: DbOrTx;
  now: Date;
  actor: AuditActor;
}

export interface TrialRef {
  id: string;
  status: TrialStatus;
  partnerOrgId: string;
  customerName?: string;
}

type TrialSet = Partial<Omit<typeof trials.$inferInsert, 'id' | 'status' | 'statusChangedAt'>>;

export async function changeTrialStatus(
  ctx: TrialCtx,
  trial: TrialRef,
  to: TrialStatus,
  opts: { set?: TrialSet; reason?: string } = {},
): Promise<void> {
  if (!canTrialTransition(trial.status, to)) {
    throw new ConflictError(
      `A trial that is ${TRIAL_STATUS_LABELS[trial.status].toLowerCase()} can’t become ${TRIAL_STATUS_LABELS[to].toLowerCase()}.`,
      undefined,
      TRIAL_ERRORS.wrongStatus,
    );
  }
  const changed = await ctx.db
    .update(trials)
    .set({ ...opts.set, status: to, statusChangedAt: ctx.now })
    .where(and(eq(trials.id, trial.id), eq(trials.status, trial.status)))
    .returning({ id: trials.id });
  if (!changed.length) throw new ConflictError('The trial changed meanwhile. Reload and try again.', undefined, TRIAL_ERRORS.wrongStatus);
  const name = trial.customerName ? ` for "${trial.customerName}"` : '';
  await audit(ctx.db, ctx.actor, {
    action: 'trial.status_changed',
    targetType: 'trial',
    targetId: trial.id,
    summary: `Trial${name}: ${TRIAL_STATUS_LABELS[trial.status]} → ${TRIAL_STATUS_LABELS[to]}${opts.reason ? ` (${opts.reason})` : ''}`,
    before: { status: trial.status },
    after: { status: to, ...(opts.reason ? { reason: opts.reason } : {}) },
  });
  // Webhooks (SPEC §8.4): in this transaction, so the event commits with the change or not at all.
  const db = ctx.db;
  await emitWebhookEvent(ctx, {
    orgId: trial.partnerOrgId,
    type: 'trial.status_changed',
    at: ctx.now,
    data: async () => {
      const [row] = await db.select().from(trials).where(eq(trials.id, trial.id));
      if (!row) return null;
      const services = await db
        .select({ service: trialServices.service })
        .from(trialServices)
        .where(and(eq(trialServices.trialId, trial.id), eq(trialServices.active, true)));
      return {
        id: row.id,
        customerOrgId: row.customerOrgId,
        status: to,
        previousStatus: trial.status,
        startDate: row.startsAt?.toISOString() ?? '',
        endDate: row.endsAt?.toISOString() ?? '',
        services: services.map((s) => s.service),
      };
    },
  });
}

/** The audit actor of the scheduled jobs: the partner's org, no person. */
export const systemActor = (partnerOrgId: string): AuditActor => ({ orgId: partnerOrgId, actorUserId: null, actorOrgId: null });
