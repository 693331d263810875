// SPEC §8.4 delivery: retries with growing gaps on a controllable clock, the delivery
// log, disabling after 24 h of failures (with the admins e-mailed), the sweep after a
// crash, secret rotation with two signatures, and the private-address rule.
import { and, eq } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emailOutbox, webhookAttempts, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { senderFor, startBoss } from '@/lib/platform/boss';
import { QUEUES } from '@/lib/platform/queues';
import { registerWorkers } from '@/jobs/worker';
import type { Actor } from '@/lib/auth/access';
import { fixedClock, systemClock } from '@/lib/platform/clock';
import { ConflictError, ValidationError } from '@/lib/platform/errors';
import { inTransaction, type ServiceDeps } from '@/lib/platform/service-ctx';
import { attemptDelivery } from '@/lib/webhooks/attempt-delivery';
import { emitWebhookEvent } from '@/lib/webhooks/emit-webhook-event';
import type { WebhookEventType } from '@/lib/webhooks/event-types';
import { MAX_RETRY_GAP_MS, RETRY_WINDOW_MS } from '@/lib/webhooks/retry-schedule';
import { WEBHOOK_TIMEOUT_MS } from '@/lib/webhooks/send-webhook';
import { generateSigningSecret } from '@/lib/webhooks/signing-secret';
import { sweepWebhookDeliveries } from '@/lib/webhooks/sweep-webhook-deliveries';
import { WEBHOOK_ERRORS } from '@/lib/webhooks/webhook-error-codes';
import { webhookOps } from '@/lib/webhooks/webhook-operations';
import { recordingJobs, rejection, serviceCaller } from './support/customer-fixtures';
import { makeAdmin, makePartner } from './support/fixtures';
import { freshDb } from './support/test-db';
import { startReceiver, verify } from './support/webhook-receiver';
import { oneRow } from '@/db/one-row';
import { at, defined, first as firstItem } from '@/tests/support/rows';

process.env.WEBHOOKS_ALLOW_PRIVATE = '1';
const db = await freshDb();
const clock = fixedClock(new Date());
const jobs = recordingJobs();
const deps: ServiceDeps = { db, clock, jobs };
const call = serviceCaller(db, { clock, jobs });
const receiver = await startReceiver();
const MIN = 60_000;

let partnerId: string;
let admin: Actor;

type Op = keyof typeof webhookOps;
const op = <K extends Op>(k: K, input: unknown, who: Actor = admin) => {
  const o = webhookOps[k];
  return call(who.userId, partnerId, o.capability, o.schema, o.handler as never, input) as Promise<
    Awaited<ReturnType<(typeof webhookOps)[K]['handler']>>
  >;
};
const addEndpoint = (path: string, eventTypes: WebhookEventType[] = ['customer.status_changed']) =>
  op('create', { url: receiver.url(path), eventTypes });

/** An event the way services emit it, in a committed transaction; returns its delivery ids. */
async function emit(data: Record<string, unknown> = { hello: 'world' }) {
  const eventId = await inTransaction(deps, null as never, (ctx) =>
    emitWebhookEvent(ctx, { orgId: partnerId, type: 'customer.status_changed', at: clock.now(), data: data as never }),
  );
  const rows = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, eventId!));
  return { eventId: eventId!, deliveries: rows };
}
const attempts = (deliveryId: string) =>
  db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, deliveryId)).orderBy(webhookAttempts.attempt);

beforeAll(async () => {
  const partner = await makePartner(db, { name: 'Delivery Partner' });
  partnerId = partner.id;
  admin = await makeAdmin(db, partner.id, ['partner_full_admin']);
});
afterAll(() => receiver.close());
// Each test starts near real time (the reference verifier and pg-boss use the real clock).
beforeEach(() => clock.set(new Date()));

