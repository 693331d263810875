// The public API's subscriber bodies (SPEC §8) in the vendor's names, built from the
// same field schemas as the portal's add-user form (subscriber-schemas.ts). Strict.
import { z } from 'zod';
import { PACKAGES } from '@/lib/domain/packages';
import { SUBSCRIBER_STATUSES } from '@/lib/domain/statuses';
import { pagingSchema } from '@/lib/customers/customer-api-schema';
import { emailField, extensionField, numberingIssues, phoneField, userRowSchema } from './subscriber-schemas';

const row = userRowSchema.shape;

const parameters = z.strictObject({
  firstName: row.firstName,
  lastName: row.lastName,
  primaryPhoneNumber: phoneField.optional().default(''),
  extension: extensionField.optional().default(''),
  /** Default: the customer's headquarters location. */
  locationId: z.string().max(64).optional(),
});

const numbering = (
  v: { package: (typeof PACKAGES)[number]; provisioningParameters: { extension: string; primaryPhoneNumber: string } },
  ctx: z.RefinementCtx,
) => {
  for (const i of numberingIssues({
    package: v.package,
    extension: v.provisioningParameters.extension,
    primaryPhoneNumber: v.provisioningParameters.primaryPhoneNumber,
  })) {
    ctx.addIssue({ code: 'custom', path: ['provisioningParameters', i.path], message: i.message });
  }
};

/** POST /subscribers and POST /subscribers/validate. */
export const apiCreateSubscriberSchema = z
  .strictObject({
    customerId: z.string().min(1, 'Enter the customerId.').max(64),
    email: emailField,
    package: row.package,
    provisioningParameters: parameters,
  })
  .superRefine(numbering);
export type ApiCreateSubscriber = z.output<typeof apiCreateSubscriberSchema>;

/** PUT /subscribers/{id}: change the package (and the numbers it needs). */
export const apiUpdateSubscriberSchema = z.strictObject({
  package: z.enum(PACKAGES, 'Choose a package.'),
  provisioningParameters: z
    .strictObject({
      primaryPhoneNumber: phoneField.optional().default(''),
      extension: extensionField.optional().default(''),
    })
    .optional()
    .default({ primaryPhoneNumber: '', extension: '' }),
});

export const apiListSubscribersSchema = z.strictObject({
  customerId: z.string().max(64).optional(),
  email: z.string().max(254).optional(),
  status: z.enum(SUBSCRIBER_STATUSES, 'Unknown subscriber status.').optional(),
  externalCustomerId: z.string().max(64).optional(),
  sortBy: z.enum(['created', 'lastStatusChange'], 'sortBy is created or lastStatusChange.').default('created'),
  sortOrder: z.enum(['asc', 'desc'], 'sortOrder is asc or desc.').default('desc'),
  ...pagingSchema,
});

/** The subscriber resource (SHAPES.md): GET body and webhook `data`. */
export const subscriberResourceSchema = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  email: z.string(),
  package: z.enum(PACKAGES),
  status: z.enum(SUBSCRIBER_STATUSES),
  firstName: z.string(),
  lastName: z.string(),
  primaryPhoneNumber: z.string().nullable(),
  extension: z.string().nullable(),
  locationId: z.uuid(),
  created: z.string(),
  lastStatusChange: z.string(),
  errors: z.array(z.object({ errorCode: z.number(), description: z.string() })),
});
export type SubscriberResource = z.infer<typeof subscriberResourceSchema>;
