// Payload schemas of every webhook event, in one place, so the OpenAPI generator can
// publish them as OpenAPI 3.1 `webhooks` (z.toJSONSchema) and tests can parse deliveries.
// Field names are exactly the API's GET bodies: customers and subscribers use its schemas.
import { z } from 'zod';
import { CUSTOMER_STATUSES, REPORT_STATUSES, REPORT_TYPES, TRIAL_STATUSES } from '@/lib/domain/statuses';
import { customerResourceSchema } from '@/lib/customers/customer-api-schema';
import { subscriberResourceSchema } from '@/lib/subscribers/subscriber-api-schema';
import type { WebhookEventType } from './event-types';

const errorItem = z.object({ errorCode: z.number().int(), description: z.string() });
const iso = z.string().describe('ISO 8601 date-time (UTC)');

// Customers and subscribers: the API's own resource schemas (one definition for GET and events).
export { customerResourceSchema, subscriberResourceSchema };

export const billingReportResourceSchema = z.object({
  id: z.string().uuid(),
  billingStartDate: z.string(),
  billingEndDate: z.string(),
  type: z.enum(REPORT_TYPES),
  created: iso,
  createdBy: z.string().nullable(),
  status: z.enum(REPORT_STATUSES),
  errors: z.array(errorItem),
});

export const trialEventDataSchema = z.object({
  id: z.string().uuid(),
  customerOrgId: z.string().uuid(),
  status: z.enum(TRIAL_STATUSES),
  previousStatus: z.enum(TRIAL_STATUSES).nullable(),
  startDate: z.string(),
  endDate: z.string(),
  services: z.array(z.string()),
});

export const EVENT_DATA_SCHEMAS = {
  'customer.status_changed': customerResourceSchema.extend({ previousStatus: z.enum(CUSTOMER_STATUSES) }),
  'customer.deleted': customerResourceSchema,
  'subscriber.created': subscriberResourceSchema,
  'subscriber.updated': subscriberResourceSchema,
  'subscriber.deleted': subscriberResourceSchema,
  'billing_report.completed': billingReportResourceSchema,
  'billing_report.failed': billingReportResourceSchema,
  'trial.status_changed': trialEventDataSchema,
} as const satisfies Record<WebhookEventType, z.ZodType>;

export type WebhookEventData<T extends WebhookEventType> = z.infer<(typeof EVENT_DATA_SCHEMAS)[T]>;

/** The JSON body of a delivery: { type, timestamp, data }. */
export function webhookPayloadSchema<T extends WebhookEventType>(type: T) {
  return z.object({ type: z.literal(type), timestamp: iso, data: EVENT_DATA_SCHEMAS[type] });
}

export type CustomerResource = z.infer<typeof customerResourceSchema>;
export type SubscriberResource = z.infer<typeof subscriberResourceSchema>;
export type BillingReportResource = z.infer<typeof billingReportResourceSchema>;
