// SPEC §8.4: every change the services make arrives once, as a signed event, at a real
// receiver on 127.0.0.1 — and only at endpoints that asked for it.
import { and, eq, lte, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookDeliveries } from '@/db/schema';
import { generateReport } from '@/jobs/handlers/generate-report';
import { provisionCustomer } from '@/jobs/handlers/provision-customer';
import { QUEUES } from '@/lib/platform/queues';
import type { Actor } from '@/lib/auth/access';
import { billingReportOps } from '@/lib/billing/report-operations';
import { createCustomer } from '@/lib/customers/create-customer';
import { changeCustomerStatus } from '@/lib/customers/change-customer-status';
import { customerIdSchema } from '@/lib/customers/customer-id-schema';
import { customerOps } from '@/lib/customers/customer-operations';
import { createCustomerSchema } from '@/lib/customers/customer-schema';
import { deleteCustomer } from '@/lib/customers/delete-customer';
import { fixedClock } from '@/lib/platform/clock';
import type { ServiceDeps } from '@/lib/platform/service-ctx';
import { addUsers } from '@/lib/subscribers/add-users';
import { changePackage } from '@/lib/subscribers/change-package';
import { removeSubscriber } from '@/lib/subscribers/remove-subscriber';
import { getSubscriberResource } from '@/lib/subscribers/subscriber-resource';
import { addUsersSchema, changePackageSchema, subscriberIdSchema } from '@/lib/subscribers/subscriber-schemas';
import { attemptDelivery } from '@/lib/webhooks/attempt-delivery';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@/lib/webhooks/event-types';
import { webhookPayloadSchema } from '@/lib/webhooks/event-schemas';
import { webhookOps } from '@/lib/webhooks/webhook-operations';
import { customerInput, makeTemplate, recordingJobs, serviceCaller } from './support/customer-fixtures';
import { makeAdmin, makePartner, makeSubPartner } from './support/fixtures';
import { freshDb } from './support/test-db';
import { startReceiver, verify } from './support/webhook-receiver';
import { at } from '@/tests/support/rows';

process.env.WEBHOOKS_ALLOW_PRIVATE = '1';
const db = await freshDb();
// Near real time: the reference verifier refuses timestamps more than 5 minutes off.
const clock = fixedClock(new Date());
const jobs = recordingJobs();
const deps: ServiceDeps = { db, clock, jobs };
const call = serviceCaller(db, { clock, jobs });
const receiver = await startReceiver();

let partnerId: string;
let admin: Actor;
let subAdmin: Actor;
let subId: string;
const secrets: Record<string, string> = {};

const addEndpoint = async (who: Actor, orgId: string, path: string, eventTypes: readonly WebhookEventType[], includeIndirect = false) => {
  const op = webhookOps.create;
  const r = await call(who.userId, orgId, op.capability, op.schema, op.handler, { url: receiver.url(path), eventTypes, includeIndirect });
  secrets[path] = r.secret;
  return r;
};

/** What the worker does: every job the services enqueued after commit, attempted now. */
async function runDeliveryJobs() {
  const ids = jobs.of(QUEUES.deliverWebhook).map((j) => j.deliveryId);
  jobs.sent.length = 0;
  for (const id of ids) await attemptDelivery(deps, id);
  const stuck = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, clock.now())));
  expect(stuck).toEqual([]);
}

const types = (path: string) => receiver.events(path).map((e) => e.type);

beforeAll(async () => {
  const partner = await makePartner(db, { name: 'Events Partner' });
  partnerId = partner.id;
  admin = await makeAdmin(db, partner.id, ['partner_full_admin', 'wholesale_admin']);
  const sub = await makeSubPartner(db, partner.id, 'Events Sub');
  subId = sub.id;
  subAdmin = await makeAdmin(db, sub.id, ['partner_full_admin', 'wholesale_admin']);
  await addEndpoint(admin, partnerId, '/all', WEBHOOK_EVENT_TYPES);
  await addEndpoint(admin, partnerId, '/status-only', ['customer.status_changed']);
  await addEndpoint(admin, partnerId, '/indirect', ['customer.status_changed'], true);
  await addEndpoint(subAdmin, subId, '/sub', WEBHOOK_EVENT_TYPES);
});
afterAll(() => receiver.close());

