// Isolation through every door (issue 10): every server action the app declares (found by
// parsing the sources, run with its own capability, schema and handler through
// runAuthorized, as orgAction runs it), every session route and every /v1 API endpoint
// (real HTTP), for every kind of actor — sub-partner, sibling sub-partner, customer admin,
// read-only admin, sales admin, suspended sub-partner — aimed at another tenant with the
// REAL ids of its customers, templates, subscribers, reports, tokens, webhook endpoints
// and admins. Every call is refused (or, for a read on the actor's own org, returns none
// of the other tenant's ids), and a fingerprint of every table is the same afterwards.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { orgs } from '@/db/schema';
import { createApiToken } from '@/lib/api-tokens/create-api-token';
import { createTokenSchema } from '@/lib/api-tokens/token-schema';
import { endpoints } from '@/lib/api/endpoints';
import type { Actor } from '@/lib/auth/access';
import { runAuthorized } from '@/lib/server/guard';
import type { Capability } from '@/lib/auth/permissions';
import { billingReportOps } from '@/lib/billing/report-operations';
import { commandBarOps } from '@/lib/command-bar/command-bar-operations';
import { customerIdSchema } from '@/lib/customers/customer-id-schema';
import { getCustomerDetail } from '@/lib/customers/get-customer-detail';
import { fixedClock } from '@/lib/platform/clock';
import { DomainError } from '@/lib/platform/errors';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import { trialOps } from '@/lib/trials/trial-operations';
import { webhookOps } from '@/lib/webhooks/webhook-operations';
import { discoverServerActions, PUBLIC_ACTIONS, resolveWrapperArgs, ROOT } from '../support/server-actions';
import { startApiServer, type ApiServer } from './support/api-server';
import { makeTemplate, recordingJobs } from './support/customer-fixtures';
import { insertUser, setupCustomer } from './support/customer-view-fixtures';
import { makeAdmin, makePartner, makeSubPartner } from './support/fixtures';
import { freshDb } from './support/test-db';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { oneRow } from '@/db/one-row';

process.env.WEBHOOKS_ALLOW_PRIVATE = '1';
const db = await freshDb();
const deps = { db, clock: fixedClock('2026-11-21T12:00:00Z'), jobs: recordingJobs() };

type Door = { name: string; capability: Capability; schema: z.ZodType; handler: (ctx: ServiceCtx, input: never) => Promise<unknown> };

/** A tenant's objects, with the ids another tenant will try. */
interface Tenant {
  orgId: string;
  customerOrgId: string;
  customerId: string;
  templateId: string;
  subscriberId: string;
  userId: string;
  locationId: string;
  reportId: string;
  tokenId: string;
  endpointId: string;
  adminUserId: string;
}

async function makeTenant(ownerId: string): Promise<Tenant> {
  const admin = await makeAdmin(db, ownerId, ['partner_full_admin', 'wholesale_admin']);
  const call = <S extends z.ZodType, R>(
    cap: Capability,
    schema: S,
    handler: (ctx: ServiceCtx, i: z.output<S>) => Promise<R>,
    input: unknown,
  ) => runAuthorized(deps, { userId: admin.userId, orgId: ownerId, input }, cap, schema, handler);
  const template = await makeTemplate(db, ownerId, admin.userId);
  const c = await setupCustomer(db, ownerId, { rbpm: false });
  const sub = await insertUser(db, c);
  const report = await call(billingReportOps.create.capability, billingReportOps.create.schema, billingReportOps.create.handler, {
    billingStartDate: '2026-10-01',
    billingEndDate: '2026-10-31',
  });
  const token = await call('apiTokens.manage', createTokenSchema, createApiToken, {
    name: 'other tenant',
    scopes: ['wholesale_customers_read'],
    expiry: '30',
  });
  const endpoint = await call(webhookOps.create.capability, webhookOps.create.schema, webhookOps.create.handler, {
    url: 'http://127.0.0.1:9/hook',
    eventTypes: ['customer.status_changed'],
  });
  return {
    orgId: ownerId,
    customerOrgId: c.orgId,
    customerId: c.customerId,
    templateId: template.id,
    subscriberId: sub.subscriberId,
    userId: sub.userId,
    locationId: c.hqId,
    reportId: (report as { id: string }).id,
    tokenId: token.id,
    endpointId: endpoint.endpoint.id,
    adminUserId: admin.userId,
  };
}

