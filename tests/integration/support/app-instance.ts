// One app instance in its own process, for the multi-instance and crash tests (issue 13
// "two instances on one database", issue 10 #16): its own connection pool and pg-boss,
// migrations at start-up as the app runs them, the job workers when JOBS_ENABLED=1
// (registerWorkers, as jobs/start.ts does), the public API over real HTTP, and a small
// control server calling the real sign-in and session functions.
//
//   node --import tsx tests/integration/support/app-instance.ts
//   env: DATABASE_URL, INSTANCE_NAME, JOBS_ENABLED (1), BOSS_TUNING (JSON, optional)
//
// It writes one JSON line per event on stdout: {ready}, then {handled: {queue, ids}} for
// every batch of jobs its workers take (the test's evidence of who did what).
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type PgBoss from 'pg-boss';
import { createDb } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { registerWorkers } from '@/jobs/worker';
import { attemptSignIn } from '@/lib/auth/sign-in';
import { isSessionLive, revokeSession } from '@/lib/auth/sessions';
import { BOSS_TUNING, senderFor, startBoss } from '@/lib/platform/boss';
import { systemClock } from '@/lib/platform/clock';
import { startApiServer } from './api-server';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set');
const name = process.env.INSTANCE_NAME ?? 'instance';
const say = (msg: object) => process.stdout.write(`${JSON.stringify(msg)}\n`);

const db = createDb(url);
await runMigrations(db);
const boss = await startBoss(url, process.env.BOSS_TUNING ? JSON.parse(process.env.BOSS_TUNING) : BOSS_TUNING);

/** The real pg-boss, with each handler reporting the jobs it was given before running them. */
function reporting(b: PgBoss): PgBoss {
  return new Proxy(b, {
    get(target, prop) {
      if (prop === 'work') {
        return (queue: string, ...args: unknown[]) => {
          const handler = args.pop() as (jobs: PgBoss.Job<{ customerId?: string }>[]) => Promise<unknown>;
          return target.work(queue, ...(args as [PgBoss.WorkOptions]), async (jobs: PgBoss.Job<{ customerId?: string }>[]) => {
            say({ handled: { queue, jobIds: jobs.map((j) => j.id), customerIds: jobs.map((j) => j.data?.customerId).filter(Boolean) } });
            return handler(jobs);
          });
        };
      }
      const v = Reflect.get(target, prop, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
if (process.env.JOBS_ENABLED !== '0') await registerWorkers(reporting(boss), db, systemClock);

const deps = { db, clock: systemClock, jobs: senderFor(boss) };
const api = await startApiServer(() => deps);

async function body(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString() || '{}');
}
const control = createServer(async (req, res) => {
  try {
    const b = await body(req);
    let out: unknown;
    if (req.url === '/sign-in')
      out = await attemptSignIn(db, { email: b.email, password: b.password, clientIp: b.clientIp ?? '127.0.0.1' });
    else if (req.url === '/session') out = { live: await isSessionLive(db, b.sessionId, b.userId) };
    else if (req.url === '/sign-out') out = await revokeSession(db, b.sessionId).then(() => ({ ok: true }));
    else return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(out ?? null));
  } catch (err) {
    res.writeHead(500).end(String(err));
  }
});
await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));

process.once('SIGTERM', async () => {
  await boss.stop({ graceful: true, timeout: 3_000 }).catch(() => {});
  await api.close();
  control.close();
  await db.$end();
  process.exit(0);
});
say({ ready: { name, api: api.url, control: `http://127.0.0.1:${(control.address() as AddressInfo).port}` } });