describe('endpoints', () => {
  it('the signing secret is whsec_ + base64 of ≥ 24 random bytes, shown once, stored encrypted', async () => {
    const { endpoint, secret } = await addEndpoint('/secret');
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
    const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(JSON.stringify(row)).not.toContain(secret.slice(6));
    expect(
      JSON.stringify(await op('update', { endpointId: endpoint.id, url: endpoint.url, eventTypes: ['customer.deleted'] })),
    ).not.toContain('whsec_');
  });

  it("needs a partner full administrator; another org's endpoint is 404", async () => {
    const readonly = await makeAdmin(db, partnerId, ['partner_readonly_admin', 'wholesale_admin']);
    expect(((await rejection(op('create', { url: receiver.url('/x'), eventTypes: ['customer.deleted'] }, readonly))) as Error).name).toBe(
      'ForbiddenError',
    );
    const other = await makePartner(db);
    const otherAdmin = await makeAdmin(db, other.id, ['partner_full_admin']);
    const { endpoint } = await addEndpoint('/mine');
    const o = webhookOps.delete;
    const err = await rejection(call(otherAdmin.userId, other.id, o.capability, o.schema, o.handler, { endpointId: endpoint.id }));
    expect((err as Error).name).toBe('NotFoundError');
    expect(await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id))).toHaveLength(1);
  });

  it('at least one event; bad URLs get field errors and nothing is stored', async () => {
    const count = async () => (await db.select().from(webhookEndpoints)).length;
    const n = await count();
    const noEvents = await rejection(op('create', { url: receiver.url('/y'), eventTypes: [] }));
    expect((noEvents as ValidationError).fieldErrors?.eventTypes).toEqual(['Choose at least one event.']);
    const http = await rejection(op('create', { url: 'http://example.com/hook', eventTypes: ['customer.deleted'] }));
    expect((http as ValidationError).fieldErrors?.url?.[0]).toMatch(/HTTPS/);
    expect(await count()).toBe(n);
  });
});

