import type { TemplateField } from '@/lib/templates/template-schema';
import type { SettingsStep } from './template-setting-groups';

export type StepId = SettingsStep | 'summary';

/** SPEC §3's six steps and the fields each validates on Next. */
export const WIZARD_STEPS: { id: StepId; title: string; fields: TemplateField[] }[] = [
  { id: 'type', title: 'Template type', fields: ['type'] },
  { id: 'primary', title: 'Primary settings', fields: ['name', 'country', 'serviceProviderAdminId', 'subscriptionId'] },
  { id: 'auth', title: 'Authentication', fields: ['authMode', 'idpEntityId', 'idpName'] },
  { id: 'calling', title: 'Wholesale calling', fields: ['pstnProviderId'] },
  {
    id: 'common',
    title: 'Common settings and calling settings',
    fields: ['allowAdminInviteEmails', 'brandName', 'disableWebexCalling', 'defaultLanguage'],
  },
  { id: 'summary', title: 'Summary', fields: [] },
];

export const SUMMARY_INDEX = WIZARD_STEPS.length - 1;

const FIELD_STEP = new Map(WIZARD_STEPS.flatMap((s, i) => s.fields.map((f) => [f, i] as const)));

/** Index of the first step holding one of these fields (server errors, submit-time errors). */
export function firstStepWithError(fields: readonly string[]): number | null {
  const steps = fields.map((f) => FIELD_STEP.get(f as TemplateField)).filter((i): i is number => i !== undefined);
  return steps.length ? Math.min(...steps) : null;
}

export const isTemplateField = (f: string): f is TemplateField => FIELD_STEP.has(f as TemplateField);
