import { customerPackages, customers, orgRelations, orgs, provisioningEvents } from '@/db/schema';
import { QUEUES } from '@/lib/platform/queues';
import { resolveLocale } from '@/lib/domain/locales';
import { creationPackage } from '@/lib/domain/packages';
import { audit } from '@/lib/platform/audit';
import { ERROR_CODES } from '@/lib/platform/error-codes';
import { ConflictError, foreignKeyViolation, uniqueViolation } from '@/lib/platform/errors';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import type { CreateCustomerInput } from './customer-schema';
import { findCustomerProblems } from './find-customer-problems';
import { generateExternalId } from './generate-external-id';
import type { ProvisioningRequest } from './provisioning-request';
import { throwProblems } from './validate-customer';
import { oneRow } from '@/db/one-row';

export interface CreatedCustomer {
  customerId: string;
  orgId: string;
  externalId: string;
}

/** Races the pre-check can't see: the unique indexes decide, and the loser gets a 409 on the field. */
const RACE_FIELDS: Record<string, [field: string, message: string]> = {
  customers_partner_external_id_unique: ['externalId', 'This external ID is already used by another of your customers.'],
  customers_pending_admin_email_unique: ['adminEmail', 'The email is already associated with an existing user.'],
};

export const TEMPLATE_DELETED_MESSAGE =
  'The onboarding template was deleted while this customer was being created. Choose another template.';

/**
 * Create customer (SPEC §4.1): re-runs the pre-check inside the transaction, writes the
 * customer org in status 'provisioning' with its packages and managed-by relations, and
 * enqueues the provisioning job once committed. The job does the rest asynchronously.
 */
export async function createCustomer(ctx: ServiceCtx, input: CreateCustomerInput): Promise<CreatedCustomer> {
  const problems = await findCustomerProblems(ctx.db, ctx.access, input);
  throwProblems(problems);
  const template = problems.template!;
  const owner = ctx.access.org;
  const now = ctx.clock.now();
  const country = input.address.country;
  const language = (input.language && resolveLocale(input.language, country)) || template.defaultLanguage;
  const externalId = input.externalId || generateExternalId(now);
  const request: ProvisioningRequest = {
    version: 1,
    address: input.address,
    packages: input.packages,
    templateId: template.id,
    subscriptionId: template.subscriptionId,
    adminFirstName: input.adminFirstName,
    adminLastName: input.adminLastName,
  };

  try {
    const org = await oneRow(
      ctx.db
        .insert(orgs)
        .values({
          kind: 'customer',
          name: input.companyName,
          wholesale: owner.wholesale,
          country,
          language,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: orgs.id }),
      'the inserted org',
    );
    const customer = await oneRow(
      ctx.db
        .insert(customers)
        .values({
          orgId: org.id,
          partnerOrgId: owner.id,
          templateId: template.id,
          externalId,
          status: 'provisioning',
          statusChangedAt: now,
          rbpm: true, // SPEC §5.1: on by default for customers created through wholesale provisioning
          adminEmail: input.adminEmail,
          language,
          creationPackage: creationPackage(input.packages),
          provisioningRequest: { ...request },
          createdBy: ctx.access.actor.userId,
          createdAt: now,
        })
        .returning({ id: customers.id }),
      'the inserted customer',
    );
    await ctx.db
      .insert(customerPackages)
      .values(input.packages.map((p) => ({ customerId: customer.id, package: p, status: 'provisioning' as const, updatedAt: now })));
    // The creator manages the customer; a sub-partner's parent does too (SPEC §1).
    const managers = [owner.id, ...(owner.parentPartnerId ? [owner.parentPartnerId] : [])];
    await ctx.db.insert(orgRelations).values(managers.map((m) => ({ managerOrgId: m, managedOrgId: org.id, createdAt: now })));
    await ctx.db.insert(provisioningEvents).values({
      customerId: customer.id,
      at: now,
      step: 'accepted',
      message: `Customer accepted for provisioning from template “${template.name}”`,
    });
    await audit(ctx.db, auditActor(ctx), {
      action: 'customer.create',
      targetType: 'customer',
      targetId: customer.id,
      summary: `Created customer "${input.companyName}" (${externalId})`,
      after: {
        name: input.companyName,
        externalId,
        adminEmail: input.adminEmail,
        ...(input.adminFirstName || input.adminLastName ? { adminName: `${input.adminFirstName} ${input.adminLastName}`.trim() } : {}),
        templateId: template.id,
        packages: input.packages,
        language,
        country,
      },
    });
    ctx.afterCommit(() => ctx.jobs.send(QUEUES.provisionCustomer, { customerId: customer.id }, { singletonKey: customer.id }));
    return { customerId: customer.id, orgId: org.id, externalId };
  } catch (err) {
    const race = RACE_FIELDS[uniqueViolation(err) ?? ''];
    if (race) throw new ConflictError('Fix the highlighted problems before creating the customer.', { [race[0]]: [race[1]] });
    // Delete template won the race: it holds the template row, so this insert's foreign key
    // waited for it and then found the template gone (23503).
    if (foreignKeyViolation(err) === 'customers_template_id_onboarding_templates_id_fk') {
      throw new ConflictError(TEMPLATE_DELETED_MESSAGE, { templateId: [TEMPLATE_DELETED_MESSAGE] }, ERROR_CODES.templateDeleted);
    }
    throw err;
  }
}