/** Every input key that names an object, filled with the other tenant's real id. */
function foreignInput(schema: z.ZodType | undefined, t: Tenant): Record<string, unknown> {
  const byKey: Record<string, string | string[]> = {
    customerId: t.customerId,
    // Bulk actions (the customer list's Restricted by Partner Mode): a selection of them.
    customerIds: [t.customerId],
    templateId: t.templateId,
    subscriberId: t.subscriberId,
    reportId: t.reportId,
    tokenId: t.tokenId,
    endpointId: t.endpointId,
    userId: t.userId,
    adminUserId: t.adminUserId,
    serviceProviderAdminId: t.adminUserId,
    locationId: t.locationId,
    subPartnerOrgId: t.orgId,
    orgId: t.customerOrgId,
    customerOrgId: t.customerOrgId,
    trialId: t.customerId,
    deliveryId: t.endpointId,
  };
  const keys = schemaKeys(schema);
  return Object.fromEntries(Object.entries(byKey).filter(([k]) => keys.length === 0 || keys.includes(k)));
}

const schemaKeys = (schema: z.ZodType | undefined): string[] => {
  // An action declared without an input schema takes no object ids: no keys.
  if (!schema) return [];
  const s = schema as unknown as {
    shape?: Record<string, unknown>;
    def?: { in?: { shape?: Record<string, unknown> }; schema?: { shape?: Record<string, unknown> } };
  };
  return Object.keys(s.shape ?? s.def?.in?.shape ?? s.def?.schema?.shape ?? {});
};
const ID_KEYS =
  /^(customerId|customerIds|templateId|subscriberId|reportId|tokenId|endpointId|userId|adminUserId|serviceProviderAdminId|locationId|subPartnerOrgId|orgId|customerOrgId|trialId|deliveryId)$/;
const namesObjects = (schema: z.ZodType | undefined) => schemaKeys(schema).some((k) => ID_KEYS.test(k));

/** A hash of every row of every table (api_tokens without last_used_at, which a read updates). */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = await db.execute<{ t: string }>(
    sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like '%drizzle%' order by 1`,
  );
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    if (t === 'api_rate_buckets' || t === 'sign_in_attempts') continue; // a call's own rate budget, sign-in bookkeeping
    const row = await oneRow(
      db.execute<{ h: string }>(
        sql.raw(
          `select count(*) || ':' || coalesce(md5(string_agg((to_jsonb(x) - 'last_used_at')::text, ',' order by (to_jsonb(x) - 'last_used_at')::text)), '') as h from "${t}" x`,
        ),
      ),
      'row',
    );
    out[t] = row.h;
  }
  return out;
}

const auditCount = async () => (await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log`))[0].n;

let doors: Door[] = [];
let actors: Record<string, { actor: Actor; home: string; victims: Tenant[] }>;
let other: Tenant;
let sibling: Tenant;
let api: ApiServer;
let s1Token: string;