describe('events from the services', () => {
  let customerId: string;
  let orgId: string;

  it('provisioning: customer.status_changed to provisioned and subscriber.created for the admin, signed', async () => {
    const template = await makeTemplate(db, partnerId, admin.userId);
    ({ customerId, orgId } = await call(
      admin.userId,
      partnerId,
      'customers.write',
      createCustomerSchema,
      createCustomer,
      customerInput(template.id),
    ));
    expect(await provisionCustomer(deps, customerId)).toBe('provisioned');
    await runDeliveryJobs();

    expect(types('/all').sort()).toEqual(['customer.status_changed', 'subscriber.created']);
    expect(types('/status-only')).toEqual(['customer.status_changed']);
    const [changed] = receiver.events('/status-only');
    const parsed = webhookPayloadSchema('customer.status_changed').parse(changed);
    expect(parsed.data).toMatchObject({
      id: customerId,
      orgId,
      status: 'provisioned',
      previousStatus: 'provisioning',
      subPartnerOrgId: null,
    });
    expect(parsed.data.packages.map((p) => p.name).sort()).toEqual(['webex_calling', 'webex_meetings']);
    // The payload is the API's GET /customers/{id} body (same serialiser), plus previousStatus.
    const { previousStatus: _previous, ...asGet } = parsed.data;
    const get = customerOps.get;
    expect(asGet).toEqual(await call(admin.userId, partnerId, get.capability, get.schema, get.handler, { customerId }));
    // Every request verifies with its endpoint's secret (reference implementation) and not with another's.
    for (const path of ['/all', '/status-only']) {
      for (const r of receiver.at(path)) {
        expect(verify(secrets[path], r)).toEqual(JSON.parse(r.body));
        expect(() => verify(secrets[path === '/all' ? '/status-only' : '/all'], r)).toThrow(/signature/i);
      }
    }
    // The sub-partner's endpoint hears nothing of its parent's customers.
    expect(receiver.at('/sub')).toHaveLength(0);
  });

  it('subscriber created, updated and deleted', async () => {
    const [{ id: hq }] = await db.execute<{ id: string }>(sql`select id from locations where org_id = ${orgId} and is_headquarters`);
    const before = receiver.at('/all').length;
    const added = await call(admin.userId, orgId, 'cv.users.manage', addUsersSchema, addUsers, {
      rows: [
        {
          firstName: 'Ada',
          lastName: 'Lovelace',
          email: `ada-${Date.now()}@customer.test`,
          package: 'webex_meetings',
          locationId: hq,
          extension: '',
          primaryPhoneNumber: '',
        },
      ],
    });
    const subscriberId = at(added.results, 0).subscriberId!;
    await call(admin.userId, orgId, 'cv.users.manage', changePackageSchema, changePackage, {
      subscriberId,
      package: 'webex_calling',
      extension: '4711',
    });
    await call(admin.userId, orgId, 'cv.users.manage', subscriberIdSchema, removeSubscriber, { subscriberId });
    await runDeliveryJobs();

    const got = receiver.events('/all').slice(before);
    expect(got.map((e) => e.type)).toEqual(['subscriber.created', 'subscriber.updated', 'subscriber.deleted']);
    expect(got.map((e) => webhookPayloadSchema(e.type as 'subscriber.created').parse(e).data)).toMatchObject([
      { id: subscriberId, customerId, package: 'webex_meetings', status: 'provisioned', firstName: 'Ada', extension: null },
      { id: subscriberId, package: 'webex_calling', extension: '4711' },
      { id: subscriberId, status: 'removed' },
    ]);
    // subscriber.* data is the API's GET /subscribers/{id} body, field for field.
    expect(at(got, 2).data).toEqual(await getSubscriberResource(db, partnerId, subscriberId));
  });

  it('delete: status_changed to deprovisioned, subscriber.deleted for the admin, customer.deleted', async () => {
    const before = receiver.at('/all').length;
    await call(admin.userId, partnerId, 'customers.write', customerIdSchema, deleteCustomer, { customerId });
    await runDeliveryJobs();
    const got = receiver.events('/all').slice(before);
    expect(got.map((e) => e.type).sort()).toEqual(['customer.deleted', 'customer.status_changed', 'subscriber.deleted']);
    expect(got.find((e) => e.type === 'customer.status_changed')!.data).toMatchObject({
      status: 'deprovisioned',
      previousStatus: 'provisioned',
    });
    expect(webhookPayloadSchema('customer.deleted').parse(got.find((e) => e.type === 'customer.deleted')).data.status).toBe(
      'deprovisioned',
    );
    // Each event carries its own webhook-id.
    const ids = receiver.at('/all').map((r) => r.headers['webhook-id']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('billing reports: completed and failed', async () => {
    const before = receiver.at('/all').length;
    const op = billingReportOps.create;
    const today = clock.now().toISOString().slice(0, 10);
    const day = (n: number) => new Date(Date.parse(today) - n * 86_400_000).toISOString().slice(0, 10);
    const ok = await call(admin.userId, partnerId, op.capability, op.schema, op.handler, {
      billingStartDate: day(10),
      billingEndDate: day(5),
      type: 'PARTNER',
    });
    const bad = await call(admin.userId, partnerId, op.capability, op.schema, op.handler, {
      billingStartDate: day(10),
      billingEndDate: day(5),
      type: 'USER',
    });
    expect(await generateReport(db, ok.id, { clock, jobs })).toBe('completed');
    const log = console.error;
    console.error = () => {};
    try {
      expect(await generateReport(db, bad.id, { clock, jobs, chunkBytes: 0 })).toBe('failed');
    } finally {
      console.error = log;
    }
    await runDeliveryJobs();
    const got = receiver.events('/all').slice(before);
    expect(got.map((e) => e.type)).toEqual(['billing_report.completed', 'billing_report.failed']);
    expect(webhookPayloadSchema('billing_report.completed').parse(got[0]).data).toMatchObject({
      id: ok.id,
      status: 'COMPLETED',
      type: 'PARTNER',
    });
    expect(at(got, 1).data).toMatchObject({ id: bad.id, status: 'FAILED' });
    expect(at(got, 1).data).not.toHaveProperty('tempDownloadURL');
  });

  it("a sub-partner's customer: its own endpoint, and the parent's only with Include indirect providers", async () => {
    const template = await makeTemplate(db, subId, subAdmin.userId);
    const beforeIndirect = receiver.at('/indirect').length;
    const beforeStatus = receiver.at('/status-only').length;
    const { customerId: id } = await call(
      subAdmin.userId,
      subId,
      'customers.write',
      createCustomerSchema,
      createCustomer,
      customerInput(template.id),
    );
    await provisionCustomer(deps, id);
    await runDeliveryJobs();
    expect(types('/sub').sort()).toEqual(['customer.status_changed', 'subscriber.created']);
    const indirect = receiver.events('/indirect').slice(beforeIndirect);
    expect(indirect).toHaveLength(1);
    expect(at(indirect, 0).data).toMatchObject({ id, status: 'provisioned', subPartnerOrgId: subId });
    expect(receiver.at('/status-only').length).toBe(beforeStatus);
  });

  it('a change that rolls back emits nothing', async () => {
    const template = await makeTemplate(db, partnerId, admin.userId);
    const input = customerInput(template.id);
    const created = await call(admin.userId, partnerId, 'customers.write', createCustomerSchema, createCustomer, input);
    const before = receiver.received.length;
    await expect(
      db.transaction(async (tx) => {
        await changeCustomerStatus(
          tx,
          { customerId: created.customerId, from: 'provisioning', to: 'error', at: clock.now() },
          { jobs, afterCommit: () => {} },
        );
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await runDeliveryJobs();
    expect(receiver.received.length).toBe(before);
  });
});
