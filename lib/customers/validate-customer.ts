import { ConflictError, ValidationError } from '@/lib/platform/errors';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import type { CreateCustomerInput } from './customer-schema';
import { findCustomerProblems, type CustomerProblems } from './find-customer-problems';

export const PRECHECK_OK = { infoCode: 100, description: 'Provisioning preCheck validation successful.' } as const;

/** Throws every problem at once: 409 when any is a clash with existing data, else 400. */
export function throwProblems(problems: CustomerProblems): void {
  if (!Object.keys(problems.fieldErrors).length) return;
  const message = 'Fix the highlighted problems before creating the customer.';
  throw problems.conflict ? new ConflictError(message, problems.fieldErrors) : new ValidationError(message, problems.fieldErrors);
}

/**
 * The pre-provisioning check as a use case (SPEC §8 `POST /customers/validate`; the
 * wizard runs it before its summary). Changes nothing.
 */
export async function validateCustomer(ctx: ServiceCtx, input: CreateCustomerInput) {
  throwProblems(await findCustomerProblems(ctx.db, ctx.access, input));
  return { message: PRECHECK_OK.description, info: [PRECHECK_OK] };
}
