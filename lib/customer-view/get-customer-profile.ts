import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { customerPackages, customers, onboardingTemplates, orgSettings, orgs, pstnProviders } from '@/db/schema';
import type { OrgAccess } from '@/lib/auth/access';
import type { PackageId } from '@/lib/domain/packages';
import type { CustomerStatus, OrgState, PackageStatus } from '@/lib/domain/statuses';
import { oneRow } from '@/db/one-row';

type Settings = typeof orgSettings.$inferSelect;

export interface CustomerProfile {
  orgId: string;
  name: string;
  orgState: OrgState;
  country: string | null;
  /** Null for a customer org without a wholesale customer record (e.g. a trial org). */
  customer: {
    id: string;
    externalId: string;
    status: CustomerStatus;
    rbpm: boolean;
    attached: boolean;
    subscriptionId: string | null;
    sipDomain: string | null;
    meetingsSiteUrl: string | null;
    meetingsDialInCode: string | null;
    meetingsLanguage: string | null;
    templateName: string | null;
    pstnProviderName: string | null;
    partner: { id: string; name: string };
  } | null;
  settings: Pick<
    Settings,
    'domain' | 'domainVerified' | 'domainClaimed' | 'suppressAdminInviteEmails' | 'emailLanguage' | 'sso' | 'calling'
  > | null;
  packages: { package: PackageId; status: PackageStatus; warnings: number; errors: number; updatedAt: Date }[];
}

/** Everything the customer view's Account / Organisation settings / Calling / Services pages show (two queries). */
export async function getCustomerProfile(db: DbOrTx, access: OrgAccess): Promise<CustomerProfile> {
  const orgId = access.org.id;
  const partner = alias(orgs, 'partner');
  const row = await oneRow(
    db
      .select({
        orgId: orgs.id,
        name: orgs.name,
        orgState: orgs.state,
        country: orgs.country,
        customerId: customers.id,
        externalId: customers.externalId,
        status: customers.status,
        rbpm: customers.rbpm,
        attached: customers.attached,
        subscriptionId: customers.subscriptionId,
        sipDomain: customers.sipDomain,
        meetingsSiteUrl: customers.meetingsSiteUrl,
        meetingsDialInCode: customers.meetingsDialInCode,
        meetingsLanguage: customers.meetingsLanguage,
        templateName: onboardingTemplates.name,
        pstnProviderName: pstnProviders.name,
        partnerId: partner.id,
        partnerName: partner.name,
        settingsOrgId: orgSettings.orgId,
        domain: orgSettings.domain,
        domainVerified: orgSettings.domainVerified,
        domainClaimed: orgSettings.domainClaimed,
        suppressAdminInviteEmails: orgSettings.suppressAdminInviteEmails,
        emailLanguage: orgSettings.emailLanguage,
        sso: orgSettings.sso,
        calling: orgSettings.calling,
      })
      .from(orgs)
      .leftJoin(customers, eq(customers.orgId, orgs.id))
      .leftJoin(partner, eq(partner.id, customers.partnerOrgId))
      .leftJoin(onboardingTemplates, eq(onboardingTemplates.id, customers.templateId))
      .leftJoin(pstnProviders, eq(pstnProviders.id, onboardingTemplates.pstnProviderId))
      .leftJoin(orgSettings, eq(orgSettings.orgId, orgs.id))
      .where(eq(orgs.id, orgId)),
    'the org',
  );

  const packages = row.customerId
    ? await db
        .select({
          package: customerPackages.package,
          status: customerPackages.status,
          warnings: customerPackages.warnings,
          errors: customerPackages.errors,
          updatedAt: customerPackages.updatedAt,
        })
        .from(customerPackages)
        .where(eq(customerPackages.customerId, row.customerId))
        .orderBy(asc(customerPackages.package))
    : [];

  const customer =
    row.customerId && row.externalId && row.status && row.partnerId && row.partnerName
      ? {
          id: row.customerId,
          externalId: row.externalId,
          status: row.status,
          rbpm: row.rbpm ?? false,
          attached: row.attached ?? false,
          subscriptionId: row.subscriptionId,
          sipDomain: row.sipDomain,
          meetingsSiteUrl: row.meetingsSiteUrl,
          meetingsDialInCode: row.meetingsDialInCode,
          meetingsLanguage: row.meetingsLanguage,
          templateName: row.templateName,
          pstnProviderName: row.pstnProviderName,
          partner: { id: row.partnerId, name: row.partnerName },
        }
      : null;

  const settings = row.settingsOrgId
    ? {
        domain: row.domain,
        domainVerified: row.domainVerified ?? false,
        domainClaimed: row.domainClaimed ?? false,
        suppressAdminInviteEmails: row.suppressAdminInviteEmails ?? false,
        emailLanguage: row.emailLanguage,
        sso: row.sso,
        calling: row.calling ?? {},
      }
    : null;

  return {
    orgId: row.orgId,
    name: row.name,
    orgState: row.orgState,
    country: row.country,
    customer,
    settings,
    packages: packages.map((p) => ({
      package: p.package,
      status: p.status,
      warnings: p.warnings.length,
      errors: p.errors.length,
      updatedAt: p.updatedAt,
    })),
  };
}
