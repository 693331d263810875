// The public API's customer bodies (SPEC §8), in the vendor's field names but built from
// the same field schemas as the wizard (customer-schema.ts), so both doors accept the
// same values. Objects are strict: an unknown field is a 400, never silently dropped.
import { z } from 'zod';
import { countryOf } from '@/lib/domain/countries';
import { PACKAGE_INFO, PACKAGES } from '@/lib/domain/packages';
import { CUSTOMER_STATUSES } from '@/lib/domain/statuses';
import { addressSchema, createCustomerSchema } from './customer-schema';

const ui = createCustomerSchema.shape;
const addr = addressSchema.shape;

export const apiAddressSchema = z
  .strictObject({
    addressLine1: addr.addressLine1,
    addressLine2: addr.addressLine2.optional().default(''),
    city: addr.city,
    stateOrProvince: addr.stateOrProvince.optional().default(''),
    zipOrPostalCode: addr.postalCode,
    country: addr.country,
  })
  .superRefine((a, ctx) => {
    if (countryOf(a.country)?.hasStates && !a.stateOrProvince?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['stateOrProvince'], message: 'Enter the state/province.' });
    }
  });

const callingLocation = z.strictObject({
  name: z.string().trim().min(1, 'Enter the location name.').max(80),
  address: apiAddressSchema.optional(),
  timezone: z.string().max(64).optional(),
  language: z.string().max(10).optional(),
  emergencyLocationIdentifier: z.string().max(64).optional(),
});

export const provisioningParametersSchema = z.strictObject({
  calling: z.strictObject({ location: callingLocation.optional() }).optional(),
  meetings: z.strictObject({ timezone: z.string().max(64).optional() }).optional(),
});

export const customerInfoSchema = z.strictObject({
  name: ui.companyName,
  primaryEmail: ui.adminEmail,
  language: ui.language.optional().default(''),
});

export const CALLING_LOCATION_REQUIRED = 'A calling location is required when calling packages are included.';

const requireCallingLocation = (
  v: { packages?: readonly string[]; provisioningParameters?: z.output<typeof provisioningParametersSchema> },
  ctx: z.RefinementCtx,
) => {
  const calling = (v.packages ?? []).some((p) => PACKAGE_INFO[p as keyof typeof PACKAGE_INFO]?.calling);
  if (calling && !v.provisioningParameters?.calling?.location) {
    ctx.addIssue({ code: 'custom', path: ['provisioningParameters', 'calling', 'location'], message: CALLING_LOCATION_REQUIRED });
  }
};

/** POST /customers and POST /customers/validate. */
export const apiCreateCustomerSchema = z
  .strictObject({
    provisioningId: z.string().trim().min(1, 'Enter the provisioningId (the onboarding template’s Provisioning ID).').max(128),
    packages: ui.packages,
    externalId: ui.externalId.min(1, 'Enter the externalId.'),
    address: apiAddressSchema,
    customerInfo: customerInfoSchema.optional(),
    /** Attach to an existing org (SPEC §8.3). */
    orgId: z.string().uuid('orgId must be an organisation id (UUID).').optional(),
    provisioningParameters: provisioningParametersSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.orgId && !v.customerInfo)
      ctx.addIssue({ code: 'custom', path: ['customerInfo'], message: 'customerInfo is required for a new organisation.' });
    requireCallingLocation(v, ctx);
  });
export type ApiCreateCustomer = z.output<typeof apiCreateCustomerSchema>;

/** PUT /customers/{id}: packages is the complete new list. */
export const apiUpdateCustomerSchema = z.strictObject({
  packages: ui.packages,
  externalId: ui.externalId.min(1, 'Enter the externalId.').optional(),
  address: apiAddressSchema.optional(),
  provisioningParameters: provisioningParametersSchema.optional(),
});
export type ApiUpdateCustomer = z.output<typeof apiUpdateCustomerSchema>;

export const pagingSchema = {
  offset: z.coerce.number().int('offset must be a whole number.').min(0, 'offset must be 0 or more.').default(0),
  max: z.coerce
    .number()
    .int('max must be a whole number.')
    .min(1, 'max must be between 1 and 100.')
    .max(100, 'max must be between 1 and 100.')
    .default(100),
};

export const apiListCustomersSchema = z.strictObject({
  externalId: z.string().max(64).optional(),
  orgId: z.string().max(64).optional(),
  status: z.enum(CUSTOMER_STATUSES, 'Unknown customer status.').optional(),
  ...pagingSchema,
});

const linkSchema = z.object({ rel: z.string(), href: z.string(), method: z.string() });
const problemSchema = z.object({ errorCode: z.number(), description: z.string() });

/** The customer resource (SHAPES.md): GET body and webhook `data`. */
export const customerResourceSchema = z.object({
  // Response-only: ids are documented as uuid (OpenAPI and the webhooks, which reuse this schema).
  id: z.uuid().describe('The customer record id'),
  orgId: z.uuid().describe('The customer organisation id'),
  externalId: z.string(),
  status: z.enum(CUSTOMER_STATUSES),
  address: z.object({
    addressLine1: z.string(),
    addressLine2: z.string(),
    city: z.string(),
    stateOrProvince: z.string(),
    zipOrPostalCode: z.string(),
    country: z.string(),
  }),
  packages: z.array(z.object({ name: z.enum(PACKAGES), status: z.string(), warnings: z.array(z.unknown()), errors: z.array(z.unknown()) })),
  errors: z.array(problemSchema),
  provisioningId: z.string().nullable(),
  subPartnerOrgId: z.uuid().nullable(),
  created: z.string(),
  lastStatusChange: z.string(),
  resourceDetails: z.object({
    name: z.string(),
    sipDomain: z.string().nullable(),
    meetingsSiteUrl: z.string().nullable(),
    rbpm: z.boolean(),
    language: z.string().nullable(),
  }),
  links: z.array(linkSchema),
});
export type CustomerResource = z.infer<typeof customerResourceSchema>;
