// The customer's answer to a trial request (SPEC §9), on a page in that org's own view.
// Accept: the partner now manages the org (full admin when the box is ticked, else
// provisioning admin) and the trial waits for its provisioning details. Decline: cancelled.
import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { customers, orgRelations, orgs, provisioningEvents, trials } from '@/db/schema';
import { generateExternalId } from '@/lib/customers/generate-external-id';
import { NotFoundError } from '@/lib/platform/errors';
import { queueEmail } from '@/lib/platform/outbox';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import { changeTrialStatus } from './change-trial-status';
import { trialCtxOf } from './trial-access';
import { partnerAdminEmails } from './trial-recipients';
import type { consentAnswerSchema } from './trial-schema';
import { oneRow } from '@/db/one-row';

/** The org's pending trial requests, for its consent page. */
export async function listTrialRequests(ctx: ServiceCtx) {
  return ctx.db
    .select({ trialId: trials.id, partnerName: orgs.name, requestedAt: trials.consentRequestedAt, consentEmail: trials.consentEmail })
    .from(trials)
    .innerJoin(orgs, eq(orgs.id, trials.partnerOrgId))
    .where(and(eq(trials.customerOrgId, ctx.access.org.id), eq(trials.status, 'pending_consent')))
    .orderBy(desc(trials.consentRequestedAt));
}

export async function answerConsent(ctx: ServiceCtx, input: z.output<typeof consentAnswerSchema>) {
  const org = ctx.access.org;
  const [row] = await ctx.db
    .select({ trial: trials, partnerName: orgs.name })
    .from(trials)
    .innerJoin(orgs, eq(orgs.id, trials.partnerOrgId))
    .where(and(eq(trials.id, input.trialId), eq(trials.customerOrgId, org.id)))
    .for('update', { of: trials });
  if (!row) throw new NotFoundError('Trial request not found.');
  const { trial, partnerName } = row;
  const now = ctx.clock.now();
  const tctx = { ...trialCtxOf(ctx), actor: { ...auditActor(ctx), orgId: trial.partnerOrgId } };
  const ref = { ...trial, customerName: org.name };
  if (!input.accept) {
    await changeTrialStatus(tctx, ref, 'cancelled', { set: { consentAnsweredAt: now }, reason: `declined by ${ctx.access.actor.email}` });
  } else {
    let customerId = trial.customerId;
    // The partner now manages the org: the managed-by relation and its customer record.
    await ctx.db
      .insert(orgRelations)
      .values({ managerOrgId: trial.partnerOrgId, managedOrgId: org.id, createdAt: now })
      .onConflictDoNothing();
    const [existing] = await ctx.db.select({ id: customers.id }).from(customers).where(eq(customers.orgId, org.id));
    if (existing) customerId = existing.id;
    else {
      const c = await oneRow(
        ctx.db
          .insert(customers)
          .values({
            orgId: org.id,
            partnerOrgId: trial.partnerOrgId,
            externalId: generateExternalId(now),
            status: 'provisioned',
            statusChangedAt: now,
            rbpm: false,
            adminEmail: trial.consentEmail ?? ctx.access.actor.email,
            createdBy: trial.createdBy,
            createdAt: now,
          })
          .returning({ id: customers.id }),
        'the inserted customer',
      );
      customerId = c.id;
      await ctx.db.insert(provisioningEvents).values({
        customerId,
        at: now,
        step: 'accepted',
        message: `Trial request from ${partnerName} accepted by ${ctx.access.actor.email}`,
      });
    }
    const role = input.grantFullAdmin ? 'full admin' : 'provisioning admin';
    await changeTrialStatus(tctx, ref, 'pending_provisioning_details', {
      set: { consentAnsweredAt: now, grantFullAdmin: input.grantFullAdmin, customerId },
      reason: `accepted by ${ctx.access.actor.email}; ${partnerName} is ${role}`,
    });
  }
  for (const to of await partnerAdminEmails(ctx.db, trial.partnerOrgId, trial.createdBy)) {
    await queueEmail(ctx, {
      to,
      orgId: trial.partnerOrgId,
      kind: input.accept ? 'trial_consent_accepted' : 'trial_consent_declined',
      subject: `${org.name} ${input.accept ? 'accepted' : 'declined'} your trial request`,
      body: input.accept
        ? `${org.name} accepted the trial request${input.grantFullAdmin ? ' and made you a full administrator' : ' and made you a provisioning administrator'}. Add the provisioning details to start the trial.\n`
        : `${org.name} declined the trial request.\n`,
    });
  }
  return { trialId: trial.id, accepted: input.accept };
}
