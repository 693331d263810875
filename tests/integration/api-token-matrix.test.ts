// The token matrix of the public API (SPEC §8, §8.1) over real HTTP: every scope against
// every endpoint — the scope an endpoint needs lets a valid request through (2xx), any
// other scope gets 403 naming the missing one and changes nothing; revoked and expired
// tokens get 401; onBehalfOfSubPartnerOrgId works only for a parent acting for its own
// sub-partner; a parent's token without it does not reach a sub-partner's customer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createApiToken } from '@/lib/api-tokens/create-api-token';
import { revokeApiToken } from '@/lib/api-tokens/revoke-api-token';
import { createTokenSchema, tokenIdSchema, type TokenExpiry } from '@/lib/api-tokens/token-schema';
import { endpoints, type EndpointName } from '@/lib/api/endpoints';
import { EXAMPLE_CREATE_CUSTOMER } from '@/lib/api/examples';
import { fixedClock, systemClock } from '@/lib/platform/clock';
import { API_SCOPES, type ApiScope } from '@/lib/domain/statuses';
import { makeAdmin, makePartner, makeSubPartner } from './support/fixtures';
import { makeTemplate, recordingJobs, serviceCaller } from './support/customer-fixtures';
import { CUSTOMER_PACKAGES, insertUser, setupCustomer, uniqueEmail } from './support/customer-view-fixtures';
import { startApiServer, type ApiServer } from './support/api-server';
import { freshDb } from './support/test-db';

const db = await freshDb();
const partner = await makePartner(db);
const full = await makeAdmin(db, partner.id, ['partner_full_admin', 'wholesale_admin']);
const template = await makeTemplate(db, partner.id, full.userId);

async function newToken(scopes: readonly string[], opts: { userId?: string; orgId?: string; expiry?: TokenExpiry; createdAt?: Date } = {}) {
  const call = serviceCaller(db, opts.createdAt ? { clock: fixedClock(opts.createdAt) } : {});
  return call(opts.userId ?? full.userId, opts.orgId ?? partner.id, 'apiTokens.manage', createTokenSchema, createApiToken, {
    name: `matrix ${scopes.join(' ')}`.slice(0, 80),
    scopes,
    expiry: opts.expiry ?? '30',
  });
}

/** The scope each endpoint needs, as SPEC §8/§8.1 names them (not read back from the code). */
const NEEDS: Record<EndpointName, ApiScope> = {
  createCustomer: 'wholesale_customers_write',
  validateCustomer: 'wholesale_customers_write',
  listCustomers: 'wholesale_customers_read',
  getCustomer: 'wholesale_customers_read',
  updateCustomer: 'wholesale_customers_write',
  deleteCustomer: 'wholesale_customers_write',
  createSubscriber: 'wholesale_subscribers_write',
  validateSubscriber: 'wholesale_subscribers_write',
  listSubscribers: 'wholesale_subscribers_read',
  getSubscriber: 'wholesale_subscribers_read',
  updateSubscriber: 'wholesale_subscribers_write',
  deleteSubscriber: 'wholesale_subscribers_write',
  createReport: 'wholesale_billing_reports_write',
  listReports: 'wholesale_billing_reports_read',
  getReport: 'wholesale_billing_reports_read',
  deleteReport: 'wholesale_billing_reports_write',
  listSubPartners: 'wholesale_sub_partners_read',
};

interface Req {
  path: string;
  body?: unknown;
}
let seq = 0;
const customerBody = () => {
  const n = ++seq;
  return {
    ...EXAMPLE_CREATE_CUSTOMER,
    provisioningId: template.provisioningId,
    externalId: `MATRIX-${n}`,
    customerInfo: { ...EXAMPLE_CREATE_CUSTOMER.customerInfo, name: `Matrix Customer ${n}`, primaryEmail: `owner-${n}@matrix-${n}.test` },
  };
};
/** A distinct past period per report (a live report per period and type is unique). */
const reportBody = () => {
  const day = String(1 + (++seq % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(seq / 28) % 12)).padStart(2, '0');
  return { billingStartDate: `2025-${month}-${day}`, billingEndDate: `2025-${month}-${day}`, type: 'PARTNER' };
};

let api: ApiServer;
let setupToken: string;
let shared: { customerId: string; subscriberId: string; reportId: string };

async function createReport(): Promise<string> {
  const res = await api.call(setupToken, 'POST', '/v1/wholesale/billing/reports', { body: reportBody() });
  expect(res.status).toBe(200);
  return (await res.json()).id;
}

