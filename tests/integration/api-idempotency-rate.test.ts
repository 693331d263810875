// Idempotency-Key under a race and the per-token rate limit (SPEC §8.1), over real HTTP.
// 20 identical POSTs at once with one key provision one customer and store one 202; the
// others are replays of it or 409 (still running). A burst over the bucket gets 429 with
// Retry-After and the RateLimit-* headers, and the refused calls leave the database as it was.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { apiIdempotencyKeys, customers } from '@/db/schema';
import { createApiToken } from '@/lib/api-tokens/create-api-token';
import { createTokenSchema } from '@/lib/api-tokens/token-schema';
import { EXAMPLE_CREATE_CUSTOMER } from '@/lib/api/examples';
import { fixedClock, systemClock } from '@/lib/platform/clock';
import { makeAdmin, makePartner } from './support/fixtures';
import { makeTemplate, recordingJobs, serviceCaller } from './support/customer-fixtures';
import { startApiServer, type ApiServer } from './support/api-server';
import { freshDb } from './support/test-db';
import { oneRow } from '@/db/one-row';
import { at } from '@/tests/support/rows';

const db = await freshDb();
const call = serviceCaller(db);
const partner = await makePartner(db);
const full = await makeAdmin(db, partner.id, ['partner_full_admin', 'wholesale_admin']);
const template = await makeTemplate(db, partner.id, full.userId);
const jobs = recordingJobs();

const newToken = (name: string) =>
  call(full.userId, partner.id, 'apiTokens.manage', createTokenSchema, createApiToken, {
    name,
    scopes: ['wholesale_customers_read', 'wholesale_customers_write'],
    expiry: '30',
  });

const body = (externalId: string) => ({
  ...EXAMPLE_CREATE_CUSTOMER,
  provisioningId: template.provisioningId,
  externalId,
  customerInfo: {
    ...EXAMPLE_CREATE_CUSTOMER.customerInfo,
    name: `Customer ${externalId}`,
    primaryEmail: `owner@${externalId.toLowerCase()}.test`,
  },
});

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer(() => ({ db, clock: systemClock, jobs }));
});
afterAll(() => api.close());

describe('Idempotency-Key under a race', () => {
  it('20 identical POSTs at once with one key: one customer, one stored 202, the rest replays of it or 409 — never a duplicate', async () => {
    const { token } = await newToken('race');
    const key = 'order-race-1';
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.call(token, 'POST', '/v1/wholesale/customers', { body: body('RACE-1'), headers: { 'idempotency-key': key } }),
      ),
    );
    const results = await Promise.all(
      responses.map(async (r) => ({
        status: r.status,
        replayed: r.headers.get('idempotent-replayed'),
        location: r.headers.get('location'),
        body: await r.json(),
      })),
    );

    expect(results.every((r) => r.status === 202 || r.status === 409)).toBe(true);
    const firsts = results.filter((r) => r.status === 202 && r.replayed !== 'true');
    expect(firsts).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 202)) {
      expect(r.body).toEqual(at(firsts, 0).body);
      expect(r.location).toBe(at(firsts, 0).location);
    }
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.errors[0].errorCode).toBe(10423);

    const rows = await db.select({ id: customers.id }).from(customers).where(eq(customers.externalId, 'RACE-1'));
    expect(rows).toHaveLength(1);
    expect(firsts[0].body.url).toBe(`/v1/wholesale/customers/${at(rows, 0).id}`);
    expect(jobs.of('customer-provision').filter((j) => j.customerId === at(rows, 0).id)).toHaveLength(1);
    const stored = await db
      .select()
      .from(apiIdempotencyKeys)
      .where(and(eq(apiIdempotencyKeys.orgId, partner.id), eq(apiIdempotencyKeys.key, key)));
    expect(stored.map((s) => s.status)).toEqual([202]);

    // Once the first has finished, a late retry is a replay, not a second customer.
    const late = await api.call(token, 'POST', '/v1/wholesale/customers', { body: body('RACE-1'), headers: { 'idempotency-key': key } });
    expect(late.status).toBe(202);
    expect(late.headers.get('idempotent-replayed')).toBe('true');
    expect(await db.select({ id: customers.id }).from(customers).where(eq(customers.externalId, 'RACE-1'))).toHaveLength(1);
  });
});

