// SPEC §3: the one schema of an onboarding template, used by the wizard (zodResolver)
// and re-checked by the server actions (orgAction). Rules that need the database
// (usable subscription, admin of this org, PSTN provider exists, unique name) live in
// the services.
import { z } from 'zod';
import { COUNTRY_CODES } from '@/lib/domain/countries';
import { LOCALES } from '@/lib/domain/locales';
import { IDP_ENTITY_ID_MAX, IDP_NAME_MAX, idpEntityIdProblem, idpNameProblem } from '@/lib/domain/identity-provider';
import { AUTH_MODES, type AuthMode } from '@/lib/domain/statuses';
import { TEMPLATE_NAME_MAX, TEMPLATE_TYPES } from './template-limits';

export { TEMPLATE_NAME_MAX, TEMPLATE_TYPES };
export const BRAND_NAME_MAX = 80;
// The IdP rules are shared with Organisation settings → SSO (lib/domain/identity-provider.ts).
export { IDP_ENTITY_ID_MAX, IDP_NAME_MAX, IDP_NAME_PATTERN } from '@/lib/domain/identity-provider';

/** Optional text: trimmed; empty becomes null. Output stays valid input, so parsing twice is harmless. */
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .nullish()
    .transform((v) => v || null);

const fields = {
  type: z.enum(TEMPLATE_TYPES, { error: 'Choose a template type.' }),
  name: z
    .string({ error: 'Enter a template name.' })
    .trim()
    .min(1, 'Enter a template name.')
    .max(TEMPLATE_NAME_MAX, `Use at most ${TEMPLATE_NAME_MAX} characters.`),
  country: z.enum(COUNTRY_CODES, { error: 'Choose a country or region.' }),
  serviceProviderAdminId: z.guid({ error: 'Choose a service provider administrator.' }),
  subscriptionId: z.string({ error: 'Choose a wholesale subscription.' }).trim().min(1, 'Choose a wholesale subscription.').max(64),
  authMode: z.enum(AUTH_MODES, { error: 'Choose an authentication method.' }),
  // Checked against the chosen mode below: a value left over from another mode is dropped, not refused.
  idpEntityId: optionalText(2 * IDP_ENTITY_ID_MAX, `Use at most ${IDP_ENTITY_ID_MAX} characters.`),
  idpName: optionalText(2 * IDP_NAME_MAX, `Use at most ${IDP_NAME_MAX} characters.`),
  pstnProviderId: optionalText(64, 'Choose a PSTN provider from the list.'),
  allowAdminInviteEmails: z.boolean().default(false),
  brandName: optionalText(BRAND_NAME_MAX, `Use at most ${BRAND_NAME_MAX} characters.`),
  disableWebexCalling: z.boolean().default(false),
  defaultLanguage: z.enum(LOCALES, { error: 'Choose a default language.' }).default('en_US'),
};

interface AuthFields {
  authMode: AuthMode;
  idpEntityId: string | null;
  idpName: string | null;
}

function authRules(v: AuthFields, ctx: z.RefinementCtx) {
  const problem = v.authMode === 'saml' ? idpEntityIdProblem(v.idpEntityId) : v.authMode === 'oidc' ? idpNameProblem(v.idpName) : null;
  if (problem) ctx.addIssue({ code: 'custom', path: [v.authMode === 'saml' ? 'idpEntityId' : 'idpName'], message: problem });
}

/** Only the IdP value of the chosen mode is kept. */
function keepChosenIdp<T extends AuthFields>(v: T): T {
  return { ...v, idpEntityId: v.authMode === 'saml' ? v.idpEntityId : null, idpName: v.authMode === 'oidc' ? v.idpName : null };
}

const base = z.object(fields);

export const templateSchema = base.superRefine(authRules).transform(keepChosenIdp);
export const updateTemplateSchema = base
  .extend({ templateId: z.guid({ error: 'Template not found.' }) })
  .superRefine(authRules)
  .transform(keepChosenIdp);
/**
 * The template wizard's name pre-check (on the Primary settings step's Next): the name as the
 * full schema checks it, and — when editing — the template whose own name doesn't count.
 */
export const templateNameCheckSchema = z.object({
  name: fields.name,
  templateId: z.guid({ error: 'Template not found.' }).optional(),
});
export const deleteTemplateSchema = z.object({ templateId: z.guid({ error: 'Template not found.' }) });

export type TemplateFormValues = z.input<typeof templateSchema>;
export type TemplateInput = z.output<typeof templateSchema>;
export type UpdateTemplateInput = z.output<typeof updateTemplateSchema>;
export type TemplateNameCheckInput = z.output<typeof templateNameCheckSchema>;
export type DeleteTemplateInput = z.output<typeof deleteTemplateSchema>;
export type TemplateField = keyof typeof fields;
