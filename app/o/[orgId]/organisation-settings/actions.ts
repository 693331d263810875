'use server';
// One action per settings section, each with its own capability: under RBPM every one is
// refused for customer admins, and a refused section can't ride along with an allowed one.
import { updateDomainSchema, updateEmailSettingsSchema, updateSsoSchema } from '@/lib/customer-org-settings/org-settings-schemas';
import { updateDomain } from '@/lib/customer-org-settings/update-domain';
import { updateEmailSettings } from '@/lib/customer-org-settings/update-email-settings';
import { updateSso } from '@/lib/customer-org-settings/update-sso';
import { orgAction } from '@/lib/server/org-action';

export const updateDomainAction = orgAction('cv.orgSettings.domain', updateDomainSchema, updateDomain);
export const updateEmailSettingsAction = orgAction('cv.orgSettings.email', updateEmailSettingsSchema, updateEmailSettings);
export const updateSsoAction = orgAction('cv.orgSettings.sso', updateSsoSchema, updateSso);