beforeAll(async () => {
  const parent = await makePartner(db, { name: 'Parent' });
  const s1 = await makeSubPartner(db, parent.id, 'Mine');
  const s2 = await makeSubPartner(db, parent.id, 'Sibling');
  const s3 = await makeSubPartner(db, parent.id, 'Suspended');
  const unrelated = await makePartner(db, { name: 'Other tenant' });
  const trials = await makePartner(db, { name: 'Trials Co', wholesale: false });
  other = await makeTenant(unrelated.id);
  sibling = await makeTenant(s2.id);
  const mine = await setupCustomer(db, s1.id, { rbpm: false });
  await db.update(orgs).set({ state: 'suspended' }).where(eq(orgs.id, s3.id));
  const subAdmin = await makeAdmin(db, s1.id, ['partner_full_admin', 'wholesale_admin']);
  actors = {
    'sub-partner': { actor: subAdmin, home: s1.id, victims: [other, sibling] },
    'sibling sub-partner': { actor: await makeAdmin(db, s2.id, ['partner_full_admin', 'wholesale_admin']), home: s2.id, victims: [other] },
    'customer admin': { actor: await makeAdmin(db, mine.orgId, ['customer_full_admin']), home: mine.orgId, victims: [other, sibling] },
    'read-only admin': { actor: await makeAdmin(db, parent.id, ['partner_readonly_admin']), home: parent.id, victims: [other] },
    'sales admin': { actor: await makeAdmin(db, trials.id, ['sales_admin']), home: trials.id, victims: [other] },
    'suspended sub-partner': {
      actor: await makeAdmin(db, s3.id, ['partner_full_admin', 'wholesale_admin']),
      home: s3.id,
      victims: [other, sibling],
    },
  };

  // Every server action the app declares, as orgAction runs it.
  for (const a of discoverServerActions().filter((x) => x.kind === 'export' && !PUBLIC_ACTIONS.has(`${x.file} ${x.name}`))) {
    const args = await resolveWrapperArgs(a);
    const [first] = args as [unknown];
    const door =
      typeof first === 'string'
        ? { capability: first, schema: args[1], handler: args[2] }
        : (first as { capability: Capability; schema: z.ZodType; handler: Door['handler'] });
    doors.push({ name: `action ${a.name}`, ...(door as Omit<Door, 'name'>) });
  }
  // Every session route (the table is checked against app/api/orgs below).
  doors.push(
    { name: 'route GET /api/orgs/:orgId/billing/reports', ...billingReportOps.list },
    { name: 'route GET /api/orgs/:orgId/billing/reports/:reportId', ...billingReportOps.get },
    {
      name: 'route GET /api/orgs/:orgId/customers/:customerId',
      capability: 'customers.read',
      schema: customerIdSchema,
      handler: (ctx: ServiceCtx, i: { customerId: string }) => getCustomerDetail(ctx.db, ctx.access, i.customerId),
    },
    { name: 'route GET /api/orgs/:orgId/customers/:customerId/trial', ...trialOps.getForCustomer },
    // The command bar's search (issue 17): aimed at another tenant's org it must be refused, not answer its names.
    { name: 'route GET /api/orgs/:orgId/search', ...commandBarOps.partner },
    { name: 'route GET /api/orgs/:orgId/view-search', ...commandBarOps.customerView },
  );
  doors = doors.map((d) => ({ ...d, handler: d.handler as Door['handler'] }));

  api = await startApiServer(() => deps);
  s1Token = (
    await runAuthorized(
      deps,
      {
        userId: subAdmin.userId,
        orgId: s1.id,
        input: {
          name: 'mine',
          scopes: [
            'wholesale_customers_read',
            'wholesale_customers_write',
            'wholesale_billing_reports',
            'wholesale_subscribers_read',
            'wholesale_subscribers_write',
          ].filter(Boolean),
          expiry: '30',
        },
      },
      'apiTokens.manage',
      createTokenSchema,
      createApiToken,
    ).catch(async () =>
      runAuthorized(
        deps,
        {
          userId: subAdmin.userId,
          orgId: s1.id,
          input: { name: 'mine', scopes: ['wholesale_customers_read', 'wholesale_customers_write'], expiry: '30' },
        },
        'apiTokens.manage',
        createTokenSchema,
        createApiToken,
      ),
    )
  ).token;
});
afterAll(() => api?.close());

const outcome = (p: Promise<unknown>) =>
  p.then(
    (v) => ({ ok: true as const, value: v }),
    (e: unknown) => ({ ok: false as const, error: e }),
  );
const idsOf = (t: Tenant) => Object.values(t);

