// Managing a running trial from the customer panel or the Trials screen (SPEC §9):
// Extend, Edit services, ship devices.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { trialServices, trials } from '@/db/schema';
import { audit } from '@/lib/platform/audit';
import { ConflictError } from '@/lib/platform/errors';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import { changeTrialStatus } from './change-trial-status';
import { getTrialOrThrow, trialCtxOf, type TrialRow } from './trial-access';
import { TRIAL_ERRORS } from '@/lib/platform/error-codes';
import { DEVICE_CAP_DAYS, extendedEnd } from './trial-rules';
import type { editServicesSchema, extendTrialSchema, shipDeviceSchema } from './trial-schema';
import { assertAvailable, chosenServices, serviceAvailability, shipDevices, writeTrialServices } from './trial-services';

const RUNNING = ['active', 'expired_grace'] as const;
function assertRunning(trial: TrialRow, what: string) {
  if (!(RUNNING as readonly string[]).includes(trial.status) || !trial.startsAt || !trial.endsAt) {
    throw new ConflictError(`Only an active trial (or one in its grace period) can be ${what}.`, undefined, TRIAL_ERRORS.wrongStatus);
  }
}

async function hasDevices(ctx: ServiceCtx, trialId: string) {
  const [row] = await ctx.db
    .select({ s: trialServices.service })
    .from(trialServices)
    .where(and(eq(trialServices.trialId, trialId), eq(trialServices.service, 'devices'), eq(trialServices.active, true)));
  return !!row;
}

/** Extend: *Trial duration* +30 days from today; device trials at most 120 days in total. */
export async function extendTrial(ctx: ServiceCtx, input: z.output<typeof extendTrialSchema>) {
  const trial = await getTrialOrThrow(ctx.db, ctx.access, input.trialId, { forUpdate: true });
  assertRunning(trial, 'extended');
  const now = ctx.clock.now();
  const result = extendedEnd({ startsAt: trial.startsAt!, endsAt: trial.endsAt!, hasDevices: await hasDevices(ctx, trial.id) }, now);
  if (!result.ok) {
    throw new ConflictError(
      `Trials with devices can last at most ${DEVICE_CAP_DAYS} days: this one can’t be extended further.`,
      { duration: ['The 120-day limit for device trials is reached.'] },
      TRIAL_ERRORS.deviceCapReached,
    );
  }
  // Extending in the grace period brings the trial back to active; otherwise only the end moves.
  if (trial.status === 'expired_grace')
    await changeTrialStatus(trialCtxOf(ctx), trial, 'active', { set: { endsAt: result.endsAt }, reason: 'extended' });
  else await ctx.db.update(trials).set({ endsAt: result.endsAt }).where(eq(trials.id, trial.id));
  await audit(ctx.db, auditActor(ctx), {
    action: 'trial.extend',
    targetType: 'trial',
    targetId: trial.id,
    summary: `Extended the trial for "${trial.customerName}" to ${result.endsAt.toISOString().slice(0, 10)}${result.capped ? ' (120-day device limit)' : ''}`,
    before: { endsAt: trial.endsAt },
    after: { endsAt: result.endsAt },
  });
  return { trialId: trial.id, endsAt: result.endsAt.toISOString(), capped: result.capped };
}

export async function editTrialServices(ctx: ServiceCtx, input: z.output<typeof editServicesSchema>) {
  const trial = await getTrialOrThrow(ctx.db, ctx.access, input.trialId, { forUpdate: true });
  assertRunning(trial, 'changed');
  const chosen = chosenServices(input.services);
  assertAvailable(await serviceAvailability(ctx.db, trial.customerOrgId, trial.partnerOrgId, trial.id), chosen);
  const before = (
    await ctx.db
      .select({ s: trialServices.service })
      .from(trialServices)
      .where(and(eq(trialServices.trialId, trial.id), eq(trialServices.active, true)))
  ).map((r) => r.s);
  await writeTrialServices(ctx.db, trial, input.services);
  await audit(ctx.db, auditActor(ctx), {
    action: 'trial.services',
    targetType: 'trial',
    targetId: trial.id,
    summary: `Changed the services of the trial for "${trial.customerName}"`,
    before: { services: before },
    after: { services: chosen },
  });
  return { trialId: trial.id, services: chosen };
}

/** Ship a device type to the trial customer: one shipment per device type, ever. */
export async function shipTrialDevice(ctx: ServiceCtx, input: z.output<typeof shipDeviceSchema>) {
  const trial = await getTrialOrThrow(ctx.db, ctx.access, input.trialId, { forUpdate: true });
  assertRunning(trial, 'sent devices');
  if (!(await hasDevices(ctx, trial.id)))
    throw new ConflictError('Add the Devices service to this trial first.', undefined, TRIAL_ERRORS.noServices);
  await shipDevices(ctx.db, trial, [{ type: input.type, quantity: input.quantity }], ctx.clock.now());
  await audit(ctx.db, auditActor(ctx), {
    action: 'trial.ship',
    targetType: 'trial',
    targetId: trial.id,
    summary: `Shipped ${input.quantity} × ${input.type} to "${trial.customerName}"`,
    after: { type: input.type, quantity: input.quantity },
  });
  return { trialId: trial.id };
}
