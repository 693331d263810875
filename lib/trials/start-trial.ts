// Start trial, new customer (SPEC §9): the customer org is created and provisioned by the
// same asynchronous job as a wholesale customer (customer-provision: HQ, admin, packages,
// welcome e-mail, live status), and the trial starts now for the chosen length.
import { sql } from 'drizzle-orm';
import { customerPackages, customers, orgRelations, orgs, provisioningEvents, trials, users } from '@/db/schema';
import { QUEUES } from '@/lib/platform/queues';
import { generateExternalId } from '@/lib/customers/generate-external-id';
import type { ProvisioningRequest } from '@/lib/customers/provisioning-request';
import { resolveLocale } from '@/lib/domain/locales';
import { audit } from '@/lib/platform/audit';
import { ConflictError, uniqueViolation } from '@/lib/platform/errors';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import { TRIAL_ERRORS } from '@/lib/platform/error-codes';
import { trialPackage } from './trial-packages';
import { trialEnd } from './trial-rules';
import type { StartTrialInput } from './trial-schema';
import { chosenServices, shipDevices, writeTrialServices } from './trial-services';
import { oneRow } from '@/db/one-row';

export interface StartedTrial {
  trialId: string;
  customerId: string;
  orgId: string;
}

const languageOf = (country: string) => resolveLocale('en', country) ?? 'en_US';

export async function startTrial(ctx: ServiceCtx, input: StartTrialInput): Promise<StartedTrial> {
  const [existing] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${input.adminEmail})`)
    .limit(1);
  if (existing) {
    throw new ConflictError(
      'This email belongs to an existing organisation: send it a trial request instead.',
      { adminEmail: ['The email belongs to an existing organisation.'] },
      TRIAL_ERRORS.emailIsUser,
    );
  }
  const owner = ctx.access.org;
  const now = ctx.clock.now();
  const services = chosenServices(input.services);
  const pkg = trialPackage(services);
  const country = input.address.country;
  const language = languageOf(country);
  const externalId = generateExternalId(now);
  // No template or subscription: a non-wholesale customer (SPEC §9).
  const request: ProvisioningRequest = { version: 1, address: input.address, packages: [pkg], templateId: null, subscriptionId: null };
  try {
    const org = await oneRow(
      ctx.db
        .insert(orgs)
        .values({ kind: 'customer', name: input.companyName, wholesale: false, country, language, createdAt: now, updatedAt: now })
        .returning({ id: orgs.id }),
      'the inserted org',
    );
    const customer = await oneRow(
      ctx.db
        .insert(customers)
        .values({
          orgId: org.id,
          partnerOrgId: owner.id,
          templateId: null,
          externalId,
          status: 'provisioning',
          statusChangedAt: now,
          rbpm: false,
          adminEmail: input.adminEmail,
          language,
          creationPackage: pkg,
          provisioningRequest: { ...request },
          createdBy: ctx.access.actor.userId,
          createdAt: now,
        })
        .returning({ id: customers.id }),
      'the inserted customer',
    );
    await ctx.db.insert(customerPackages).values({ customerId: customer.id, package: pkg, status: 'provisioning', updatedAt: now });
    await ctx.db.insert(orgRelations).values({ managerOrgId: owner.id, managedOrgId: org.id, createdAt: now });
    await ctx.db.insert(provisioningEvents).values({
      customerId: customer.id,
      at: now,
      step: 'accepted',
      message: `Trial customer accepted for provisioning (${input.lengthDays}-day trial)`,
    });
    const trial = await oneRow(
      ctx.db
        .insert(trials)
        .values({
          partnerOrgId: owner.id,
          customerOrgId: org.id,
          customerId: customer.id,
          origin: 'new_customer',
          status: 'active',
          statusChangedAt: now,
          businessVertical: input.businessVertical,
          lengthDays: input.lengthDays,
          startsAt: now,
          endsAt: trialEnd(now, input.lengthDays),
          createdBy: ctx.access.actor.userId,
          createdAt: now,
        })
        .returning({ id: trials.id }),
      'the inserted trial',
    );
    await writeTrialServices(ctx.db, { id: trial.id, customerOrgId: org.id }, input.services);
    if (input.services.devices) await shipDevices(ctx.db, { id: trial.id, customerOrgId: org.id }, input.services.deviceLines, now);
    await audit(ctx.db, auditActor(ctx), {
      action: 'trial.start',
      targetType: 'trial',
      targetId: trial.id,
      summary: `Started a ${input.lengthDays}-day trial for "${input.companyName}"`,
      after: {
        companyName: input.companyName,
        adminEmail: input.adminEmail,
        businessVertical: input.businessVertical,
        country,
        services,
        lengthDays: input.lengthDays,
      },
    });
    ctx.afterCommit(() => ctx.jobs.send(QUEUES.provisionCustomer, { customerId: customer.id }, { singletonKey: customer.id }));
    return { trialId: trial.id, customerId: customer.id, orgId: org.id };
  } catch (err) {
    if (uniqueViolation(err) === 'customers_pending_admin_email_unique') {
      throw new ConflictError(
        'Fix the highlighted problems before starting the trial.',
        { adminEmail: ['The email is already associated with an existing user.'] },
        TRIAL_ERRORS.emailIsUser,
      );
    }
    throw err;
  }
}
