import {
  TEMPLATE_FIELD_STEPS,
  TEMPLATE_STEPS,
  fieldsOfStep,
  isTemplateField,
  type TemplateField,
  type TemplateStep,
} from '@/lib/templates/template-fields';

export type StepId = TemplateStep | 'summary';

const STEP_TITLES: { readonly [K in TemplateStep]-?: string } = {
  type: 'Template type',
  primary: 'Primary settings',
  auth: 'Authentication',
  calling: 'Wholesale calling',
  common: 'Common settings and calling settings',
};

/** The title of a settings step: the wizard's heading and the Summary's (and detail page's) group. */
export const stepTitle = (step: TemplateStep) => STEP_TITLES[step];

/**
 * SPEC §3's six steps and the fields each validates on Next — the fields come from
 * TEMPLATE_FIELD_STEPS (lib/templates/template-fields.ts), where every field has its step.
 */
export const WIZARD_STEPS: { id: StepId; title: string; fields: TemplateField[] }[] = [
  ...TEMPLATE_STEPS.map((id) => ({ id, title: stepTitle(id), fields: fieldsOfStep(id) })),
  { id: 'summary', title: 'Summary', fields: [] },
];

export const SUMMARY_INDEX = WIZARD_STEPS.length - 1;

/** Index of the first step holding one of these fields (server errors, submit-time errors). */
export function firstStepWithError(fields: readonly string[]): number | null {
  const steps = fields.filter(isTemplateField).map((f) => TEMPLATE_STEPS.indexOf(TEMPLATE_FIELD_STEPS[f]));
  return steps.length ? Math.min(...steps) : null;
}

export { isTemplateField };
