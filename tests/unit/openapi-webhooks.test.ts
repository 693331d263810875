// SPEC §8.4: the OpenAPI 3.1 document publishes every webhook event, its Standard
// Webhooks headers and a payload schema generated from the schemas deliveries are
// checked with; every published example is a payload those schemas accept.
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '@/lib/api/openapi';
import { WEBHOOK_EXAMPLES } from '@/lib/api/openapi-webhooks';
import { WEBHOOK_EVENT_TYPES } from '@/lib/webhooks/event-types';
import { webhookPayloadSchema } from '@/lib/webhooks/event-schemas';

type Json = Record<string, any>; // oxlint-disable-line no-explicit-any -- reading a JSON document

const doc = openApiDocument() as Json;

describe('OpenAPI webhooks', () => {
  it('lists exactly the event catalogue, each a POST with the three signature headers', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.webhooks).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    for (const type of WEBHOOK_EVENT_TYPES) {
      const op = doc.webhooks[type].post;
      expect(op.parameters.map((p: Json) => `${p.in}:${p.name}`)).toEqual([
        'header:webhook-id',
        'header:webhook-timestamp',
        'header:webhook-signature',
      ]);
      expect(op.responses['2XX']).toBeDefined();
    }
  });

  it('publishes the payload envelope {type, timestamp, data} with the resource fields of the API', () => {
    const schema = doc.webhooks['customer.status_changed'].post.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(['type', 'timestamp', 'data']);
    expect(schema.properties.type.const).toBe('customer.status_changed');
    const data = schema.properties.data;
    expect(data.required).toEqual(
      expect.arrayContaining(['id', 'orgId', 'externalId', 'status', 'previousStatus', 'packages', 'lastStatusChange']),
    );
    expect(data.properties.status.enum).toContain('pending_customer_approval');
    const sub = doc.webhooks['subscriber.created'].post.requestBody.content['application/json'].schema.properties.data;
    expect(Object.keys(sub.properties)).toEqual(
      expect.arrayContaining(['id', 'customerId', 'email', 'package', 'status', 'firstName', 'lastName']),
    );
  });

  it('every example is a payload the delivery schemas accept', () => {
    for (const type of WEBHOOK_EVENT_TYPES) {
      const example = doc.webhooks[type].post.requestBody.content['application/json'].example;
      expect(webhookPayloadSchema(type).safeParse(example).success, type).toBe(true);
      expect(example.data).toEqual(WEBHOOK_EXAMPLES[type]);
    }
  });

  it('ids are uuid alike in the API responses and the webhook payloads (one schema for both)', () => {
    const json = 'application/json';
    const getCustomer = doc.paths['/v1/wholesale/customers/{customerId}'].get;
    const getSubscriber = doc.paths['/v1/wholesale/subscribers/{subscriberId}'].get;
    const apiCustomer = getCustomer.responses['200'].content[json].schema.properties;
    const apiSubscriber = getSubscriber.responses['200'].content[json].schema.properties;
    const hookCustomer = doc.webhooks['customer.status_changed'].post.requestBody.content[json].schema.properties.data.properties;
    const hookSubscriber = doc.webhooks['subscriber.created'].post.requestBody.content[json].schema.properties.data.properties;
    const hookReport = doc.webhooks['billing_report.completed'].post.requestBody.content[json].schema.properties.data.properties;
    const format = (props: Json, key: string) => props[key].format ?? props[key].anyOf?.find((s: Json) => s.format)?.format;
    for (const props of [apiCustomer, hookCustomer])
      for (const k of ['id', 'orgId', 'subPartnerOrgId']) expect(format(props, k), k).toBe('uuid');
    for (const props of [apiSubscriber, hookSubscriber])
      for (const k of ['id', 'customerId', 'locationId']) expect(format(props, k), k).toBe('uuid');
    expect(format(hookReport, 'id')).toBe('uuid');
  });

  it('documents the attach pre-check info codes next to infoCode 100', () => {
    expect(doc['x-info-codes'].map((i: Json) => i.infoCode)).toEqual([100, 101, 102]);
  });
});
