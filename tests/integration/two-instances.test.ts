// Issue 13 "Scale beyond one machine": three app instances — separate processes, each
// with its own connection pool and pg-boss — on one PostgreSQL database. A and B run the
// job workers; C is web-only (JOBS_ENABLED=0). Everything that must be shared lives in
// the database, so: provisioning jobs split across the workers with nothing done twice,
// each scheduled sweep runs once per tick, the API rate limit and the sign-in throttle
// count across instances, a session made on one is valid (and revoked) on the others,
// and the migrations (and pg-boss set-up) all three ran at start-up applied once.
import { sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { createApiToken } from '@/lib/api-tokens/create-api-token';
import { createTokenSchema } from '@/lib/api-tokens/token-schema';
import { EXAMPLE_CREATE_CUSTOMER } from '@/lib/api/examples';
import { hashPassword } from '@/lib/auth/password';
import { EMAIL_FAILURE_LIMIT } from '@/lib/auth/sign-in-throttle';
import { BOSS_TUNING, senderFor, startBoss, type BossTuning } from '@/lib/platform/boss';
import { QUEUES } from '@/lib/platform/queues';
import { createWaitingCustomers } from '@/bench/waiting-customers';
import { makeTemplate, serviceCaller } from './support/customer-fixtures';
import { makeAdmin, makePartner } from './support/fixtures';
import { startInstance, stopInstances, type Instance } from './support/instances';
import { freshDb } from './support/test-db';
import { oneRow } from '@/db/one-row';

const db = await freshDb();
const call = serviceCaller(db);
// Production expiry and maintenance; the cron clock checked every second so a tick shows at once.
const TUNING: BossTuning = { ...BOSS_TUNING, cronMonitorIntervalSeconds: 1 };
const RATE_BURST = 6;
let a: Instance, b: Instance, c: Instance;
let boss: PgBoss;
let partnerId: string;
let template: Awaited<ReturnType<typeof makeTemplate>>;
let adminId: string;

const waitFor = async <T>(what: string, fn: () => Promise<T | null | undefined | false>, ms: number): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
};
const token = async (scopes: string[]) =>
  (
    await call(adminId, partnerId, 'apiTokens.manage', createTokenSchema, createApiToken, {
      name: `t-${Math.random()}`,
      scopes,
      expiry: '30',
    })
  ).token;
