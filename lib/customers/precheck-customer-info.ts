import type { ServiceCtx } from '@/lib/platform/service-ctx';
import { createCustomerSchema, type CreateCustomerInput } from './customer-schema';
import { WIZARD_STEP_FIELDS } from './wizard-steps';
import { findCustomerProblems } from './find-customer-problems';
import { throwProblems } from './validate-customer';

/** The fields of the wizard's first step, validated as the full schema validates them. */
export const customerInfoSchema = createCustomerSchema.pick({
  companyName: true,
  adminEmail: true,
  adminFirstName: true,
  adminLastName: true,
  templateId: true,
  externalId: true,
  language: true,
});
export type CustomerInfoInput = Pick<CreateCustomerInput, (typeof WIZARD_STEP_FIELDS.info)[number]>;

const INFO_FIELDS = new Set<string>([...WIZARD_STEP_FIELDS.info, '_form']);

/**
 * The pre-check of the create-customer wizard's first step, run on its Next: an
 * administrator e-mail or external ID already in use (and a template out of reach) is
 * reported at the step that holds the field, not two steps later. Changes nothing; the
 * full check still runs before the summary and on create.
 */
export async function precheckCustomerInfo(ctx: ServiceCtx, input: CustomerInfoInput) {
  const problems = await findCustomerProblems(ctx.db, ctx.access, {
    ...input,
    packages: [],
    confirmSupportedLocation: true,
    address: { addressLine1: '', addressLine2: '', city: '', stateOrProvince: '', postalCode: '', country: '' },
  });
  const fieldErrors = Object.fromEntries(Object.entries(problems.fieldErrors).filter(([field]) => INFO_FIELDS.has(field)));
  throwProblems({ ...problems, fieldErrors });
  return { ok: true as const };
}
