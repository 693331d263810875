// The public Wholesale API (SPEC §8, §8.1) through real HTTP on 127.0.0.1: a token made
// by a partner full admin creates, reads and lists a customer; scopes, revocation,
// idempotency and the error body behave as the SPEC says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { customers } from '@/db/schema';
import { createApiToken } from '@/lib/api-tokens/create-api-token';
import { revokeApiToken } from '@/lib/api-tokens/revoke-api-token';
import { createTokenSchema, tokenIdSchema } from '@/lib/api-tokens/token-schema';
import { EXAMPLE_CREATE_CUSTOMER } from '@/lib/api/examples';
import { systemClock } from '@/lib/platform/clock';
import { makeAdmin, makePartner } from './support/fixtures';
import { makeTemplate, recordingJobs, serviceCaller } from './support/customer-fixtures';
import { setupCustomer } from './support/customer-view-fixtures';
import { startApiServer, type ApiServer } from './support/api-server';
import { freshDb } from './support/test-db';

const db = await freshDb();
const call = serviceCaller(db);
const partner = await makePartner(db);
const full = await makeAdmin(db, partner.id, ['partner_full_admin', 'wholesale_admin']);
const template = await makeTemplate(db, partner.id, full.userId);
const otherPartner = await makePartner(db);
const otherAdmin = await makeAdmin(db, otherPartner.id, ['partner_full_admin', 'wholesale_admin']);

const newToken = (scopes: string[], userId = full.userId, orgId = partner.id) =>
  call(userId, orgId, 'apiTokens.manage', createTokenSchema, createApiToken, { name: `t-${scopes.length}`, scopes, expiry: '30' });

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer(() => ({ db, clock: systemClock, jobs: recordingJobs() }));
});
afterAll(() => api.close());

const body = (externalId: string, email: string) => ({
  ...EXAMPLE_CREATE_CUSTOMER,
  provisioningId: template.provisioningId,
  externalId,
  customerInfo: { ...EXAMPLE_CREATE_CUSTOMER.customerInfo, primaryEmail: email },
});