const api = (i: Instance, tok: string, method: string, path: string, body?: unknown) =>
  fetch(i.api + path, {
    method,
    headers: { authorization: `Bearer ${tok}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

beforeAll(async () => {
  const partner = await makePartner(db, { name: 'Bench Scale Partner' });
  partnerId = partner.id;
  adminId = (await makeAdmin(db, partner.id, ['partner_full_admin', 'wholesale_admin'])).userId;
  template = await makeTemplate(db, partner.id, adminId);
  // All three start at once: each runs the migrations at start-up, as the app does.
  const env = { API_RATE_LIMIT_BURST: String(RATE_BURST), API_RATE_LIMIT_PER_SEC: '0.001' };
  [a, b, c] = await Promise.all([
    startInstance('A', db.url, { tuning: TUNING, env }),
    startInstance('B', db.url, { tuning: TUNING, env }),
    startInstance('C', db.url, { jobs: false, tuning: TUNING, env }),
  ]);
  boss = await startBoss(db.url, TUNING); // this process only enqueues, like a web-only instance
}, 120_000);
afterAll(async () => {
  await stopInstances();
  await boss.stop({ graceful: false, timeout: 2_000 });
});

describe('two worker instances and a web-only one on one database', () => {
  it('migrations run by all three at start-up were applied once', async () => {
    const [{ runs, distinct }] = await db.execute<{ runs: number; distinct: number }>(
      sql`select count(*)::int as runs, count(distinct hash)::int as distinct from drizzle.__drizzle_migrations`,
    );
    expect(runs).toBeGreaterThan(0);
    expect(runs).toBe(distinct);
    // …and pg-boss, set up by all three on a database it had never seen, has each queue once
    // (unserialised, instances starting together deadlocked attaching the queue partitions).
    const queues = (await db.execute<{ name: string }>(sql`select name from pgboss.queue`))
      .map((q) => q.name)
      .filter((n) => !n.startsWith('__pgboss__'));
    expect(queues.sort()).toEqual(Object.values(QUEUES).sort());
  });

  it('provisioning jobs split across both workers; each customer is built once; the web-only instance takes none', async () => {
    const N = 600;
    const ids = await createWaitingCustomers(
      db,
      { partnerId, templateId: template.id, subscriptionId: template.subscriptionId!, createdBy: adminId },
      'Split',
      N,
    );
    const sender = senderFor(boss);
    for (let i = 0; i < N; i += 200)
      await sender.sendMany!(
        QUEUES.provisionCustomer,
        ids.slice(i, i + 200).map((customerId) => ({ data: { customerId }, singletonKey: customerId })),
      );
    await waitFor(
      'every customer provisioned',
      async () => {
        const [{ n }] = await db.execute<{ n: number }>(
          sql`select count(*)::int as n from customers where status = 'provisioned' and name like 'Bench Split %'`,
        );
        return n === N;
      },
      120_000,
    );

    const byA = a.handled.get(QUEUES.provisionCustomer)?.customerIds ?? [];
    const byB = b.handled.get(QUEUES.provisionCustomer)?.customerIds ?? [];
    expect(byA.length).toBeGreaterThan(0);
    expect(byB.length).toBeGreaterThan(0);
    expect(byA.filter((id) => byB.includes(id))).toEqual([]); // no job went to both
    expect(new Set([...byA, ...byB])).toEqual(new Set(ids));
    expect(c.handled.size).toBe(0);
    const dup = await oneRow(
      db.execute<{ n: number }>(sql`
      select count(*)::int as n from customers k where k.name like 'Bench Split %' and (
        (select count(*) from subscribers s where s.customer_id = k.id) <> 1
        or (select count(*) from locations l where l.org_id = k.org_id) <> 1
        or (select count(*) from email_outbox e where e.org_id = k.org_id and e.kind = 'welcome') <> 1
        or (select count(*) from provisioning_events e where e.customer_id = k.id and e.step = 'completed') <> 1)`),
      'dup',
    );
    expect(dup.n).toBe(0);
  }, 150_000);

  it('each scheduled sweep runs once per tick, on one instance', async () => {
    const sweeps = [QUEUES.sweepCustomers, QUEUES.sweepOutbox, QUEUES.sweepReports, QUEUES.sweepWebhooks];
    await waitFor(
      'a tick of every sweep',
      async () => sweeps.every((q) => (a.handled.get(q)?.jobIds.length ?? 0) + (b.handled.get(q)?.jobIds.length ?? 0) > 0),
      60_000,
    );
    for (const q of sweeps) {
      const jobIds = [...(a.handled.get(q)?.jobIds ?? []), ...(b.handled.get(q)?.jobIds ?? [])];
      expect(new Set(jobIds).size).toBe(jobIds.length); // no sweep job ran on both
      const perMinute = await db.execute<{ minute: string; n: number }>(sql`
        select date_trunc('minute', created_on)::text as minute, count(*)::int as n
        from (select created_on from pgboss.job where name = ${q} union all select created_on from pgboss.archive where name = ${q}) j
        group by 1`);
      expect(perMinute.length).toBeGreaterThan(0);
      for (const m of perMinute) expect(m).toEqual({ minute: m.minute, n: 1 });
    }
  }, 90_000);

  it('the API rate limit is one bucket per token across instances', async () => {
    const tok = await token(['wholesale_customers_read']);
    const order = [a, b, c, a, b, c];
    for (const i of order) expect((await api(i, tok, 'GET', '/v1/wholesale/customers')).status).toBe(200);
    expect(order).toHaveLength(RATE_BURST);
    const refused = await api(b, tok, 'GET', '/v1/wholesale/customers');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('a customer created through the web-only instance is provisioned by a worker instance', async () => {
    const tok = await token(['wholesale_customers_read', 'wholesale_customers_write']);
    const res = await api(c, tok, 'POST', '/v1/wholesale/customers', {
      ...EXAMPLE_CREATE_CUSTOMER,
      provisioningId: template.provisioningId,
      externalId: 'SCALE-1',
      customerInfo: { ...EXAMPLE_CREATE_CUSTOMER.customerInfo, primaryEmail: 'owner@scale-one.test' },
    });
    expect(res.status).toBe(202);
    const location = res.headers.get('location')!;
    const status = await waitFor(
      'provisioned',
      async () => {
        const got = (await (await api(a, tok, 'GET', new URL(location, a.api).pathname)).json()) as { status: string };
        return got.status === 'provisioned' ? got.status : null;
      },
      30_000,
    );
    expect(status).toBe('provisioned');
  }, 60_000);

  it('the sign-in throttle counts failures made on every instance', async () => {
    const email = 'throttled@scale.test';
    await db.insert(users).values({ orgId: partnerId, email, passwordHash: await hashPassword('Right-Password-1') });
    const instances = [a, b, c, a, b];
    expect(instances).toHaveLength(EMAIL_FAILURE_LIMIT);
    for (const i of instances) expect(await i.control$('/sign-in', { email, password: 'wrong' })).toEqual({ ok: false, reason: 'invalid' });
    expect(await c.control$('/sign-in', { email, password: 'Right-Password-1' })).toEqual({
      ok: false,
      reason: 'throttled',
      retryAfterMinutes: 1,
    });
  });

  it('a session signed in on one instance is valid on the others, and signing out on one ends it everywhere', async () => {
    const email = 'session@scale.test';
    const u = await oneRow(
      db
        .insert(users)
        .values({ orgId: partnerId, email, passwordHash: await hashPassword('Right-Password-1') })
        .returning(),
      'u',
    );
    const signedIn = (await a.control$('/sign-in', { email, password: 'Right-Password-1' })) as { ok: boolean; sessionId: string };
    expect(signedIn.ok).toBe(true);
    for (const i of [a, b, c])
      expect(await i.control$('/session', { sessionId: signedIn.sessionId, userId: u.id })).toEqual({ live: true });
    await b.control$('/sign-out', { sessionId: signedIn.sessionId });
    for (const i of [a, b, c])
      expect(await i.control$('/session', { sessionId: signedIn.sessionId, userId: u.id })).toEqual({ live: false });
  });
});