/** A fresh, valid request for each endpoint (a delete needs its own victim). */
const VALID: Record<EndpointName, () => Promise<Req>> = {
  createCustomer: async () => ({ path: '/customers', body: customerBody() }),
  validateCustomer: async () => ({ path: '/customers/validate', body: customerBody() }),
  listCustomers: async () => ({ path: '/customers' }),
  getCustomer: async () => ({ path: `/customers/${shared.customerId}` }),
  updateCustomer: async () => {
    const c = await setupCustomer(db, partner.id, { rbpm: true });
    return { path: `/customers/${c.customerId}`, body: { packages: CUSTOMER_PACKAGES, externalId: `MATRIX-PUT-${++seq}` } };
  },
  deleteCustomer: async () => ({ path: `/customers/${(await setupCustomer(db, partner.id, { rbpm: true })).customerId}` }),
  createSubscriber: async () => ({
    path: '/subscribers',
    body: {
      customerId: shared.customerId,
      email: uniqueEmail('api'),
      package: 'webex_meetings',
      provisioningParameters: { firstName: 'Ada', lastName: `Matrix ${++seq}` },
    },
  }),
  validateSubscriber: async () => ({
    path: '/subscribers/validate',
    body: {
      customerId: shared.customerId,
      email: uniqueEmail('api'),
      package: 'webex_meetings',
      provisioningParameters: { firstName: 'Ada', lastName: 'Check' },
    },
  }),
  listSubscribers: async () => ({ path: '/subscribers' }),
  getSubscriber: async () => ({ path: `/subscribers/${shared.subscriberId}` }),
  updateSubscriber: async () => {
    const c = await setupCustomer(db, partner.id, { rbpm: true });
    const s = await insertUser(db, c, { package: 'webex_calling' });
    return { path: `/subscribers/${s.subscriberId}`, body: { package: 'webex_suite' } };
  },
  deleteSubscriber: async () => {
    const c = await setupCustomer(db, partner.id, { rbpm: true });
    return { path: `/subscribers/${(await insertUser(db, c)).subscriberId}` };
  },
  createReport: async () => ({ path: '/billing/reports', body: reportBody() }),
  listReports: async () => ({ path: '/billing/reports' }),
  getReport: async () => ({ path: `/billing/reports/${shared.reportId}` }),
  deleteReport: async () => ({ path: `/billing/reports/${await createReport()}` }),
  listSubPartners: async () => ({ path: '/subPartners' }),
};

const send = (token: string, name: EndpointName, r: Req, query = '') =>
  api.call(token, endpoints[name].method, `/v1/wholesale${r.path}${query}`, r.body === undefined ? {} : { body: r.body });

/** What a refused call must not have touched. */
async function counts() {
  const [row] = await db.execute<Record<string, string>>(sql`select
    (select count(*) from customers) as customers,
    (select string_agg(status::text || coalesce(external_id, ''), ',' order by id) from customers) as statuses,
    (select count(*) from subscribers) as subscribers,
    (select count(*) from subscribers where removed_at is not null) as removed,
    (select string_agg(package::text, ',' order by id) from subscribers) as packages,
    (select count(*) from billing_reports) as reports,
    (select count(*) from audit_log) as audits`);
  return row;
}

beforeAll(async () => {
  api = await startApiServer(() => ({ db, clock: systemClock, jobs: recordingJobs() }));
  setupToken = (await newToken(API_SCOPES)).token;
  const c = await setupCustomer(db, partner.id, { rbpm: true });
  shared = { customerId: c.customerId, subscriberId: (await insertUser(db, c)).subscriberId, reportId: '' };
  shared.reportId = await createReport();
});
afterAll(() => api.close());

const NAMES = Object.keys(endpoints) as EndpointName[];
/** A valid request for every endpoint, built (with its fixtures) before the "nothing changed" snapshot. */
const validRequests = () => Promise.all(NAMES.map(async (name) => ({ name, req: await VALID[name]() })));

describe('each scope × each endpoint', () => {
  it('the matrix covers every endpoint of the API', () => {
    expect(Object.keys(NEEDS).sort()).toEqual([...NAMES].sort());
  });

  for (const scope of API_SCOPES) {
    it(`a token with only ${scope}: its endpoints answer 2xx, every other one 403 naming the scope it lacks, and nothing changes`, async () => {
      const { token } = await newToken([scope]);
      for (const name of NAMES.filter((n) => NEEDS[n] === scope)) {
        const res = await send(token, name, await VALID[name]());
        expect({ name, status: res.status }).toEqual({ name, status: endpoints[name].status });
      }
      const others = NAMES.filter((n) => NEEDS[n] !== scope);
      const requests = await Promise.all(others.map((n) => VALID[n]()));
      const before = await counts();
      for (const [i, name] of others.entries()) {
        const res = await send(token, name, requests[i]);
        const body = await res.json();
        expect({ name, status: res.status, code: body.errors[0].errorCode }).toEqual({ name, status: 403, code: 10403 });
        expect(body.message).toContain(NEEDS[name]);
      }
      expect(await counts()).toEqual(before);
    });
  }

  it('a token with every scope but the one an endpoint needs gets 403 naming exactly that scope', async () => {
    for (const name of NAMES) {
      const { token } = await newToken(API_SCOPES.filter((s) => s !== NEEDS[name]));
      const res = await send(token, name, await VALID[name]());
      expect({ name, status: res.status }).toEqual({ name, status: 403 });
      expect((await res.json()).message).toBe(`This token lacks the scope ${NEEDS[name]}.`);
    }
  });
});

