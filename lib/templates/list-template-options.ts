import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { onboardingTemplates, pstnProviders, subscriptions } from '@/db/schema';
import type { OrgAccess } from '@/lib/auth/access';
import type { PackageId } from '@/lib/domain/packages';

export interface TemplateOption {
  id: string;
  name: string;
  country: string;
  defaultLanguage: string;
  subscriptionId: string;
  /** The packages of the template's subscription: the only ones a customer may get. */
  packages: PackageId[];
  pstnProviderName: string | null;
}

/** The acting org's onboarding templates, as the create-customer wizard offers them. */
export async function listTemplateOptions(db: DbOrTx, access: OrgAccess): Promise<TemplateOption[]> {
  return db
    .select({
      id: onboardingTemplates.id,
      name: onboardingTemplates.name,
      country: onboardingTemplates.country,
      defaultLanguage: onboardingTemplates.defaultLanguage,
      subscriptionId: onboardingTemplates.subscriptionId,
      packages: subscriptions.packages,
      pstnProviderName: pstnProviders.name,
    })
    .from(onboardingTemplates)
    .innerJoin(subscriptions, eq(subscriptions.id, onboardingTemplates.subscriptionId))
    .leftJoin(pstnProviders, eq(pstnProviders.id, onboardingTemplates.pstnProviderId))
    .where(eq(onboardingTemplates.orgId, access.org.id))
    .orderBy(asc(sql`lower(${onboardingTemplates.name})`));
}
