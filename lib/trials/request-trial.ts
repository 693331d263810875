// Trial for an existing customer (SPEC §9): the e-mail belongs to an existing org. Look it
// up (the confirmation screen names the org), then Send trial request: the consent e-mail
// goes to that admin, and to every full admin of the org when the address isn't one.
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, orgs, trials, users } from '@/db/schema';
import { appUrl } from '@/lib/platform/app-url';
import { audit } from '@/lib/platform/audit';
import { ConflictError, uniqueViolation } from '@/lib/platform/errors';
import { queueEmail } from '@/lib/platform/outbox';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import type { z } from 'zod';
import { TRIAL_ERRORS } from '@/lib/platform/error-codes';
import { customerAdminEmails } from './trial-recipients';
import type { lookupTrialEmailSchema, trialRequestSchema } from './trial-schema';
import { serviceAvailability, type ServiceAvailability } from './trial-services';
import { oneRow } from '@/db/one-row';

export type EmailLookup =
  | { kind: 'new' }
  | { kind: 'existing_org'; orgId: string; orgName: string; availability: ServiceAvailability[] }
  | { kind: 'own_customer'; customerId: string; orgName: string }
  | { kind: 'unavailable'; message: string };

async function orgOfEmail(db: DbOrTx, email: string) {
  const [row] = await db
    .select({ orgId: orgs.id, orgName: orgs.name, kind: orgs.kind })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return row ?? null;
}

/** What Start trial does with this e-mail: a new customer, a consent request, or neither. */
export async function lookupTrialEmail(ctx: ServiceCtx, input: z.output<typeof lookupTrialEmailSchema>): Promise<EmailLookup> {
  const org = await orgOfEmail(ctx.db, input.adminEmail);
  if (!org) return { kind: 'new' };
  if (org.kind !== 'customer')
    return { kind: 'unavailable', message: 'This email belongs to a partner organisation; trials are for customers.' };
  const [customer] = await ctx.db
    .select({ id: customers.id, partnerOrgId: customers.partnerOrgId })
    .from(customers)
    .where(eq(customers.orgId, org.orgId));
  if (customer?.partnerOrgId === ctx.access.org.id) return { kind: 'own_customer', customerId: customer.id, orgName: org.orgName };
  if (customer) return { kind: 'unavailable', message: `${org.orgName} is managed by another partner.` };
  return {
    kind: 'existing_org',
    orgId: org.orgId,
    orgName: org.orgName,
    availability: await serviceAvailability(ctx.db, org.orgId, ctx.access.org.id),
  };
}

/** The consent recipients: the address itself, plus every full admin when it isn't one. */
export async function consentRecipients(db: DbOrTx, orgId: string, email: string): Promise<string[]> {
  const admins = await customerAdminEmails(db, orgId);
  const lower = email.toLowerCase();
  return admins.includes(lower) ? [lower] : [lower, ...admins];
}

export async function sendConsentEmails(
  ctx: ServiceCtx,
  trial: { id: string; customerOrgId: string; consentEmail: string },
  orgName: string,
) {
  const link = appUrl(`/o/${trial.customerOrgId}/trial-requests`);
  for (const to of await consentRecipients(ctx.db, trial.customerOrgId, trial.consentEmail)) {
    await queueEmail(ctx, {
      to,
      orgId: trial.customerOrgId,
      kind: 'trial_consent_request',
      subject: `${ctx.access.org.name} would like to start a Webex trial for ${orgName}`,
      body: `${ctx.access.org.name} has requested a trial of Webex services for ${orgName}.\n\nAccept or decline it in Control Hub: ${link}\n\nWithout an answer the request is cancelled after 10 days.\n`,
    });
  }
}

/** Send trial request: a trial in 'pending_consent' for the existing org, and the consent e-mails. */
export async function requestTrial(ctx: ServiceCtx, input: z.output<typeof trialRequestSchema>) {
  const found = await lookupTrialEmail(ctx, input);
  if (found.kind !== 'existing_org') {
    const message =
      found.kind === 'unavailable'
        ? found.message
        : found.kind === 'new'
          ? 'This email doesn’t belong to an existing organisation.'
          : `${found.orgName} is already your customer: add a trial from its panel.`;
    throw new ConflictError(message, { adminEmail: [message] }, TRIAL_ERRORS.emailIsUser);
  }
  const now = ctx.clock.now();
  try {
    const trial = await oneRow(
      ctx.db
        .insert(trials)
        .values({
          partnerOrgId: ctx.access.org.id,
          customerOrgId: found.orgId,
          origin: 'existing_org',
          status: 'pending_consent',
          statusChangedAt: now,
          businessVertical: input.businessVertical,
          consentEmail: input.adminEmail.toLowerCase(),
          consentRequestedAt: now,
          createdBy: ctx.access.actor.userId,
          createdAt: now,
        })
        .returning({ id: trials.id, customerOrgId: trials.customerOrgId }),
      'the inserted trial',
    );
    await sendConsentEmails(ctx, { ...trial, consentEmail: input.adminEmail }, found.orgName);
    await audit(ctx.db, auditActor(ctx), {
      action: 'trial.request',
      targetType: 'trial',
      targetId: trial.id,
      summary: `Sent a trial request to ${input.adminEmail} for "${found.orgName}"`,
      after: { status: 'pending_consent', consentEmail: input.adminEmail, orgId: found.orgId },
    });
    return { trialId: trial.id, orgName: found.orgName };
  } catch (err) {
    if (uniqueViolation(err) === 'trials_one_open_per_customer') {
      throw new ConflictError(
        `You already have an open trial or trial request for ${found.orgName}.`,
        { adminEmail: ['A trial request is already open for this organisation.'] },
        TRIAL_ERRORS.openTrialExists,
      );
    }
    throw err;
  }
}

export const pendingConsentFilter = (orgId: string) => and(eq(trials.customerOrgId, orgId), eq(trials.status, 'pending_consent'));
