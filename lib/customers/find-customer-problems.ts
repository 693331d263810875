import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, onboardingTemplates, subscriptions, users } from '@/db/schema';
import { isUuid, type OrgAccess } from '@/lib/auth/access';
import { PACKAGE_INFO, type PackageId } from '@/lib/domain/packages';
import type { FieldErrors } from '@/lib/platform/errors';
import type { CreateCustomerInput } from './customer-schema';

/** Statuses whose customer has no users row yet but has claimed its administrator e-mail. */
export const PENDING_ADMIN_STATUSES = ['provisioning', 'pending_rpl_review', 'error', 'pending_customer_approval'] as const;

export interface TemplateForCustomer {
  id: string;
  name: string;
  subscriptionId: string;
  subscriptionPackages: PackageId[];
  pstnProviderId: string | null;
  defaultLanguage: string;
}

export interface CustomerProblems {
  fieldErrors: FieldErrors;
  /** Problems that are clashes with existing data (409), not bad input (400). */
  conflict: boolean;
  template: TemplateForCustomer | null;
}

const names = (ps: PackageId[]) => ps.map((p) => PACKAGE_INFO[p].name).join(', ');

/**
 * The pre-provisioning check (SPEC §8 `POST /customers/validate`): every rule a new
 * customer must pass, ALL problems collected (not just the first), nothing changed.
 * Tenancy: the template and the external ID are looked up in the acting org only.
 */
export async function findCustomerProblems(db: DbOrTx, access: OrgAccess, input: CreateCustomerInput): Promise<CustomerProblems> {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  let conflict = false;

  if (access.org.kind === 'customer') add('_form', 'Customers are created from a partner organisation.');
  else if (!access.org.wholesale) add('_form', 'Only wholesale partners create wholesale customers.');
  if (access.org.state === 'suspended') add('_form', 'This indirect provider is suspended and can’t create customers.');

  const [template, [externalIdTaken], [emailTaken]] = await Promise.all([
    isUuid(input.templateId)
      ? db
          .select({
            id: onboardingTemplates.id,
            name: onboardingTemplates.name,
            subscriptionId: onboardingTemplates.subscriptionId,
            subscriptionPackages: subscriptions.packages,
            pstnProviderId: onboardingTemplates.pstnProviderId,
            defaultLanguage: onboardingTemplates.defaultLanguage,
          })
          .from(onboardingTemplates)
          .innerJoin(subscriptions, eq(subscriptions.id, onboardingTemplates.subscriptionId))
          .where(and(eq(onboardingTemplates.id, input.templateId), eq(onboardingTemplates.orgId, access.org.id)))
          .then((rows) => rows[0] ?? null)
      : Promise.resolve(null),
    input.externalId
      ? db
          .select({ id: customers.id })
          .from(customers)
          .where(and(eq(customers.partnerOrgId, access.org.id), eq(customers.externalId, input.externalId)))
          .limit(1)
      : Promise.resolve([]),
    // A person is one e-mail platform-wide: an existing user, or the admin of a customer still being provisioned.
    db.execute<{ taken: boolean }>(sql`
      select exists (select 1 from ${users} where lower(${users.email}) = lower(${input.adminEmail}))
          or exists (select 1 from ${customers} where lower(${customers.adminEmail}) = lower(${input.adminEmail})
                      and ${customers.status} in (${sql.join(
                        PENDING_ADMIN_STATUSES.map((s) => sql`${s}`),
                        sql`, `,
                      )})) as taken`),
  ]);

  if (externalIdTaken) {
    add('externalId', 'This external ID is already used by another of your customers.');
    conflict = true;
  }
  if (emailTaken?.taken) {
    add('adminEmail', 'The email is already associated with an existing user.');
    conflict = true;
  }
  if (!template) {
    add('templateId', 'Choose one of your organisation’s onboarding templates.');
  } else {
    const outside = input.packages.filter((p) => !template.subscriptionPackages.includes(p));
    if (outside.length) add('packages', `Not in subscription ${template.subscriptionId}: ${names(outside)}.`);
    const calling = input.packages.filter((p) => PACKAGE_INFO[p].calling);
    if (calling.length && !template.pstnProviderId) {
      add('packages', `${names(calling)} need an onboarding template with a PSTN provider; “${template.name}” has none.`);
    }
  }
  return { fieldErrors: errors, conflict, template };
}
