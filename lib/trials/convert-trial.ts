// Convert to paid and Delete trial (SPEC §9).
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { customerPackages, orgs, trialServices } from '@/db/schema';
import { ConflictError, ForbiddenError } from '@/lib/platform/errors';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import { changeTrialStatus } from './change-trial-status';
import { removeTrialServices } from './end-trial';
import { getTrialOrThrow, trialCtxOf } from './trial-access';
import { TRIAL_ERRORS } from '@/lib/platform/error-codes';
import { trialPackage } from './trial-packages';
import type { trialIdSchema } from './trial-schema';
import { deactivateTrialServices } from './trial-services';

type Input = z.output<typeof trialIdSchema>;

export const DISTRIBUTOR_MESSAGE = 'To convert this trial to a paid subscription, contact your distributor.';

/** Tier-1 partners convert a trial (active or in grace) into a paying customer with the trial's services; tier 2 are refused. */
export async function convertTrial(ctx: ServiceCtx, input: Input) {
  const trial = await getTrialOrThrow(ctx.db, ctx.access, input.trialId, { forUpdate: true });
  const [partner] = await ctx.db.select({ tier: orgs.tier }).from(orgs).where(eq(orgs.id, trial.partnerOrgId));
  if (partner?.tier !== '1') throw new ForbiddenError(DISTRIBUTOR_MESSAGE, TRIAL_ERRORS.tierTwoConvert);
  if (trial.status !== 'active' && trial.status !== 'expired_grace')
    throw new ConflictError('Only an active trial, or one in its grace period, can be converted.', undefined, TRIAL_ERRORS.wrongStatus);
  if (!trial.customerId) throw new ConflictError('This trial has no customer to convert.', undefined, TRIAL_ERRORS.wrongStatus);
  const services = (
    await ctx.db
      .select({ s: trialServices.service })
      .from(trialServices)
      .where(and(eq(trialServices.trialId, trial.id), eq(trialServices.active, true)))
  ).map((r) => r.s);
  const pkg = trialPackage(services);
  const now = ctx.clock.now();
  // The trial's package becomes a paid one (a trial customer already holds it; others gain it).
  await ctx.db
    .insert(customerPackages)
    .values({ customerId: trial.customerId, package: pkg, status: 'provisioned', updatedAt: now })
    .onConflictDoNothing();
  await deactivateTrialServices(ctx.db, trial.id);
  await changeTrialStatus(trialCtxOf(ctx), trial, 'converted', {
    reason: `converted to paid with ${services.join(', ') || 'no services'}`,
  });
  return { trialId: trial.id, customerId: trial.customerId };
}

/** Delete trial (confirmation in the UI): the trial is cancelled and its services removed now. */
export async function deleteTrial(ctx: ServiceCtx, input: Input) {
  const trial = await getTrialOrThrow(ctx.db, ctx.access, input.trialId, { forUpdate: true });
  const now = ctx.clock.now();
  await changeTrialStatus(trialCtxOf(ctx), trial, 'cancelled', { reason: 'trial deleted', set: { servicesRemovedAt: now } });
  await removeTrialServices(ctx.db, trial, now);
  return { trialId: trial.id };
}
