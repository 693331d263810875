import type { onboardingTemplates } from '@/db/schema';
import type { TemplateInput } from './template-schema';

/** The settings a template's wizard writes, as table columns (shared by create and update). */
export function templateColumns(input: TemplateInput) {
  return {
    name: input.name,
    type: input.type,
    country: input.country,
    serviceProviderAdminId: input.serviceProviderAdminId,
    subscriptionId: input.subscriptionId,
    authMode: input.authMode,
    idpEntityId: input.idpEntityId,
    idpName: input.idpName,
    pstnProviderId: input.pstnProviderId,
    allowAdminInviteEmails: input.allowAdminInviteEmails,
    brandName: input.brandName,
    disableWebexCalling: input.disableWebexCalling,
    defaultLanguage: input.defaultLanguage,
  } satisfies Partial<typeof onboardingTemplates.$inferInsert>;
}
