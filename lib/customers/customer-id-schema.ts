import { z } from 'zod';

/** Input of the single-customer actions; an unknown or malformed id is a 404 from the service. */
export const customerIdSchema = z.object({ customerId: z.string().min(1).max(64) });

export const customerRbpmSchema = customerIdSchema.extend({ rbpm: z.boolean() });

/** Bulk Restricted by Partner Mode from the list: up to a few pages of a selection, each id once. */
export const customersRbpmSchema = z.object({
  customerIds: z
    .array(z.string().min(1).max(64))
    .min(1, 'Select at least one customer.')
    .max(100, 'Select at most 100 customers at a time.')
    .refine((ids) => new Set(ids).size === ids.length, 'Each customer can be selected once.'),
  rbpm: z.boolean(),
});
