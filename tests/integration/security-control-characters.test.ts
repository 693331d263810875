// Issue 10, item 10: a search term with NUL (or any control character) is "no match" on
// every list — not PostgreSQL's 22021 surfacing as HTTP 500 — and the customer pre-check
// and create refuse a NUL company name with a field error, before anything is written.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { customers } from '@/db/schema';
import { listActivity } from '@/lib/activity/list-activity';
import { createApiToken } from '@/lib/api-tokens/create-api-token';
import { createTokenSchema } from '@/lib/api-tokens/token-schema';
import { EXAMPLE_CREATE_CUSTOMER } from '@/lib/api/examples';
import type { Capability } from '@/lib/auth/permissions';
import { listSubscribers } from '@/lib/subscribers/list-subscribers';
import { parseCustomerListParams } from '@/lib/customers/customer-list-params';
import { customerOps } from '@/lib/customers/customer-operations';
import { listPartnerCustomers } from '@/lib/customers/list-partner-customers';
import { CONTROL_CHARACTER_MESSAGE } from '@/lib/domain/text';
import { param } from '@/lib/paging/search-params';
import { systemClock } from '@/lib/platform/clock';
import { ValidationError } from '@/lib/platform/errors';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import { listSubPartners } from '@/lib/sub-partners/list-sub-partners';
import { listTemplates } from '@/lib/templates/list-templates';
import { startApiServer, type ApiServer } from './support/api-server';
import { customerInput, makeTemplate, recordingJobs, rejection, serviceCaller } from './support/customer-fixtures';
import { insertUser, setupCustomer } from './support/customer-view-fixtures';
import { makeAdmin, makePartner, makeSubPartner } from './support/fixtures';
import { freshDb } from './support/test-db';
import { at } from '@/tests/support/rows';

const db = await freshDb();
const call = serviceCaller(db);
const partner = await makePartner(db, { name: 'Nul Partner' });
const full = await makeAdmin(db, partner.id, ['partner_full_admin', 'wholesale_admin']);
await makeSubPartner(db, partner.id, 'Nul Indirect');
const template = await makeTemplate(db, partner.id, full.userId, { name: 'Nul Template' });
const customer = await setupCustomer(db, partner.id, { rbpm: false });
await insertUser(db, customer);

/** Runs a list the way its page does: the raw ?q= through param(), then the service under the page's capability. */
const listing =
  <R>(orgId: string, capability: Capability, run: (ctx: ServiceCtx, q: string) => Promise<R>) =>
  (rawQ: string) =>
    call(full.userId, orgId, capability, z.object({}), (ctx) => run(ctx, param({ q: rawQ }, 'q')), {});

const lists: [string, (rawQ: string) => Promise<{ rows: unknown[]; total: number }>][] = [
  [
    'customers',
    listing(partner.id, 'customers.read', (ctx, q) => listPartnerCustomers(ctx.db, ctx.access, parseCustomerListParams({ q }))),
  ],
  ['templates', listing(partner.id, 'templates.read', (ctx, q) => listTemplates(ctx, { q, page: 1 }))],
  ['indirect providers', listing(partner.id, 'subPartners.access', (ctx, q) => listSubPartners(ctx.db, ctx.access, { q, page: 1 }))],
  ['users', listing(customer.orgId, 'cv.read', (ctx, q) => listSubscribers(ctx.db, ctx.access, { kind: 'user', q, page: 1 }))],
  ['workspaces', listing(customer.orgId, 'cv.read', (ctx, q) => listSubscribers(ctx.db, ctx.access, { kind: 'workspace', q, page: 1 }))],
  [
    'activity (actor)',
    listing(partner.id, 'activity.read', (ctx, q) => listActivity(ctx.db, ctx.access, { action: '', actor: q, from: '', to: '' })),
  ],
  [
    'activity (action)',
    listing(partner.id, 'activity.read', (ctx, q) => listActivity(ctx.db, ctx.access, { action: q, actor: '', from: '', to: '' })),
  ],
];

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer(() => ({ db, clock: systemClock, jobs: recordingJobs() }));
});
afterAll(() => api.close());

describe('a search term with control characters matches nothing', () => {
  it.each(lists)(
    '%s: a NUL or other control character in the term (alone or inside a matching term) gives an empty page, not an error',
    async (_name, list) => {
      for (const q of ['\u0000', 'Nul\u0000', 'a\u0001b', '\u001b[31m', 'N\u007f']) {
        const page = await list(q);
        expect(page.rows, JSON.stringify(q)).toEqual([]);
        expect(page.total).toBe(0);
      }
    },
  );

  it('while an ordinary search still finds its rows', async () => {
    expect((await at(lists, 0)[1]('Nul')).rows).toHaveLength(0); // customers are named by the fixture, not "Nul…"
    expect((await at(lists, 1)[1]('nul temp')).rows).toHaveLength(1);
    expect((await at(lists, 2)[1]('nul ind')).rows).toHaveLength(1);
    expect((await at(lists, 3)[1]('seed')).rows).toHaveLength(1);
  });
});

describe('a NUL company name', () => {
  it('is refused by the pre-check (validate) and by create with a field error, nothing written', async () => {
    const before = await db.$count(customers);
    const input = customerInput(template.id, { companyName: 'Nul\u0000Corp' });
    const { validate, create } = customerOps;
    // One at a time: a second call started alongside would reject before anything awaits it.
    for (const attempt of [
      () => call(full.userId, partner.id, validate.capability, validate.schema, validate.handler, input),
      () => call(full.userId, partner.id, create.capability, create.schema, create.handler, input),
    ]) {
      const err = await rejection(attempt());
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).fieldErrors).toEqual({ companyName: [CONTROL_CHARACTER_MESSAGE] });
    }
    expect(await db.$count(customers)).toBe(before);
  });

  it('through the API: POST /customers/validate and a list filter answer 400 with the field named, never 500', async () => {
    const { token } = await call(full.userId, partner.id, 'apiTokens.manage', createTokenSchema, createApiToken, {
      name: 'nul',
      scopes: ['wholesale_customers_read', 'wholesale_customers_write'],
      expiry: '30',
    });
    const body = {
      ...EXAMPLE_CREATE_CUSTOMER,
      provisioningId: template.provisioningId,
      externalId: 'NUL-1',
      customerInfo: { ...EXAMPLE_CREATE_CUSTOMER.customerInfo, name: 'Nul\u0000Corp', primaryEmail: 'owner@nul.test' },
    };
    const res = await api.call(token, 'POST', '/v1/wholesale/customers/validate', { body });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain(CONTROL_CHARACTER_MESSAGE);
    const list = await api.call(token, 'GET', '/v1/wholesale/customers?externalId=%00');
    expect(list.status).toBe(400);
    expect(await db.select().from(customers).where(eq(customers.externalId, 'NUL-1'))).toHaveLength(0);
  });
});
