// Payload schemas of every webhook event, in one place, so the OpenAPI generator can
// publish them as OpenAPI 3.1 `webhooks` (z.toJSONSchema) and tests can parse deliveries.
// Field names are exactly the API's GET bodies (see SHAPES: customer, subscriber, report).
import { z } from 'zod';
import { CUSTOMER_STATUSES, PACKAGE_STATUSES, REPORT_STATUSES, REPORT_TYPES, SUBSCRIBER_STATUSES, TRIAL_STATUSES } from '@/lib/domain/statuses';
import type { WebhookEventType } from './event-types';

const errorItem = z.object({ errorCode: z.number().int(), description: z.string() });
const iso = z.string().describe('ISO 8601 date-time (UTC)');

export const customerResourceSchema = z.object({
  id: z.string().uuid().describe('The customer record id'),
  orgId: z.string().uuid().describe('The customer organisation id'),
  externalId: z.string(),
  status: z.enum(CUSTOMER_STATUSES),
  address: z.object({
    addressLine1: z.string(), addressLine2: z.string().nullable(), city: z.string(), stateOrProvince: z.string().nullable(),
    zipOrPostalCode: z.string(), country: z.string(),
  }).nullable(),
  packages: z.array(z.object({
    name: z.string(), status: z.enum(PACKAGE_STATUSES),
    warnings: z.array(z.object({ code: z.number().int(), description: z.string() })), errors: z.array(errorItem),
  })),
  errors: z.array(errorItem),
  provisioningId: z.string().nullable(),
  subPartnerOrgId: z.string().uuid().nullable(),
  created: iso,
  lastStatusChange: iso,
  resourceDetails: z.record(z.string(), z.unknown()),
  links: z.array(z.object({ rel: z.string(), href: z.string(), method: z.string() })),
});

export const subscriberResourceSchema = z.object({
  id: z.string().uuid(),
  customerId: z.string().uuid(),
  email: z.string().nullable().describe('null for workspaces'),
  package: z.string(),
  status: z.enum(SUBSCRIBER_STATUSES),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  primaryPhoneNumber: z.string().nullable(),
  extension: z.string().nullable(),
  locationId: z.string().uuid(),
  created: iso,
  lastStatusChange: iso,
  errors: z.array(errorItem),
});

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
