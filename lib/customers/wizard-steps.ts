// Zod-free so the wizard can import it without loading the schema (lazyZodResolver).
import type { CreateCustomerInput } from './customer-schema';

/** The wizard's fields per step, for per-step validation (trigger) and jumping to errors. */
export const WIZARD_STEP_FIELDS = {
  info: ['companyName', 'adminEmail', 'adminFirstName', 'adminLastName', 'templateId', 'externalId', 'language'],
  packages: ['packages'],
  location: ['address', 'confirmSupportedLocation'],
} as const satisfies Record<string, readonly (keyof CreateCustomerInput)[]>;
