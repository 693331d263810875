import { z } from 'zod';
import { PACKAGES } from '@/lib/domain/packages';
import { addressSchema } from './customer-schema';

/**
 * What the provisioning job needs beyond the customer's own columns, stored with the
 * customer at creation (customers.provisioning_request) so a retried or restarted job
 * finishes the same request. Parsed again when read: it is JSON from the database.
 */
export const provisioningRequestSchema = z.object({
  version: z.literal(1),
  address: addressSchema,
  packages: z.array(z.enum(PACKAGES)).min(1),
  // null for trial customers of non-wholesale partners (SPEC §9): no template, no subscription.
  templateId: z.string().nullable(),
  subscriptionId: z.string().nullable(),
  /** The first administrator's name (optional in the wizard; absent in requests stored before it was asked). */
  adminFirstName: z.string().optional(),
  adminLastName: z.string().optional(),
});

export type ProvisioningRequest = z.infer<typeof provisioningRequestSchema>;
