import type { onboardingTemplates } from '@/db/schema';

type TemplateRow = typeof onboardingTemplates.$inferSelect;

/** The settings of a template as recorded in the audit log (before/after), without bookkeeping columns. */
export function templateSnapshot(t: TemplateRow) {
  return {
    name: t.name,
    type: t.type,
    country: t.country,
    serviceProviderAdminId: t.serviceProviderAdminId,
    subscriptionId: t.subscriptionId,
    authMode: t.authMode,
    idpEntityId: t.idpEntityId,
    idpName: t.idpName,
    pstnProviderId: t.pstnProviderId,
    allowAdminInviteEmails: t.allowAdminInviteEmails,
    brandName: t.brandName,
    disableWebexCalling: t.disableWebexCalling,
    defaultLanguage: t.defaultLanguage,
    provisioningId: t.provisioningId,
  };
}
