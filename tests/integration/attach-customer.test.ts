// SPEC §8.3 through the real API on 127.0.0.1: `POST /v1/wholesale/customers` with the
// `orgId` of an existing organisation. A small org attaches at once; one with ≥ 100 users
// or a verified/claimed domain waits for its admin's approval (and the request e-mail goes
// out only when the template allows admin invite e-mails). After attaching the org keeps
// its name, users and sign-in settings, nobody is made admin, RBPM is off and unavailable,
// and every status change reaches the partner's webhook receiver.
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, emailOutbox, onboardingTemplates, orgRelations, orgSettings, orgs, roleGrants, users } from '@/db/schema';
import { provisionCustomer } from '@/jobs/handlers/provision-customer';
import { createApiToken } from '@/lib/api-tokens/create-api-token';
import { createTokenSchema } from '@/lib/api-tokens/token-schema';
import { EXAMPLE_CREATE_CUSTOMER } from '@/lib/api/examples';
import { attachOps } from '@/lib/customers/attach-operations';
import { customerIdSchema, customerRbpmSchema } from '@/lib/customers/customer-id-schema';
import { deleteCustomer } from '@/lib/customers/delete-customer';
import { retryCustomer } from '@/lib/customers/retry-customer';
import { setCustomerRbpm } from '@/lib/customers/set-customer-rbpm';
import { ConflictError, NotFoundError } from '@/lib/platform/errors';
import { fixedClock } from '@/lib/platform/clock';
import { QUEUES } from '@/lib/platform/queues';
import type { ServiceCtx, ServiceDeps } from '@/lib/platform/service-ctx';
import { attemptDelivery } from '@/lib/webhooks/attempt-delivery';
import { webhookOps } from '@/lib/webhooks/webhook-operations';
import { makeTemplate, recordingJobs, rejection, serviceCaller } from './support/customer-fixtures';
import { makeAdmin, makePartner } from './support/fixtures';
import { startApiServer, type ApiServer } from './support/api-server';
import { freshDb } from './support/test-db';
import { makeExistingOrg } from './support/trial-fixtures';
import { startReceiver, verify } from './support/webhook-receiver';
import { oneRow } from '@/db/one-row';
import { defined } from '@/tests/support/rows';

process.env.WEBHOOKS_ALLOW_PRIVATE = '1';
const db = await freshDb();
const clock = fixedClock(new Date());
const jobs = recordingJobs();
const deps: ServiceDeps = { db, clock, jobs };
const call = serviceCaller(db, { clock, jobs });
const partner = await makePartner(db, { name: 'Attach Partner' });
const full = await makeAdmin(db, partner.id, ['partner_full_admin', 'wholesale_admin']);
const template = await makeTemplate(db, partner.id, full.userId);
const inviting = await makeTemplate(db, partner.id, full.userId, { name: 'Inviting template' });
await db.update(onboardingTemplates).set({ allowAdminInviteEmails: true }).where(eq(onboardingTemplates.id, inviting.id));
const receiver = await startReceiver();
let api: ApiServer;
let token: string;
let secret: string;

beforeAll(async () => {
  api = await startApiServer(() => deps);
  ({ token } = await call(full.userId, partner.id, 'apiTokens.manage', createTokenSchema, createApiToken, {
    name: 'attach',
    scopes: ['wholesale_customers_read', 'wholesale_customers_write'],
    expiry: '30',
  }));
  const op = webhookOps.create;
  ({ secret } = await call(full.userId, partner.id, op.capability, op.schema, op.handler, {
    url: receiver.url('/attach'),
    eventTypes: ['customer.status_changed'],
  }));
});
afterAll(async () => {
  await api.close();
  await receiver.close();
});