describe('customers through the API', () => {
  it('POST answers 202 with Location and {url}; GET and the list return the customer; every response has a TrackingID', async () => {
    const { token } = await newToken(['wholesale_customers_read', 'wholesale_customers_write']);
    expect(token).toMatch(/^phk_[A-Za-z0-9_-]{40,}$/);
    const res = await api.call(token, 'POST', '/v1/wholesale/customers', { body: body('API-1', 'owner@api-one.test') });
    expect(res.status).toBe(202);
    const location = res.headers.get('location');
    expect(location).toMatch(/\/v1\/wholesale\/customers\/[0-9a-f-]{36}$/);
    expect((await res.json()).url).toBe(location);
    expect(res.headers.get('trackingid')).toBeTruthy();

    const got = await api.call(token, 'GET', new URL(location!, api.url).pathname);
    expect(got.status).toBe(200);
    const customer = await got.json();
    expect(customer).toMatchObject({ externalId: 'API-1', status: 'provisioning', provisioningId: template.provisioningId });
    expect(customer.packages.map((p: { name: string }) => p.name)).toEqual(['webex_calling']);

    const list = await api.call(token, 'GET', '/v1/wholesale/customers?externalId=API-1');
    expect(list.status).toBe(200);
    expect((await list.json()).items.map((c: { id: string }) => c.id)).toEqual([customer.id]);
  });

  it('refuses a call outside the token’s scopes with 403 naming the scope, and changes nothing', async () => {
    const { token } = await newToken(['wholesale_customers_read']);
    const res = await api.call(token, 'POST', '/v1/wholesale/customers', { body: body('API-2', 'owner@api-two.test') });
    expect(res.status).toBe(403);
    expect(JSON.stringify(await res.json())).toContain('wholesale_customers_write');
    expect(await db.select().from(customers).where(eq(customers.externalId, 'API-2'))).toHaveLength(0);
  });

  it('answers 401 at once after the token is revoked, and for no token at all', async () => {
    const created = await newToken(['wholesale_customers_read']);
    expect((await api.call(created.token, 'GET', '/v1/wholesale/customers')).status).toBe(200);
    await call(full.userId, partner.id, 'apiTokens.manage', tokenIdSchema, revokeApiToken, { tokenId: created.id });
    expect((await api.call(created.token, 'GET', '/v1/wholesale/customers')).status).toBe(401);
    expect((await api.call(null, 'GET', '/v1/wholesale/customers')).status).toBe(401);
  });

  it('another partner’s token finds nothing of ours: 404 on our customer, an empty list', async () => {
    const { token: ours } = await newToken(['wholesale_customers_read', 'wholesale_customers_write']);
    const res = await api.call(ours, 'POST', '/v1/wholesale/customers', { body: body('API-3', 'owner@api-three.test') });
    const path = new URL(res.headers.get('location')!, api.url).pathname;
    const { token: theirs } = await newToken(['wholesale_customers_read'], otherAdmin.userId, otherPartner.id);
    expect((await api.call(theirs, 'GET', path)).status).toBe(404);
    expect((await (await api.call(theirs, 'GET', '/v1/wholesale/customers?externalId=API-3')).json()).items).toEqual([]);
  });

  it('Idempotency-Key: a retry replays the stored 202, a different body with the same key is 422, one customer only', async () => {
    const { token } = await newToken(['wholesale_customers_read', 'wholesale_customers_write']);
    const headers = { 'idempotency-key': 'order-7781' };
    const first = await api.call(token, 'POST', '/v1/wholesale/customers', { body: body('API-4', 'owner@api-four.test'), headers });
    const again = await api.call(token, 'POST', '/v1/wholesale/customers', { body: body('API-4', 'owner@api-four.test'), headers });
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    const other = await api.call(token, 'POST', '/v1/wholesale/customers', { body: body('API-5', 'owner@api-five.test'), headers });
    expect(other.status).toBe(422);
    expect(await db.select().from(customers).where(eq(customers.externalId, 'API-4'))).toHaveLength(1);
    expect(await db.select().from(customers).where(eq(customers.externalId, 'API-5'))).toHaveLength(0);
  });

  it('refuses unknown body fields with 400 in the SPEC error body, and wrong content types with 415', async () => {
    const { token } = await newToken(['wholesale_customers_write']);
    const res = await api.call(token, 'POST', '/v1/wholesale/customers', {
      body: { ...body('API-6', 'owner@api-six.test'), colour: 'blue' },
    });
    expect(res.status).toBe(400);
    const err = await res.json();
    expect(err).toMatchObject({ message: expect.any(String), trackingId: expect.any(String) });
    expect(err.errors[0]).toMatchObject({ errorCode: expect.any(Number), description: expect.any(String) });
    const text = await api.call(token, 'POST', '/v1/wholesale/customers', { raw: 'x=1', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
  });

  it('an external ID already in use is a 409 with its stable error code', async () => {
    const { token } = await newToken(['wholesale_customers_write']);
    expect((await api.call(token, 'POST', '/v1/wholesale/customers', { body: body('API-7', 'owner@api-seven.test') })).status).toBe(202);
    const dup = await api.call(token, 'POST', '/v1/wholesale/customers', { body: body('API-7', 'owner@api-eight.test') });
    expect(dup.status).toBe(409);
    expect((await dup.json()).errors[0].errorCode).toEqual(expect.any(Number));
  });

  it('PUT answers 202 + Location and the change is already applied: GET at Location shows the complete new package list, status unchanged', async () => {
    const { token } = await newToken(['wholesale_customers_read', 'wholesale_customers_write']);
    const c = await setupCustomer(db, partner.id, { rbpm: true, packages: ['webex_calling', 'webex_meetings'] });
    // Added packages must be in the subscription of the customer's onboarding template.
    await db.update(customers).set({ templateId: template.id }).where(eq(customers.id, c.customerId));
    const put = await api.call(token, 'PUT', `/v1/wholesale/customers/${c.customerId}`, {
      body: { packages: ['webex_calling', 'webex_suite'], externalId: 'API-PUT-1' },
    });
    expect(put.status).toBe(202);
    const location = put.headers.get('location')!;
    expect(location).toBe(`/v1/wholesale/customers/${c.customerId}`);
    expect(await put.json()).toEqual({ url: location });
    const got = await (await api.call(token, 'GET', location)).json();
    expect(got).toMatchObject({ status: 'provisioned', externalId: 'API-PUT-1' });
    expect(got.packages.map((p: { name: string; status: string }) => `${p.name}:${p.status}`).sort()).toEqual([
      'webex_calling:provisioned',
      'webex_suite:provisioned',
    ]);
  });
});
