import { z } from 'zod';

/** Input of the single-customer actions; an unknown or malformed id is a 404 from the service. */
export const customerIdSchema = z.object({ customerId: z.string().min(1).max(64) });

export const customerRbpmSchema = customerIdSchema.extend({ rbpm: z.boolean() });