const body = (orgId: string, externalId: string, provisioningId = template.provisioningId) => {
  const { customerInfo: _ignored, ...rest } = EXAMPLE_CREATE_CUSTOMER;
  return { ...rest, provisioningId, externalId, orgId };
};
const post = (path: string, b: unknown) => api.call(token, 'POST', `/v1/wholesale${path}`, { body: b });
const customerOf = async (orgId: string) => (await db.select().from(customers).where(eq(customers.orgId, orgId)))[0];
const grantsOf = async (orgId: string) => (await db.select({ n: count() }).from(roleGrants).where(eq(roleGrants.orgId, orgId)))[0].n;
const usersOf = async (orgId: string) => (await db.select({ n: count() }).from(users).where(eq(users.orgId, orgId)))[0].n;
const managed = async (orgId: string) =>
  (await db.select({ m: orgRelations.managerOrgId }).from(orgRelations).where(eq(orgRelations.managedOrgId, orgId))).map((r) => r.m);
const mails = (orgId: string, kind: string) =>
  db
    .select({ to: emailOutbox.to })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.orgId, orgId), eq(emailOutbox.kind, kind)));

/** What the worker does: the webhook deliveries enqueued after commit, sent now. */
async function deliverWebhooks() {
  for (const j of jobs.of(QUEUES.deliverWebhook)) await attemptDelivery(deps, j.deliveryId);
  jobs.sent.splice(0, jobs.sent.length, ...jobs.sent.filter((j) => j.queue !== QUEUES.deliverWebhook));
}
const statusEvents = (customerId: string) =>
  receiver
    .at('/attach')
    .map((r) => ({ r, e: JSON.parse(r.body) as { data: { id: string; status: string; previousStatus: string } } }))
    .filter((x) => x.e.data.id === customerId)
    .map((x) => {
      verify(secret, x.r);
      return `${x.e.data.previousStatus}→${x.e.data.status}`;
    });

async function addUsers(orgId: string, n: number) {
  await db.insert(users).values(Array.from({ length: n }, (_, i) => ({ orgId, email: `bulk-${i}-${orgId.slice(0, 8)}@big.test` })));
}

