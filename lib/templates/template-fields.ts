// The fields of an onboarding template, beyond their validation (template-schema.ts): which
// wizard step holds each, the form's starting values, and the table columns each is saved
// in. Every mapping here is typed over all of the schema's fields (`{ [K in TemplateField]-?: … }`),
// so a field added to the schema and forgotten in one of them is a type error
// (tests/unit/template-fields.test.ts proves it). Zod-free: the wizard's bundle imports it.
import type { onboardingTemplates } from '@/db/schema';
import { isLocale } from '@/lib/domain/locales';
import { TEMPLATE_TYPES } from './template-limits';
import type { TemplateField, TemplateFormValues } from './template-schema';

export type { TemplateField };

/** The wizard's setting steps (SPEC §3), in order; the Summary follows them. */
export const TEMPLATE_STEPS = ['type', 'primary', 'auth', 'calling', 'common'] as const;
export type TemplateStep = (typeof TEMPLATE_STEPS)[number];

/** A step for every field of the schema: one left out does not compile. */
export type TemplateFieldSteps = { readonly [K in TemplateField]-?: TemplateStep };

/** The step each field is set and validated in; in the order the Summary lists them. */
export const TEMPLATE_FIELD_STEPS: TemplateFieldSteps = {
  type: 'type',
  name: 'primary',
  country: 'primary',
  serviceProviderAdminId: 'primary',
  subscriptionId: 'primary',
  authMode: 'auth',
  idpEntityId: 'auth',
  idpName: 'auth',
  pstnProviderId: 'calling',
  allowAdminInviteEmails: 'common',
  brandName: 'common',
  disableWebexCalling: 'common',
  defaultLanguage: 'common',
};

/** The fields of one step, in the order above. */
export function fieldsOfStep(step: TemplateStep): TemplateField[] {
  return templateFieldNames().filter((f) => TEMPLATE_FIELD_STEPS[f] === step);
}

/** Every field of the schema, in the order above. */
export function templateFieldNames(): TemplateField[] {
  const names: TemplateField[] = [];
  for (const f in TEMPLATE_FIELD_STEPS) if (isTemplateField(f)) names.push(f);
  return names;
}

export function isTemplateField(f: string): f is TemplateField {
  return Object.hasOwn(TEMPLATE_FIELD_STEPS, f);
}

/** What the wizard starts from: every field present (undefined leaves a choice open). */
export type TemplateFormDefaults = { [K in TemplateField]-?: TemplateFormValues[K] | undefined };

/** A new template's starting values; `choices` are the answers the page could pre-fill. */
export function newTemplateFormValues(choices: { subscriptionId: string; serviceProviderAdminId: string }): TemplateFormDefaults {
  return {
    // With one template type there is nothing to choose: it is preselected.
    type: TEMPLATE_TYPES.length === 1 ? TEMPLATE_TYPES[0] : undefined,
    name: '',
    country: '',
    serviceProviderAdminId: choices.serviceProviderAdminId,
    subscriptionId: choices.subscriptionId,
    authMode: 'webex',
    idpEntityId: '',
    idpName: '',
    pstnProviderId: '',
    allowAdminInviteEmails: false,
    brandName: '',
    disableWebexCalling: false,
    defaultLanguage: 'en_US',
  };
}

type TemplateRow = typeof onboardingTemplates.$inferSelect;

/** A saved template as the wizard's values, for Edit (empty text for unset optional values). */
export function templateFormValues(t: TemplateRow): TemplateFormDefaults {
  return {
    type: t.type,
    name: t.name,
    country: t.country,
    serviceProviderAdminId: t.serviceProviderAdminId,
    subscriptionId: t.subscriptionId,
    authMode: t.authMode,
    idpEntityId: t.idpEntityId ?? '',
    idpName: t.idpName ?? '',
    pstnProviderId: t.pstnProviderId ?? '',
    allowAdminInviteEmails: t.allowAdminInviteEmails,
    brandName: t.brandName ?? '',
    disableWebexCalling: t.disableWebexCalling,
    // A stored value outside today's locale list is offered for re-choosing rather than kept.
    defaultLanguage: isLocale(t.defaultLanguage) ? t.defaultLanguage : undefined,
  };
}

type TemplateInsert = typeof onboardingTemplates.$inferInsert;

/**
 * The columns the wizard's fields are saved in, one per field of the same name: a field
 * without its column in db/schema/templates.ts is a type error here too.
 */
export type TemplateColumns = { [K in TemplateField]-?: TemplateInsert[K] };

/**
 * The wizard's settings picked from validated input (create, update) or from a stored row
 * (the audit log's before/after): one list, so saving and auditing never disagree.
 */
export function templateColumns(s: TemplateColumns): TemplateColumns {
  return {
    name: s.name,
    type: s.type,
    country: s.country,
    serviceProviderAdminId: s.serviceProviderAdminId,
    subscriptionId: s.subscriptionId,
    authMode: s.authMode,
    idpEntityId: s.idpEntityId,
    idpName: s.idpName,
    pstnProviderId: s.pstnProviderId,
    allowAdminInviteEmails: s.allowAdminInviteEmails,
    brandName: s.brandName,
    disableWebexCalling: s.disableWebexCalling,
    defaultLanguage: s.defaultLanguage,
  };
}
