// OpenAPI 3.1 `webhooks` (SPEC §8.4), generated from EVENT_DATA_SCHEMAS — the schemas the
// tests parse real deliveries with — so the published payloads cannot drift from what is
// sent. One entry per event type, with the Standard Webhooks headers and an example.
import { z } from 'zod';
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@/lib/webhooks/event-types';
import { webhookPayloadSchema, type WebhookEventData } from '@/lib/webhooks/event-schemas';
import { EXAMPLE_CUSTOMER, EXAMPLE_REPORT, EXAMPLE_SUBSCRIBER } from './examples';

type Json = Record<string, unknown>;

const { tempDownloadURL: _link, ...reportData } = EXAMPLE_REPORT;
const failedReport = { ...reportData, status: 'FAILED', errors: [{ errorCode: 10500, description: 'The report could not be generated.' }] };

/** An example `data` for every event; a unit test parses each with its schema. */
export const WEBHOOK_EXAMPLES: { [T in WebhookEventType]: WebhookEventData<T> } = {
  'customer.status_changed': { ...EXAMPLE_CUSTOMER, previousStatus: 'provisioning' } as WebhookEventData<'customer.status_changed'>,
  'customer.deleted': { ...EXAMPLE_CUSTOMER, status: 'deprovisioned' } as WebhookEventData<'customer.deleted'>,
  'subscriber.created': EXAMPLE_SUBSCRIBER as WebhookEventData<'subscriber.created'>,
  'subscriber.updated': { ...EXAMPLE_SUBSCRIBER, package: 'webex_suite' } as WebhookEventData<'subscriber.updated'>,
  'subscriber.deleted': { ...EXAMPLE_SUBSCRIBER, status: 'removed' } as WebhookEventData<'subscriber.deleted'>,
  'billing_report.completed': reportData as WebhookEventData<'billing_report.completed'>,
  'billing_report.failed': failedReport as WebhookEventData<'billing_report.failed'>,
  'trial.status_changed': {
    id: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
    customerOrgId: EXAMPLE_CUSTOMER.orgId,
    status: 'active',
    previousStatus: 'pending_provisioning_details',
    startDate: '2026-01-05',
    endDate: '2026-02-04',
    services: ['meetings'],
  } as WebhookEventData<'trial.status_changed'>,
};

const headerParam = (name: string, description: string, example: string): Json => ({
  name,
  in: 'header',
  required: true,
  description,
  schema: { type: 'string' },
  example,
});

const HEADERS = [
  headerParam(
    'webhook-id',
    'The event id: the same on every retry and on Redeliver, so de-duplicate on it.',
    'b1946ac9-2a3f-4c1e-9a0b-7d6e5f4a3b2c',
  ),
  headerParam('webhook-timestamp', 'Unix seconds when this attempt was signed; refuse ones more than 5 minutes off.', '1767607204'),
  headerParam(
    'webhook-signature',
    'Space-separated `v1,<base64 HMAC-SHA256>` of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the base64-decoded part of the signing secret after `whsec_`. Two while a rotated secret still overlaps (24 h): accept if any matches.',
    'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
  ),
];

const jsonSchema = (schema: z.ZodType): Json => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  return rest;
};

export function openApiWebhooks(): Record<string, Json> {
  return Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          operationId: `webhook.${type}`,
          summary: WEBHOOK_EVENT_DESCRIPTIONS[type],
          description:
            'Sent as a JSON POST to every enabled endpoint subscribed to this event (Settings → Webhooks), after the change commits. ' +
            'Retried with exponential backoff and jitter for 24 hours on a non-2xx answer or no answer within 10 s. At least once; no ordering promise — ' +
            'compare `data.lastStatusChange` (or re-read the resource) rather than relying on arrival order.',
          tags: ['Webhooks'],
          parameters: HEADERS,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: jsonSchema(webhookPayloadSchema(type)),
                example: { type, timestamp: '2026-01-05T10:00:04.000Z', data: WEBHOOK_EXAMPLES[type] },
              },
            },
          },
          responses: { '2XX': { description: 'Received. Any 2xx stops the retries; answer quickly and do the work afterwards.' } },
        },
      },
    ]),
  );
}