describe('attach without approval (a small org)', () => {
  it('validate says it attaches at once (infoCode 101) and changes nothing', async () => {
    const { org } = await makeExistingOrg(db, 'Small Firm');
    const res = await post('/customers/validate', body(org.id, 'ATT-V1'));
    expect(res.status).toBe(200);
    const out = await res.json();
    expect(out.info).toEqual([
      { infoCode: 101, description: expect.stringMatching(/attached at once.*You become its full administrator/) },
    ]);
    expect(await customerOf(org.id)).toBeUndefined();
  });

  it('POST attaches at once: 202, the partner manages it, provisioning keeps name, users, admins and sign-in settings; RBPM off and unavailable', async () => {
    const { org, admin } = await makeExistingOrg(db, 'Harbor-like Law');
    await db.insert(orgSettings).values({ orgId: org.id, sso: { mode: 'saml', idpEntityId: 'https://idp.harbor.test' } });
    const [grantsBefore, usersBefore] = [await grantsOf(org.id), await usersOf(org.id)];

    const res = await post('/customers', body(org.id, 'ATT-1'));
    expect(res.status).toBe(202);
    const location = res.headers.get('location')!;
    const c = defined(await customerOf(org.id), 'c');
    expect(location).toBe(`/v1/wholesale/customers/${c.id}`);
    expect(c).toMatchObject({
      status: 'provisioning',
      attached: true,
      rbpm: false,
      partnerAdminLevel: 'full',
      partnerOrgId: partner.id,
      adminEmail: admin.email,
    });
    expect(await managed(org.id)).toEqual([partner.id]);
    expect(jobs.of(QUEUES.provisionCustomer).map((j) => j.customerId)).toContain(c.id);

    expect(await provisionCustomer(deps, c.id)).toBe('provisioned');
    const got = await (await api.call(token, 'GET', location)).json();
    expect(got).toMatchObject({
      id: c.id,
      orgId: org.id,
      status: 'provisioned',
      externalId: 'ATT-1',
      resourceDetails: { name: 'Harbor-like Law', rbpm: false },
    });
    const o = await oneRow(db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, org.id)), 'o');
    expect(o.name).toBe('Harbor-like Law');
    // The first user is not made admin, nobody is added, the SSO settings stay.
    expect(await grantsOf(org.id)).toBe(grantsBefore);
    expect(await usersOf(org.id)).toBe(usersBefore);
    const s = await oneRow(db.select({ sso: orgSettings.sso }).from(orgSettings).where(eq(orgSettings.orgId, org.id)), 's');
    expect(s.sso).toEqual({ mode: 'saml', idpEntityId: 'https://idp.harbor.test' });

    // RBPM is not available for it: managed through the API.
    const err = await rejection(
      call(full.userId, partner.id, 'customers.rbpm', customerRbpmSchema, setCustomerRbpm, { customerId: c.id, rbpm: true }),
    );
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).toMatchObject({ errorCode: 10114, message: expect.stringMatching(/^Managed through the API/) });
    expect((await customerOf(org.id)).rbpm).toBe(false);

    await deliverWebhooks();
    expect(statusEvents(c.id)).toEqual(['provisioning→provisioned']);
  });

  it('refuses an unknown org, a partner org, an org already served, and customerInfo alongside orgId', async () => {
    const codes = async (b: unknown) => {
      const r = await post('/customers', b);
      return { status: r.status, codes: ((await r.json()).errors as { errorCode: number }[]).map((e) => e.errorCode) };
    };
    expect(await codes(body('00000000-0000-4000-8000-00000000abcd', 'ATT-X1'))).toMatchObject({ status: 404, codes: [10110] });
    expect(await codes(body(partner.id, 'ATT-X2'))).toMatchObject({ status: 404, codes: [10110] });
    const served = (await db.select({ orgId: customers.orgId }).from(customers).where(eq(customers.externalId, 'ATT-1')))[0].orgId;
    expect(await codes(body(served, 'ATT-X3'))).toEqual({ status: 409, codes: [10111] });
    const { org } = await makeExistingOrg(db);
    expect(await codes({ ...body(org.id, 'ATT-X4'), customerInfo: EXAMPLE_CREATE_CUSTOMER.customerInfo })).toEqual({
      status: 400,
      codes: [10112],
    });
    expect(await customerOf(org.id)).toBeUndefined();
  });
});

describe('after attaching, management is API-only', () => {
  it('the portal’s Delete and Retry are refused with "Managed through the API"; DELETE through the API works', async () => {
    const c = await oneRow(db.select().from(customers).where(eq(customers.externalId, 'ATT-1')), 'c');
    for (const op of [deleteCustomer, retryCustomer] as ((ctx: ServiceCtx, i: { customerId: string }) => Promise<unknown>)[]) {
      const err = await rejection(call(full.userId, partner.id, 'customers.delete', customerIdSchema, op, { customerId: c.id }));
      expect(err).toBeInstanceOf(ConflictError);
      expect(err).toMatchObject({ errorCode: 10114, message: expect.stringMatching(/^Managed through the API/) });
    }
    expect((await customerOf(c.orgId)).status).toBe('provisioned');
    expect((await api.call(token, 'DELETE', `/v1/wholesale/customers/${c.id}`)).status).toBe(202);
    expect((await customerOf(c.orgId)).status).not.toBe('provisioned');
  });
});

