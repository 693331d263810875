// Starting the trial clock on an org that already exists: the consent flow's provisioning
// details (SPEC §9, 'pending_provisioning_details' → 'active'), and a trial added to a
// paying customer. Only available services; the customer's admins are e-mailed.
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { trials } from '@/db/schema';
import { getCustomerOrThrow } from '@/lib/customers/get-customer-or-throw';
import { SERVICES_LIVE_STATUSES } from '@/lib/domain/statuses';
import { audit } from '@/lib/platform/audit';
import { ConflictError, uniqueViolation } from '@/lib/platform/errors';
import { queueEmail } from '@/lib/platform/outbox';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import { changeTrialStatus } from './change-trial-status';
import { getTrialOrThrow, trialCtxOf } from './trial-access';
import { TRIAL_ERRORS } from '@/lib/platform/error-codes';
import { customerAdminEmails } from './trial-recipients';
import { trialEnd } from './trial-rules';
import type { addTrialSchema, TrialServicesInput, trialDetailsSchema } from './trial-schema';
import { TRIAL_SERVICE_LABELS } from './trial-schema';
import { assertAvailable, chosenServices, serviceAvailability, shipDevices, writeTrialServices } from './trial-services';
import { OPEN_TRIAL_STATUSES } from './trial-statuses';
import { oneRow } from '@/db/one-row';

async function emailStarted(
  ctx: ServiceCtx,
  trial: { customerOrgId: string },
  orgName: string,
  services: TrialServicesInput,
  endsAt: Date,
) {
  const list = chosenServices(services)
    .map((s) => TRIAL_SERVICE_LABELS[s])
    .join(', ');
  for (const to of await customerAdminEmails(ctx.db, trial.customerOrgId)) {
    await queueEmail(ctx, {
      to,
      orgId: trial.customerOrgId,
      kind: 'trial_started',
      subject: `Your Webex trial with ${ctx.access.org.name} has started`,
      body: `${ctx.access.org.name} started a trial of ${list} for ${orgName}. It ends on ${endsAt.toISOString().slice(0, 10)}.\n`,
    });
  }
}

export async function provideTrialDetails(ctx: ServiceCtx, input: z.output<typeof trialDetailsSchema>) {
  const trial = await getTrialOrThrow(ctx.db, ctx.access, input.trialId, { forUpdate: true });
  if (trial.status !== 'pending_provisioning_details')
    throw new ConflictError('This trial isn’t waiting for provisioning details.', undefined, TRIAL_ERRORS.wrongStatus);
  assertAvailable(await serviceAvailability(ctx.db, trial.customerOrgId, trial.partnerOrgId, trial.id), chosenServices(input.services));
  const now = ctx.clock.now();
  const endsAt = trialEnd(now, input.lengthDays);
  await writeTrialServices(ctx.db, trial, input.services);
  if (input.services.devices) await shipDevices(ctx.db, trial, input.services.deviceLines, now);
  await changeTrialStatus(trialCtxOf(ctx), trial, 'active', {
    set: { startsAt: now, endsAt, lengthDays: input.lengthDays },
    reason: `${input.lengthDays}-day trial started`,
  });
  await emailStarted(ctx, trial, trial.customerName, input.services, endsAt);
  return { trialId: trial.id };
}

/** Add a trial to a paying customer (SPEC §9): pick available services → Start trial. */
export async function addTrialToCustomer(ctx: ServiceCtx, input: z.output<typeof addTrialSchema>) {
  const customer = await getCustomerOrThrow(ctx.db, ctx.access, input.customerId, { forUpdate: true });
  if (!SERVICES_LIVE_STATUSES.includes(customer.status))
    throw new ConflictError('A trial can be added only while the customer’s services are live.', undefined, TRIAL_ERRORS.wrongStatus);
  const [open] = await ctx.db
    .select({ id: trials.id })
    .from(trials)
    .where(
      and(
        eq(trials.customerOrgId, customer.orgId),
        eq(trials.partnerOrgId, ctx.access.org.id),
        inArray(trials.status, [...OPEN_TRIAL_STATUSES]),
      ),
    );
  if (open) throw new ConflictError('This customer already has an open trial.', undefined, TRIAL_ERRORS.openTrialExists);
  assertAvailable(await serviceAvailability(ctx.db, customer.orgId, ctx.access.org.id), chosenServices(input.services));
  const now = ctx.clock.now();
  const endsAt = trialEnd(now, input.lengthDays);
  try {
    const trial = await oneRow(
      ctx.db
        .insert(trials)
        .values({
          partnerOrgId: ctx.access.org.id,
          customerOrgId: customer.orgId,
          customerId: customer.id,
          origin: 'paying_customer',
          status: 'active',
          statusChangedAt: now,
          lengthDays: input.lengthDays,
          startsAt: now,
          endsAt,
          createdBy: ctx.access.actor.userId,
          createdAt: now,
        })
        .returning({ id: trials.id, customerOrgId: trials.customerOrgId }),
      'the inserted trial',
    );
    await writeTrialServices(ctx.db, trial, input.services);
    if (input.services.devices) await shipDevices(ctx.db, trial, input.services.deviceLines, now);
    await audit(ctx.db, auditActor(ctx), {
      action: 'trial.start',
      targetType: 'trial',
      targetId: trial.id,
      summary: `Started a ${input.lengthDays}-day trial for "${customer.name}"`,
      after: { services: chosenServices(input.services), lengthDays: input.lengthDays },
    });
    await emailStarted(ctx, trial, customer.name, input.services, endsAt);
    return { trialId: trial.id };
  } catch (err) {
    if (uniqueViolation(err) === 'trials_one_open_per_customer')
      throw new ConflictError('This customer already has an open trial.', undefined, TRIAL_ERRORS.openTrialExists);
    throw err;
  }
}
