// The endpoint form's schema, shared by the browser and the server (no server imports).
import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from './event-types';
import { urlShapeProblem } from './url-shape';

export const endpointFieldsSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, 'Enter the endpoint URL.')
    .max(2000, 'Use at most 2,000 characters.')
    .superRefine((v, c) => {
      const problem = urlShapeProblem(v);
      if (problem) c.addIssue({ code: 'custom', message: problem });
    }),
  description: z
    .string()
    .trim()
    .max(200, 'Use at most 200 characters.')
    // oxlint-disable-next-line no-control-regex -- refusing control characters is the point (SPEC §10)
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'Remove control characters.')
    .default(''),
  eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, 'Choose at least one event.'),
  includeIndirect: z.boolean().default(false),
});
export type EndpointFields = z.input<typeof endpointFieldsSchema>;

export const endpointIdSchema = z.object({ endpointId: z.string().uuid('Unknown endpoint.') });
export const updateEndpointSchema = endpointFieldsSchema.extend(endpointIdSchema.shape);
export const setEndpointEnabledSchema = endpointIdSchema.extend({ enabled: z.boolean() });
export const deliveryIdSchema = z.object({ deliveryId: z.string().uuid('Unknown delivery.') });
export const listAttemptsSchema = endpointIdSchema.extend({ page: z.coerce.number().int().min(1).default(1) });