describe('attach with approval', () => {
  it('≥ 100 users: validate says approval is needed (infoCode 102, the reason named); POST waits in pending_customer_approval; no e-mail when the template does not allow it', async () => {
    const { org } = await makeExistingOrg(db, 'Big Corp');
    await addUsers(org.id, 97); // + 3 from the fixture = 100
    const v = await (await post('/customers/validate', body(org.id, 'ATT-BIG'))).json();
    expect(v.info).toEqual([{ infoCode: 102, description: expect.stringMatching(/must approve.*it has 100 users \(100 or more\)/) }]);

    expect((await post('/customers', body(org.id, 'ATT-BIG'))).status).toBe(202);
    const c = defined(await customerOf(org.id), 'c');
    expect(c).toMatchObject({ status: 'pending_customer_approval', attached: true, rbpm: false });
    expect(await managed(org.id)).toEqual([]);
    expect(jobs.of(QUEUES.provisionCustomer).map((j) => j.customerId)).not.toContain(c.id);
    expect(await mails(org.id, 'attach_approval_request')).toEqual([]);
  });

  it('99 users attach at once', async () => {
    const { org } = await makeExistingOrg(db, 'Almost Big');
    await addUsers(org.id, 96);
    const v = await (await post('/customers/validate', body(org.id, 'ATT-99'))).json();
    expect(v.info[0].infoCode).toBe(101);
  });

  it('a verified domain → approval; the request e-mail goes to the org’s full admins (template allows it); approving starts provisioning', async () => {
    const { org, admin, admin2, user } = await makeExistingOrg(db, 'Verified Ltd');
    await db.insert(orgSettings).values({ orgId: org.id, domain: 'verified.test', domainVerified: true });
    const v = await (await post('/customers/validate', body(org.id, 'ATT-VER', inviting.provisioningId))).json();
    expect(v.info[0]).toMatchObject({ infoCode: 102, description: expect.stringContaining('verified e-mail domain (verified.test)') });
    expect((await post('/customers', body(org.id, 'ATT-VER', inviting.provisioningId))).status).toBe(202);
    const c = defined(await customerOf(org.id), 'c');
    expect(c.status).toBe('pending_customer_approval');
    expect((await mails(org.id, 'attach_approval_request')).map((m) => m.to).sort()).toEqual([admin.email, admin2.email].sort());

    // An ordinary user of the org can't answer; its full admin approves.
    const answer = attachOps.answer;
    await expect(
      call(user.userId, org.id, answer.capability, answer.schema, answer.handler, { customerId: c.id, approve: true }),
    ).rejects.toThrow();
    expect(await call(admin.userId, org.id, answer.capability, answer.schema, answer.handler, { customerId: c.id, approve: true })).toEqual(
      { customerId: c.id, status: 'provisioning' },
    );
    expect(await managed(org.id)).toEqual([partner.id]);
    expect(jobs.of(QUEUES.provisionCustomer).map((j) => j.customerId)).toContain(c.id);
    expect((await mails(partner.id, 'attach_approved')).map((m) => m.to)).toEqual([full.email]);
    expect(await provisionCustomer(deps, c.id)).toBe('provisioned');
    // Answered once only.
    expect(
      await rejection(call(admin.userId, org.id, answer.capability, answer.schema, answer.handler, { customerId: c.id, approve: false })),
    ).toBeInstanceOf(NotFoundError);

    await deliverWebhooks();
    expect(statusEvents(c.id)).toEqual(['pending_customer_approval→provisioning', 'provisioning→provisioned']);
  });

  it('a claimed domain → approval; declining ends the request, the partner is told, and it does not manage the org', async () => {
    const { org, admin } = await makeExistingOrg(db, 'Claimed GmbH');
    await db.insert(orgSettings).values({ orgId: org.id, domain: 'claimed.test', domainClaimed: true });
    expect((await post('/customers', body(org.id, 'ATT-CLM'))).status).toBe(202);
    const c = defined(await customerOf(org.id), 'c');
    expect(c.status).toBe('pending_customer_approval');
    const answer = attachOps.answer;
    expect(
      await call(admin.userId, org.id, answer.capability, answer.schema, answer.handler, { customerId: c.id, approve: false }),
    ).toEqual({ customerId: c.id, status: 'deprovisioned' });
    expect((await customerOf(org.id)).status).toBe('deprovisioned');
    expect(await managed(org.id)).toEqual([]);
    expect((await mails(partner.id, 'attach_declined')).map((m) => m.to)).toEqual([full.email]);
    const [{ n }] = await db
      .select({ n: count() })
      .from(roleGrants)
      .where(and(eq(roleGrants.orgId, org.id), sql`${roleGrants.role}::text like 'partner%'`));
    expect(n).toBe(0);

    await deliverWebhooks();
    expect(statusEvents(c.id)).toEqual(['pending_customer_approval→deprovisioned']);
  });

  it('after a decline the same partner can ask again (same record, same external ID); the org approves the new request', async () => {
    const declined = await oneRow(db.select().from(customers).where(eq(customers.externalId, 'ATT-CLM')), 'declined');
    expect(declined.status).toBe('deprovisioned');
    const v = await post('/customers/validate', body(declined.orgId, 'ATT-CLM'));
    expect(v.status).toBe(200);
    expect((await v.json()).info[0].infoCode).toBe(102);

    const res = await post('/customers', body(declined.orgId, 'ATT-CLM'));
    expect(res.status).toBe(202);
    expect(res.headers.get('location')).toBe(`/v1/wholesale/customers/${declined.id}`);
    const again = await customerOf(declined.orgId);
    expect(again).toMatchObject({
      id: declined.id,
      status: 'pending_customer_approval',
      attached: true,
      deprovisionedAt: null,
      externalId: 'ATT-CLM',
    });
    expect(
      (await api.call(token, 'GET', `/v1/wholesale/customers/${declined.id}`).then((r) => r.json())).packages
        .map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual([...EXAMPLE_CREATE_CUSTOMER.packages].sort());
    // A pending request is live: asking a second time while it waits is refused.
    const twice = await post('/customers', body(declined.orgId, 'ATT-CLM-2'));
    expect(twice.status).toBe(409);
    expect(((await twice.json()).errors as { errorCode: number }[]).map((e) => e.errorCode)).toEqual([10111]);

    const admin = await oneRow(
      db
        .select({ userId: roleGrants.userId })
        .from(roleGrants)
        .where(and(eq(roleGrants.orgId, declined.orgId), eq(roleGrants.role, 'customer_full_admin'))),
      'admin',
    );
    const answer = attachOps.answer;
    expect(
      await call(admin.userId, declined.orgId, answer.capability, answer.schema, answer.handler, {
        customerId: declined.id,
        approve: true,
      }),
    ).toEqual({ customerId: declined.id, status: 'provisioning' });
    expect(await managed(declined.orgId)).toEqual([partner.id]);
    await deliverWebhooks();
    expect(statusEvents(declined.id)).toEqual([
      'pending_customer_approval→deprovisioned',
      'deprovisioned→pending_customer_approval',
      'pending_customer_approval→provisioning',
    ]);
    const renewed = receiver
      .at('/attach')
      .map(
        (r) =>
          JSON.parse(r.body) as {
            data: { id: string; status: string; previousStatus: string; externalId: string; packages: { name: string }[] };
          },
      )
      .find((e) => e.data.id === declined.id && e.data.previousStatus === 'deprovisioned')!;
    expect(renewed.data).toMatchObject({
      status: 'pending_customer_approval',
      externalId: 'ATT-CLM',
      packages: EXAMPLE_CREATE_CUSTOMER.packages.map((name) => expect.objectContaining({ name })),
    });
  });

  it('a new external ID on the renewed request works too, after another decline', async () => {
    const c = await oneRow(db.select().from(customers).where(eq(customers.externalId, 'ATT-BIG')), 'c');
    const admin = await oneRow(
      db
        .select({ userId: roleGrants.userId })
        .from(roleGrants)
        .where(and(eq(roleGrants.orgId, c.orgId), eq(roleGrants.role, 'customer_full_admin'))),
      'admin',
    );
    const answer = attachOps.answer;
    await call(admin.userId, c.orgId, answer.capability, answer.schema, answer.handler, { customerId: c.id, approve: false });
    expect((await post('/customers', body(c.orgId, 'ATT-BIG-2'))).status).toBe(202);
    expect(await customerOf(c.orgId)).toMatchObject({ id: c.id, externalId: 'ATT-BIG-2', status: 'pending_customer_approval' });
  });
});