describe('delivery', () => {
  it('500 three times, then 204: four attempts, all in the log, with growing gaps', async () => {
    const { endpoint, secret } = await addEndpoint('/flaky');
    receiver.script('/flaky', [500, 500, 500, 204]);
    const { eventId, deliveries } = await emit();
    const d = deliveries.find((x) => x.endpointId === endpoint.id)!;
    const outcomes = [];
    for (let i = 0; i < 4; i++) {
      const out = await attemptDelivery(deps, d.id, { random: () => 0.5 });
      outcomes.push(out.kind);
      if (out.kind === 'retry') {
        // Not due yet: a worker picking it up early does nothing.
        expect((await attemptDelivery(deps, d.id)).kind).toBe('skipped');
        clock.set(out.nextAttemptAt);
      }
    }
    expect(outcomes).toEqual(['retry', 'retry', 'retry', 'succeeded']);
    const log = await attempts(d.id);
    expect(log.map((a) => [a.attempt, a.statusCode, a.ok])).toEqual([
      [1, 500, false],
      [2, 500, false],
      [3, 500, false],
      [4, 204, true],
    ]);
    const gaps = log.slice(1).map((a, i) => a.at.getTime() - log[i].at.getTime());
    expect(gaps).toEqual([30_000, 60_000, 120_000]);
    expect(log[0].responseExcerpt.length).toBeLessThanOrEqual(1024);
    expect(at(log, 0).responseExcerpt).toMatch(/^failure 500/);
    const got = receiver.at('/flaky');
    expect(got).toHaveLength(4);
    // The same event keeps its webhook-id on every retry, so receivers can de-duplicate.
    expect(new Set(got.map((r) => r.headers['webhook-id']))).toEqual(new Set([eventId]));
    expect(verify(secret, got[3])).toMatchObject({ type: 'customer.status_changed', data: { hello: 'world' } });
    const ep = await oneRow(db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)), 'ep');
    expect(ep.failingSince).toBeNull();
    // The log as the page shows it.
    const page = await op('listAttempts', { endpointId: endpoint.id });
    expect(page.items.map((a) => [a.attempt, a.statusCode, a.eventType])).toEqual([
      [4, 204, 'customer.status_changed'],
      [3, 500, 'customer.status_changed'],
      [2, 500, 'customer.status_changed'],
      [1, 500, 'customer.status_changed'],
    ]);
  });

  it('a receiver that never answers: retried with growing gaps, then disabled after 24 h and the full admins e-mailed', async () => {
    const start = new Date(clock.now());
    const { endpoint } = await addEndpoint('/silent');
    receiver.script('/silent', ['hang']);
    const { deliveries } = await emit();
    const d = deliveries.find((x) => x.endpointId === endpoint.id)!;
    const gaps: number[] = [];
    let last;
    for (let i = 0; i < 40; i++) {
      // The 10 s timeout, shortened for the test: the receiver never answers either way.
      last = await attemptDelivery(deps, d.id, { timeoutMs: 150 });
      if (last.kind !== 'retry') break;
      gaps.push(last.nextAttemptAt.getTime() - clock.now().getTime());
      clock.set(last.nextAttemptAt);
    }
    expect(WEBHOOK_TIMEOUT_MS).toBe(10_000);
    expect(last!.kind).toBe('endpoint_disabled');
    expect(clock.now().getTime() - start.getTime()).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
    expect(clock.now().getTime() - start.getTime()).toBeLessThan(RETRY_WINDOW_MS + MAX_RETRY_GAP_MS * 1.2);
    for (let i = 1; i < 8; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(MAX_RETRY_GAP_MS * 1.2);
    const log = await attempts(d.id);
    expect(log.length).toBe(gaps.length + 1);
    expect(log.every((a) => a.statusCode === null && /timed out/.test(a.responseExcerpt))).toBe(true);
    const [ep] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(ep).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/24 hours/) });
    const mail = await db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.orgId, partnerId), eq(emailOutbox.kind, 'webhook_disabled')));
    expect(mail.map((m) => m.to)).toEqual([admin.email]);
    // Disabled: new events no longer go there; Redeliver asks to enable it first.
    const next = await emit();
    expect(next.deliveries.map((x) => x.endpointId)).not.toContain(endpoint.id);
    expect(await rejection(op('redeliver', { deliveryId: d.id }))).toBeInstanceOf(ConflictError);
    // Enabled again, Redeliver sends the same event at once.
    receiver.script('/silent', [204]);
    await op('setEnabled', { endpointId: endpoint.id, enabled: true });
    await op('redeliver', { deliveryId: d.id });
    expect(jobs.of(QUEUES.deliverWebhook).at(-1)).toEqual({ deliveryId: d.id });
    expect((await attemptDelivery(deps, d.id)).kind).toBe('succeeded');
  });

  it('a crash between commit and delivery: the sweep sends it', async () => {
    await addEndpoint('/crash');
    jobs.sent.length = 0;
    // Committed, but the process "dies" before the after-commit enqueue runs.
    const { eventId } = await emit();
    const before = receiver.at('/crash').length;
    const boss: PgBoss = await startBoss(process.env.DATABASE_URL!);
    try {
      const realDeps = { db, clock: systemClock, jobs: senderFor(boss) };
      await registerWorkers(boss, db, systemClock);
      expect((await sweepWebhookDeliveries(realDeps)).length).toBeGreaterThanOrEqual(1);
      for (let i = 0; i < 100 && receiver.at('/crash').length === before; i++) await new Promise((r) => setTimeout(r, 100));
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    const got = receiver.at('/crash').slice(before);
    expect(got.map((r) => r.headers['webhook-id'])).toEqual([eventId]);
  });

  it('rotation: both signatures for 24 h, then only the new one', async () => {
    const { endpoint, secret: oldSecret } = await addEndpoint('/rotate');
    const { secret: newSecret, previousSecretExpiresAt } = await op('rotateSecret', { endpointId: endpoint.id });
    expect(newSecret).not.toBe(oldSecret);
    expect(previousSecretExpiresAt.getTime() - clock.now().getTime()).toBe(24 * 60 * MIN);
    const first = await emit();
    await attemptDelivery(deps, first.deliveries.find((x) => x.endpointId === endpoint.id)!.id);
    const r1 = firstItem(receiver.at('/rotate'), 'r1');
    expect(String(r1.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verify(newSecret, r1)).toBeTruthy();
    expect(verify(oldSecret, r1)).toBeTruthy();
    expect(() => verify(generateSigningSecret(), r1)).toThrow(/signature/i);

    // 24 h later the old secret no longer signs. (Stay within the verifier's 5-minute tolerance: it uses the real clock.)
    const real = clock.now();
    clock.advance(24 * 60 * MIN);
    const second = await emit();
    await attemptDelivery(deps, second.deliveries.find((x) => x.endpointId === endpoint.id)!.id);
    clock.set(real);
    const r2 = defined(receiver.at('/rotate')[1], 'r2');
    expect(String(r2.headers['webhook-signature']).split(' ')).toHaveLength(1);
    const { Webhook } = await import('standardwebhooks');
    const h = {
      'webhook-id': String(r2.headers['webhook-id']),
      'webhook-timestamp': String(r2.headers['webhook-timestamp']),
      'webhook-signature': String(r2.headers['webhook-signature']),
    };
    const sign = (s: string) => new Webhook(s).sign(h['webhook-id'], new Date(Number(h['webhook-timestamp']) * 1000), r2.body);
    expect(h['webhook-signature']).toBe(sign(newSecret));
    expect(h['webhook-signature']).not.toContain(sign(oldSecret).slice(3));
  });
});

