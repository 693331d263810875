// The attach use case's input (SPEC §8.3): the wizard's field schemas minus what an
// existing org already has (its name and administrator).
import { z } from 'zod';
import { addressSchema, createCustomerSchema } from './customer-schema';

const ui = createCustomerSchema.shape;

export const attachCustomerSchema = z.object({
  orgId: z.string().uuid('orgId must be an organisation id (UUID).'),
  templateId: ui.templateId,
  externalId: ui.externalId,
  packages: ui.packages,
  address: addressSchema,
});
export type AttachCustomerInput = z.output<typeof attachCustomerSchema>;

export const attachAnswerSchema = z.object({ customerId: z.string().uuid('Unknown request.'), approve: z.boolean() });