describe('rate limit per token', () => {
  const saved = { perSec: process.env.API_RATE_LIMIT_PER_SEC, burst: process.env.API_RATE_LIMIT_BURST };
  // The bucket refills by the server's clock: a frozen one makes the burst exact however slow the machine is.
  const clock = fixedClock(new Date());
  let limited: ApiServer;
  beforeAll(async () => {
    limited = await startApiServer(() => ({ db, clock, jobs }));
  });
  afterAll(() => limited.close());
  afterEach(() => {
    for (const [k, v] of [
      ['API_RATE_LIMIT_PER_SEC', saved.perSec],
      ['API_RATE_LIMIT_BURST', saved.burst],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('a burst over the limit gets 429 with Retry-After and RateLimit-* headers; the refused calls change nothing; the bucket refills', async () => {
    process.env.API_RATE_LIMIT_BURST = '5';
    process.env.API_RATE_LIMIT_PER_SEC = '1';
    const { token } = await newToken('burst');
    const ids = Array.from({ length: 8 }, (_, i) => `BURST-${i}`);
    const auditsBefore = await db.execute<{ n: string }>(sql`select count(*) as n from audit_log`);
    const responses: Response[] = [];
    for (const id of ids) {
      responses.push(
        await limited.call(token, 'POST', '/v1/wholesale/customers', { body: body(id), headers: { 'idempotency-key': `burst-${id}` } }),
      );
    }
    const statuses = responses.map((r) => r.status);
    // The bucket holds 5 and no time passes: 5 through, then 429.
    const allowed = 5;
    expect(statuses).toEqual([...Array(allowed).fill(202), ...Array(8 - allowed).fill(429)]);
    for (const r of responses) {
      expect(r.headers.get('ratelimit-limit')).toBe('5');
      expect(Number(r.headers.get('ratelimit-remaining'))).toBeGreaterThanOrEqual(0);
      expect(Number(r.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(0);
    }
    expect(responses.slice(0, 3).map((r) => r.headers.get('ratelimit-remaining'))).toEqual(['4', '3', '2']);
    const refused = responses.filter((r) => r.status === 429);
    for (const r of refused) {
      expect(r.headers.get('ratelimit-remaining')).toBe('0');
      const retryAfter = r.headers.get('retry-after');
      expect(retryAfter).toMatch(/^[1-9]\d*$/);
      const err = await r.json();
      expect(err.errors[0].errorCode).toBe(10429);
      expect(err.trackingId).toBe(r.headers.get('trackingid'));
    }

    // Nothing done for the refused calls: no customer, no claimed key, no audit entry, no job.
    const refusedIds = ids.slice(allowed);
    const made = await db.select({ externalId: customers.externalId }).from(customers).where(inArray(customers.externalId, ids));
    expect(made.map((m) => m.externalId).sort()).toEqual(ids.slice(0, allowed).sort());
    expect(
      await db
        .select()
        .from(apiIdempotencyKeys)
        .where(
          inArray(
            apiIdempotencyKeys.key,
            refusedIds.map((i) => `burst-${i}`),
          ),
        ),
    ).toEqual([]);
    const auditsAfter = await oneRow(db.execute<{ n: string }>(sql`select count(*) as n from audit_log`), 'auditsAfter');
    expect(Number(auditsAfter.n)).toBe(Number(at(auditsBefore, 0).n) + allowed);
    expect(jobs.of('customer-provision').length).toBeGreaterThanOrEqual(allowed);

    // After Retry-After seconds one more call goes through.
    expect(refused.at(-1)!.headers.get('retry-after')).toBe('1');
    clock.advance(1000);
    const again = await limited.call(token, 'POST', '/v1/wholesale/customers', {
      body: body(refusedIds[0]),
      headers: { 'idempotency-key': `burst-${refusedIds[0]}` },
    });
    expect(again.status).toBe(202);
    expect(await db.select().from(customers).where(eq(customers.externalId, refusedIds[0]))).toHaveLength(1);

    // Another token has its own bucket.
    const { token: other } = await newToken('other');
    expect((await limited.call(other, 'GET', '/v1/wholesale/customers')).status).toBe(200);
  });
});