describe('every door, every actor kind, the other tenant’s real ids', () => {
  it('the doors are found: every server action and every session route', () => {
    expect(doors.filter((d) => d.name.startsWith('action ')).length).toBeGreaterThanOrEqual(48);
    const routes = (function files(dir: string): string[] {
      return readdirSync(dir).flatMap((e) =>
        statSync(path.join(dir, e)).isDirectory() ? files(path.join(dir, e)) : e === 'route.ts' ? [path.join(dir, e)] : [],
      );
    })(path.join(ROOT, 'app', 'api', 'orgs'));
    expect(doors.filter((d) => d.name.startsWith('route ')).length).toBe(routes.length);
  });

  it('aimed at the other tenant’s org or customer org: 404/403 before anything runs; nothing changed', async () => {
    const before = await fingerprint();
    const failures: string[] = [];
    let calls = 0;
    for (const [who, { actor, victims }] of Object.entries(actors)) {
      for (const victim of victims) {
        for (const orgId of [victim.orgId, victim.customerOrgId]) {
          for (const door of doors) {
            calls++;
            const r = await outcome(
              runAuthorized(
                deps,
                { userId: actor.userId, orgId, input: foreignInput(door.schema, victim) },
                door.capability,
                door.schema,
                door.handler as never,
              ),
            );
            const status = !r.ok && r.error instanceof DomainError ? r.error.status : r.ok ? 200 : 500;
            if (status !== 404 && status !== 403 && !(status === 409 && who === 'suspended sub-partner' && orgId !== victim.orgId))
              failures.push(`${who} → ${door.name} on ${orgId === victim.orgId ? 'org' : 'customer org'}: ${status}`);
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(500);
    expect(failures).toEqual([]);
    expect(await fingerprint()).toEqual(before);
    // Hundreds of authorised calls: more than the default 30 s on a loaded 2-core machine.
  }, 120_000);

  it('on the actor’s own org with the other tenant’s ids: refused (400/403/404/409), or a read that returns none of them; nothing changed', async () => {
    const before = await fingerprint();
    const failures: string[] = [];
    const statuses: Record<number, number> = {};
    for (const [who, { actor, home, victims }] of Object.entries(actors)) {
      for (const victim of victims) {
        // Only doors that name an object can be pointed at another tenant's from one's own org.
        for (const door of doors.filter((d) => Object.keys(foreignInput(d.schema, victim)).length > 0 && namesObjects(d.schema))) {
          const audited = await auditCount();
          const r = await outcome(
            runAuthorized(
              deps,
              { userId: actor.userId, orgId: home, input: foreignInput(door.schema, victim) },
              door.capability,
              door.schema,
              door.handler as never,
            ),
          );
          if ((await auditCount()) !== audited) {
            const last = await oneRow(
              db.execute<{ action: string; summary: string }>(sql`select action, summary from audit_log order by id desc limit 1`),
              'last',
            );
            failures.push(`${who} → ${door.name}: changed something (${last.action}: ${last.summary})`);
          }
          if (r.ok) {
            const leaked = idsOf(victim).filter((id) => JSON.stringify(r.value ?? null).includes(id));
            if (leaked.length) failures.push(`${who} → ${door.name}: answered with the other tenant's ${leaked.join(', ')}`);
          } else if (!(r.error instanceof DomainError)) {
            failures.push(`${who} → ${door.name}: ${String(r.error)}`);
          }
          const status = r.ok ? 200 : r.error instanceof DomainError ? r.error.status : 500;
          statuses[status] = (statuses[status] ?? 0) + 1;
        }
      }
    }
    expect(failures).toEqual([]);
    console.info('own org, foreign ids — outcomes by status:', statuses);
    // Most refusals are the lookups themselves (404), not the schema: the ids reached the services.
    expect(statuses[404] ?? 0).toBeGreaterThan(30);
    expect(await fingerprint()).toEqual(before);
  }, 120_000);

  it('the /v1 API over HTTP: every endpoint with the other tenants’ ids is 404/403 (or an empty list); nothing changed', async () => {
    const before = await fingerprint();
    const failures: string[] = [];
    for (const victim of [other, sibling]) {
      for (const [name, e] of Object.entries(endpoints)) {
        const ids: Record<string, string> = {
          id: /ubscriber/.test(name) ? victim.subscriberId : /eport/.test(name) ? victim.reportId : victim.customerId,
          customerId: victim.customerId,
          subscriberId: victim.subscriberId,
          reportId: victim.reportId,
        };
        const p = e.path.replace(/\{(\w+)\}/g, (_m, k: string) => ids[k] ?? victim.customerId);
        const query = e.method === 'GET' ? `?customerId=${victim.customerId}&onBehalfOfSubPartnerOrgId=${victim.orgId}` : '';
        const res = await api.call(
          s1Token,
          e.method,
          `/v1/wholesale${p}${query}`,
          e.method === 'POST' || e.method === 'PUT' ? { body: { customerId: victim.customerId, provisioningId: victim.templateId } } : {},
        );
        const text = await res.text();
        const leaked = idsOf(victim).filter((id) => text.includes(id) && !query.includes(id) && !p.includes(id));
        if (res.status < 400 && leaked.length) failures.push(`${e.method} ${e.path}: ${res.status} with ${leaked.join(', ')}`);
        if (res.status >= 500) failures.push(`${e.method} ${e.path}: ${res.status}`);
        if (res.status < 400 && e.method !== 'GET') failures.push(`${e.method} ${e.path}: ${res.status} — a write succeeded`);
      }
    }
    expect(failures).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  });
});
