// What an operator relies on: the health and readiness probes' answers, structured log
// lines that name the request (tracking id, org, actor) and graceful shutdown's order
// (the workers finish the job in hand before the database pool closes).
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDb } from '@/db/client';
import { createApiHandler } from '@/lib/api/api-handler';
import { listSubscribersEndpoint } from '@/lib/api/endpoints/subscribers';
import { runAction } from '@/lib/server/guard';
import { startBoss } from '@/lib/platform/boss';
import { fixedClock } from '@/lib/platform/clock';
import { lifecycle, runShutdown } from '@/lib/platform/lifecycle';
import { logger, setLogDestination } from '@/lib/platform/logger';
import { makeAdmin, makePartner } from './support/fixtures';
import { freshDb } from './support/test-db';

const db = await freshDb();
const deps = { db, clock: fixedClock('2026-11-21T00:00:00Z'), jobs: { send: async () => {} } };

// The app's own logger, its lines collected instead of written to stdout.
let lines: Record<string, unknown>[] = [];
const collector = new Writable({
  write(chunk, _enc, done) {
    for (const l of String(chunk).split('\n')) if (l.trim()) lines.push(JSON.parse(l));
    done();
  },
});
let stdout: ReturnType<typeof setLogDestination>;
// Test runs log at warn (vitest.config.ts); this file checks the info lines too.
let runLevel: string;
beforeAll(() => {
  stdout = setLogDestination(collector);
  runLevel = logger.level;
  logger.level = 'info';
});
afterAll(() => {
  setLogDestination(stdout);
  logger.level = runLevel;
});
afterEach(() => {
  lines = [];
});

describe('GET /api/health and GET /api/ready', () => {
  // The route modules read the process configuration: point it at this file's database.
  beforeAll(() => {
    process.env.DATABASE_URL = db.url;
    process.env.JOBS_ENABLED = '0';
  });

  it('health answers 200 without touching anything; ready answers 200 with each check, and 503 once shutdown began', async () => {
    const health = await (await import('@/app/api/health/route')).GET();
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const { GET } = await import('@/app/api/ready/route');
    const ready = await GET();
    expect(ready.status).toBe(200);
    expect(ready.headers.get('cache-control')).toBe('no-store');
    expect(await ready.json()).toEqual({ ready: true, checks: { database: 'ok', migrations: 'ok', jobs: 'disabled' } });

    lifecycle.shuttingDown = true;
    try {
      const draining = await GET();
      expect(draining.status).toBe(503);
      expect(await draining.json()).toMatchObject({ ready: false, checks: { jobs: 'stopping' } });
    } finally {
      lifecycle.shuttingDown = false;
    }
  });
});

describe('structured logs', () => {
  it('an API request logs one JSON line carrying the TrackingID the client received', async () => {
    const handler = createApiHandler(listSubscribersEndpoint, () => deps);
    const res = await handler(
      new Request('http://127.0.0.1/v1/wholesale/subscribers', { headers: { authorization: 'Bearer phk_not-a-real-token' } }),
    );
    expect(res.status).toBe(401);
    const trackingId = res.headers.get('TrackingID');
    expect(trackingId).toMatch(/^PH_/);
    const access = lines.find((l) => l.msg === 'api request');
    expect(access).toMatchObject({ level: 'info', trackingId, method: 'GET', path: '/v1/wholesale/subscribers', status: 401 });
    expect(typeof access?.time).toBe('string');
  });

  it("a server action's unexpected error: the user's message quotes a tracking id, and every log line of that request carries it with org and actor", async () => {
    const partner = await makePartner(db, { name: 'Logged Partner' });
    const admin = await makeAdmin(db, partner.id, ['partner_full_admin']);
    const state = await runAction(deps, { userId: admin.userId, orgId: partner.id, input: {} }, 'org.read', z.object({}), async (ctx) => {
      // A service's own line, inside the transaction: the context follows the awaits.
      await ctx.db.execute(sql`select 1`);
      logger.info({ step: 'about to fail' }, 'service progress');
      throw new Error('disk on fire');
    });
    expect(state.ok).toBe(false);
    if (state.ok) return;
    expect(state.trackingId).toMatch(/^PH_/);
    expect(state.message).toContain(state.trackingId);
    expect(state.message).not.toContain('disk on fire');

    const ofRequest = lines.filter((l) => l.trackingId === state.trackingId);
    expect(ofRequest.map((l) => l.msg)).toEqual(['service progress', 'server action failed']);
    for (const l of ofRequest) expect(l).toMatchObject({ orgId: partner.id, actorId: admin.userId });
    expect(ofRequest[1]).toMatchObject({ level: 'error', err: { message: 'disk on fire' } });
  });

  it('a refused action (a domain error) still names its tracking id, and logs no error', async () => {
    const partner = await makePartner(db);
    const state = await runAction(deps, { userId: null, orgId: partner.id, input: {} }, 'org.read', z.object({}), async () => 'never');
    expect(state).toMatchObject({ ok: false, message: 'Sign in to continue.', trackingId: expect.stringMatching(/^PH_/) });
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});

describe('graceful shutdown', () => {
  it('the worker finishes the job in hand and writes its result before the pool closes; then the pool refuses queries', async () => {
    const appDb = createDb(db.url, { max: 3 });
    const boss = await startBoss(db.url);
    await appDb.execute(sql`create table shutdown_probe (job text primary key)`);
    const events: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const jobStarted = new Promise<void>((r) => (started = r));
    await boss.createQueue('shutdown-probe');
    await boss.work('shutdown-probe', { pollingIntervalSeconds: 0.5 }, async ([job]) => {
      started();
      await released; // still working when SIGTERM arrives
      await appDb.execute(sql`insert into shutdown_probe values (${job!.id})`);
      events.push('job finished');
    });
    const jobId = await boss.send('shutdown-probe', {});
    await jobStarted;

    const state = { jobsStarted: true, shuttingDown: false };
    const done = runShutdown(
      {
        stopWorkers: async () => {
          await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
          events.push('workers stopped');
        },
        closeDatabase: async () => {
          await appDb.$end();
          events.push('pool closed');
        },
      },
      state,
    );
    expect(state.shuttingDown).toBe(true); // readiness turns 503 at once
    release();
    await done;

    expect(events).toEqual(['job finished', 'workers stopped', 'pool closed']);
    expect(await db.execute(sql`select job from shutdown_probe`)).toEqual([{ job: jobId }]);
    await expect(appDb.execute(sql`select 1`)).rejects.toThrow();
    expect(lines.filter((l) => l.msg === 'shutdown step done').map((l) => l.step)).toEqual(['stop job workers', 'close database pool']);
  });

  it('a step that fails is logged and the pool is still closed', async () => {
    const appDb = createDb(db.url, { max: 1 });
    await runShutdown(
      { stopWorkers: async () => Promise.reject(new Error('queue gone')), closeDatabase: () => appDb.$end() },
      { jobsStarted: true, shuttingDown: false },
    );
    expect(lines.find((l) => l.msg === 'shutdown step failed')).toMatchObject({ step: 'stop job workers', err: { message: 'queue gone' } });
    await expect(appDb.execute(sql`select 1`)).rejects.toThrow();
  });
});