describe('tokens that no longer count', () => {
  it('a revoked token answers 401 on the very next call, on every endpoint', async () => {
    const created = await newToken(API_SCOPES);
    expect((await send(created.token, 'listCustomers', { path: '/customers' })).status).toBe(200);
    await serviceCaller(db)(full.userId, partner.id, 'apiTokens.manage', tokenIdSchema, revokeApiToken, { tokenId: created.id });
    const requests = await validRequests();
    const before = await counts();
    for (const { name, req } of requests) {
      const res = await send(created.token, name, req);
      expect({ name, status: res.status }).toEqual({ name, status: 401 });
      expect((await res.json()).errors[0].errorCode).toBe(10401);
    }
    expect(await counts()).toEqual(before);
  });

  it('a token past its expiry answers 401; one made the same way within its 30 days still works', async () => {
    const expired = await newToken(API_SCOPES, { createdAt: new Date(Date.now() - 31 * 86_400_000) });
    const live = await newToken(API_SCOPES, { createdAt: new Date(Date.now() - 29 * 86_400_000) });
    const requests = await validRequests();
    const before = await counts();
    for (const { name, req } of requests) {
      const res = await send(expired.token, name, req);
      expect({ name, status: res.status }).toEqual({ name, status: 401 });
    }
    expect(await counts()).toEqual(before);
    expect((await send(live.token, 'listCustomers', { path: '/customers' })).status).toBe(200);
  });
});

describe('onBehalfOfSubPartnerOrgId', () => {
  const setup = (async () => {
    const subA = await makeSubPartner(db, partner.id);
    const subB = await makeSubPartner(db, partner.id);
    const adminA = await makeAdmin(db, subA.id, ['partner_full_admin', 'wholesale_admin']);
    const { token: subToken } = await newToken(API_SCOPES, { userId: adminA.userId, orgId: subA.id });
    const { token: parentToken } = await newToken(API_SCOPES);
    const customerOfA = await setupCustomer(db, subA.id, { rbpm: true });
    const subscriberOfA = await insertUser(db, customerOfA);
    return { subA, subB, subToken, parentToken, customerOfA, subscriberOfA };
  })();

  it('a sub-partner’s token naming its sibling or its parent gets 403 on every endpoint, and nothing changes', async () => {
    const { subB, subToken } = await setup;
    const requests = [...(await validRequests()), ...(await validRequests())];
    const before = await counts();
    for (const [i, { name, req }] of requests.entries()) {
      const target = i < NAMES.length ? subB.id : partner.id;
      const res = await send(subToken, name, req, `?onBehalfOfSubPartnerOrgId=${target}`);
      const body = await res.json();
      expect({ name, target, status: res.status, code: body.errors[0].errorCode }).toEqual({ name, target, status: 403, code: 10007 });
    }
    expect(await counts()).toEqual(before);
  });

  it('the same sub-partner token without it works on its own data, and does not reach its parent’s customers (404)', async () => {
    const { subToken, customerOfA } = await setup;
    const res = await api.call(subToken, 'GET', `/v1/wholesale/customers/${customerOfA.customerId}`);
    expect(res.status).toBe(200);
    expect((await res.json()).id).toBe(customerOfA.customerId);
    expect((await api.call(subToken, 'GET', `/v1/wholesale/customers/${shared.customerId}`)).status).toBe(404);
    expect((await api.call(subToken, 'GET', `/v1/wholesale/subscribers/${shared.subscriberId}`)).status).toBe(404);
  });

  it('a parent’s token reaches its sub-partner’s customer only with onBehalfOfSubPartnerOrgId (404 without)', async () => {
    const { subA, parentToken, customerOfA, subscriberOfA } = await setup;
    const customerPath = `/v1/wholesale/customers/${customerOfA.customerId}`;
    const subscriberPath = `/v1/wholesale/subscribers/${subscriberOfA.subscriberId}`;
    expect((await api.call(parentToken, 'GET', customerPath)).status).toBe(404);
    expect((await api.call(parentToken, 'GET', subscriberPath)).status).toBe(404);
    expect((await api.call(parentToken, 'PUT', customerPath, { body: { packages: CUSTOMER_PACKAGES } })).status).toBe(404);
    expect((await api.call(parentToken, 'DELETE', subscriberPath)).status).toBe(404);
    const listed = await (
      await api.call(parentToken, 'GET', `/v1/wholesale/customers?externalId=${customerOfA.customer.externalId}`)
    ).json();
    expect(listed.items).toEqual([]);

    const q = `?onBehalfOfSubPartnerOrgId=${subA.id}`;
    const got = await api.call(parentToken, 'GET', customerPath + q);
    expect(got.status).toBe(200);
    expect((await got.json()).id).toBe(customerOfA.customerId);
    expect((await api.call(parentToken, 'GET', subscriberPath + q)).status).toBe(200);
  });
});