describe('the private-address rule (WEBHOOKS_ALLOW_PRIVATE=0)', () => {
  it('refuses loopback, private and link-local targets at registration', async () => {
    process.env.WEBHOOKS_ALLOW_PRIVATE = '0';
    try {
      for (const url of [
        'http://127.0.0.1:9/x',
        'http://localhost:9/x',
        'https://10.1.2.3/x',
        'https://192.168.0.5/x',
        'https://169.254.169.254/latest',
        'https://[::1]/x',
        'https://[fe80::1]/x',
        'https://[::ffff:10.0.0.1]/x',
      ]) {
        const err = await rejection(op('create', { url, eventTypes: ['customer.deleted'] }));
        expect(err, url).toBeInstanceOf(ValidationError);
        expect((err as ValidationError).errorCode, url).toBe(WEBHOOK_ERRORS.urlPrivateAddress);
        expect((err as ValidationError).fieldErrors?.url?.[0]).toMatch(/private, loopback or link-local/);
      }
    } finally {
      process.env.WEBHOOKS_ALLOW_PRIVATE = '1';
    }
  });

  it('re-checks at send time: an endpoint that now points inside is refused without connecting', async () => {
    const { endpoint } = await addEndpoint('/rebind');
    const { deliveries } = await emit();
    const d = deliveries.find((x) => x.endpointId === endpoint.id)!;
    // Registered while allowed (think: DNS answered with a public address then).
    process.env.WEBHOOKS_ALLOW_PRIVATE = '0';
    try {
      const before = receiver.at('/rebind').length;
      const out = await attemptDelivery(deps, d.id);
      expect(out.kind).toBe('retry');
      expect(receiver.at('/rebind').length).toBe(before);
      const [a] = await attempts(d.id);
      expect(a).toMatchObject({ statusCode: null, ok: false, responseExcerpt: expect.stringMatching(/non-public address 127\.0\.0\.1/) });
      // A host name that resolves to loopback is caught by the connect-time lookup too.
      await db
        .update(webhookEndpoints)
        .set({ url: receiver.url('/rebind').replace('127.0.0.1', 'localhost') })
        .where(eq(webhookEndpoints.id, endpoint.id));
      clock.advance(10 * MIN);
      await attemptDelivery(deps, d.id);
      const log = await attempts(d.id);
      expect(log[1]).toMatchObject({ statusCode: null, responseExcerpt: expect.stringMatching(/non-public address/) });
      expect(receiver.at('/rebind').length).toBe(before);
    } finally {
      process.env.WEBHOOKS_ALLOW_PRIVATE = '1';
    }
  });
});
