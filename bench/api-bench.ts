// API acceptance throughput (issue 13): `POST /v1/wholesale/customers` over real HTTP on
// 127.0.0.1 with a bearer token — the API's route handlers (token, scopes, rate limit,
// validation, createCustomer, the provisioning job enqueued in pg-boss) behind node:http,
// as tests/integration/support/api-server.ts serves them, in server processes of their own
// (node:cluster, one port) as an instance runs them — with one process and with one per core
// (`BENCH_API_PROCESSES`, default 1,2; WEB_CONCURRENCY in production). This process is only
// the load generator: a plain HTTP client (the responses' OpenAPI contract is the
// integration tests' business). No workers run: this measures accepting (202), not
// provisioning (that is bench:provision). Side by side: the bare cost — the rows one
// acceptance writes, by plain SQL, one transaction per customer, at the same concurrency.
// CPU per request is read from /proc for the server processes, PostgreSQL and this process.
//
//   npm run bench:api        (its own embedded database: bench_api)
//   env: BENCH_API_REQUESTS (3000), BENCH_API_CLIENTS (16), BENCH_API_PROCESSES (1,2), BENCH_API_PORT (3395)
//
// The last line is machine-readable: `api: N req/s accepted` (the best configuration).
import cluster from 'node:cluster';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { createDb } from '@/db/client';
import { hashToken, newTokenSecret } from '@/lib/api-tokens/token-secret';
import { EXAMPLE_CREATE_CUSTOMER } from '@/lib/api/examples';
import { senderFor, startBoss } from '@/lib/platform/boss';
import { systemClock } from '@/lib/platform/clock';
import { startApiServer } from '@/tests/integration/support/api-server';
import { BENCH_ADMIN_EMAIL, BENCH_ADMIN_ID, BENCH_PARTNER_ID } from './bench-ids';
import { ownCpuMs, parentPid, processTreeCpuMs } from './proc-cpu';
import { oneRow } from '@/db/one-row';

const REQUESTS = Number.parseInt(process.env.BENCH_API_REQUESTS ?? '', 10) || 3000;
const CLIENTS = Number.parseInt(process.env.BENCH_API_CLIENTS ?? '', 10) || 16;
const PROCESSES = (process.env.BENCH_API_PROCESSES ?? '1,2')
  .split(',')
  .map((n) => Number.parseInt(n, 10))
  .filter((n) => n > 0);
const PORT = Number.parseInt(process.env.BENCH_API_PORT ?? '', 10) || 3395;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const TEMPLATE_ID = 'be4c0000-0000-4000-8000-0000000000b2';
const pct = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** Runs `total` calls of `fn(i)` from `clients` concurrent loops; returns wall seconds and each call's latency. */
async function drive(total: number, clients: number, fn: (i: number) => Promise<void>) {
  let next = 0;
  const latencies: number[] = [];
  const t = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < total; i = next++) {
        const s = performance.now();
        await fn(i);
        latencies.push(performance.now() - s);
      }
    }),
  );
  return { seconds: (performance.now() - t) / 1000, latencies };
}

/** A server process: the API's route handlers on the shared port, its own pool and pg-boss sender, as an instance has. */
async function serveApi(url: string) {
  const db = createDb(url);
  const boss = await startBoss(url);
  const server = await startApiServer(() => ({ db, clock: systemClock, jobs: senderFor(boss) }), { port: PORT });
  process.send?.('ready');
  process.on('disconnect', () => {
    void Promise.all([server.close(), boss.stop({ graceful: false, timeout: 2_000 }), db.$end()]).finally(() => process.exit(0));
  });
}

/** Starts `count` server processes and resolves once every one is listening. */
async function startServers(count: number) {
  const workers = Array.from({ length: count }, () => cluster.fork());
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          w.once('message', (m) => (m === 'ready' ? resolve() : reject(new Error(String(m)))));
          w.once('exit', (code) => reject(new Error(`an API server process exited (${code})`)));
        }),
    ),
  );
  return {
    stop: () =>
      Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.isDead()) return resolve();
              w.once('exit', () => resolve());
              w.disconnect();
            }),
        ),
      ),
  };
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run `npm run bench:api`.');
  // The bench measures acceptance, not the limiter: the bucket is far larger than the run.
  process.env.API_RATE_LIMIT_PER_SEC = '1000000';
  process.env.API_RATE_LIMIT_BURST = '1000000';
  if (cluster.isWorker) return serveApi(url);
  const db = createDb(url);
  const [{ foreign }] = await db.execute<{ foreign: number }>(
    sql`select count(*)::int as foreign from orgs where name not like 'Bench %' and name not like 'API %'`,
  );
  if (foreign > 0) throw new Error('This database holds non-bench data; use the bench database (npm run bench:api).');
  await db.execute(
    sql.raw(`truncate orgs, users, customers, customer_packages, org_relations, role_grants, subscriptions, onboarding_templates,
    provisioning_events, audit_log, api_tokens, api_rate_buckets, pstn_providers restart identity cascade`),
  );
  await db.execute(sql`drop schema if exists pgboss cascade`);
  await db.execute(
    sql`insert into orgs (id, kind, name, wholesale, country) values (${BENCH_PARTNER_ID}, 'partner', 'Bench Partner', true, 'US')`,
  );
  await db.execute(sql`insert into users (id, org_id, email) values (${BENCH_ADMIN_ID}, ${BENCH_PARTNER_ID}, ${BENCH_ADMIN_EMAIL})`);
  await db.execute(
    sql`insert into role_grants (user_id, org_id, role) values (${BENCH_ADMIN_ID}, ${BENCH_PARTNER_ID}, 'partner_full_admin'), (${BENCH_ADMIN_ID}, ${BENCH_PARTNER_ID}, 'wholesale_admin')`,
  );
  await db.execute(
    sql`insert into subscriptions (id, partner_org_id, packages) values ('Sub-BENCH', ${BENCH_PARTNER_ID}, enum_range(null::package_id))`,
  );
  await db.execute(sql`insert into pstn_providers (id, name, countries) values ('pstn-bench', 'Bench PSTN', array['US'])`);
  await db.execute(sql`insert into onboarding_templates (id, org_id, name, country, service_provider_admin_id, subscription_id, pstn_provider_id, default_language, provisioning_id)
    values (${TEMPLATE_ID}, ${BENCH_PARTNER_ID}, 'Bench template', 'US', ${BENCH_ADMIN_ID}, 'Sub-BENCH', 'pstn-bench', 'en_US', 'bench-api-provisioning-id')`);
  const token = newTokenSecret();
  await db.execute(sql`insert into api_tokens (org_id, name, token_hash, prefix, scopes, created_by)
    values (${BENCH_PARTNER_ID}, 'bench', ${hashToken(token)}, ${token.slice(0, 8)}, array['wholesale_customers_read', 'wholesale_customers_write']::api_scope[], ${BENCH_ADMIN_ID})`);

  // pg-boss's schema once, before the server processes start theirs.
  await (await startBoss(url)).stop({ graceful: false, timeout: 2_000 });
  const [{ pid: backend }] = await db.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
  const postmaster = parentPid(backend);
  console.log(
    `POST /v1/wholesale/customers × ${REQUESTS} per configuration, ${CLIENTS} clients (cores: ${os.cpus().length}, load average at start: ${load()})`,
  );

  const base = `http://127.0.0.1:${PORT}`;
  let serial = 0;
  const post = () => {
    const i = serial++;
    return fetch(`${base}/v1/wholesale/customers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        ...EXAMPLE_CREATE_CUSTOMER,
        provisioningId: 'bench-api-provisioning-id',
        externalId: `API-${i}`,
        customerInfo: { ...EXAMPLE_CREATE_CUSTOMER.customerInfo, name: `API Customer ${i}`, primaryEmail: `owner-${i}@api-bench.test` },
      }),
    });
  };
  const results: { processes: number; rate: number; run: Awaited<ReturnType<typeof drive>>; cpu: Record<string, number>; loads: string }[] =
    [];
  let allAccepted = true;
  for (const processes of PROCESSES) {
    const servers = await startServers(processes);
    // Warm-up (JIT, plans, pools of every process), not counted.
    for (let i = 0; i < 50 * processes; i++) await (await post()).arrayBuffer();
    const loadBefore = load();
    let accepted = 0;
    const statuses = new Map<number, number>();
    const own0 = ownCpuMs();
    const tree0 = processTreeCpuMs(process.pid);
    const pg0 = postmaster ? processTreeCpuMs(postmaster) : 0;
    const run = await drive(REQUESTS, CLIENTS, async () => {
      const res = await post();
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status === 202) accepted++;
    });
    const own = ownCpuMs() - own0;
    const cpu = {
      server: (processTreeCpuMs(process.pid) - tree0 - own) / REQUESTS,
      pg: postmaster ? (processTreeCpuMs(postmaster) - pg0) / REQUESTS : NaN,
      client: own / REQUESTS,
    };
    const loads = `before ${loadBefore}, after ${load()}`;
    await servers.stop();
    if (accepted !== REQUESTS) allAccepted = false;
    console.log(`  ${processes} server process(es): responses ${[...statuses].map(([s, n]) => `${s} × ${n}`).join(', ')}`);
    results.push({ processes, rate: accepted / run.seconds, run, cpu, loads });
  }

  // Bare: the rows one acceptance writes (org, customer, packages, manager, log line, audit row, queue job), plain SQL.
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const bare = await drive(REQUESTS, CLIENTS, async (i) => {
    await client.begin(async (q) => {
      const o = await oneRow(
        q`insert into orgs (kind, name, wholesale, country) values ('customer', ${`API Bare ${i}`}, true, 'US') returning id`,
        'o',
      );
      const c = await oneRow(
        q`insert into customers (org_id, partner_org_id, template_id, external_id, status, admin_email, language, creation_package, provisioning_request, created_by)
        values (${o.id}, ${BENCH_PARTNER_ID}, ${TEMPLATE_ID}, ${`BARE-${i}`}, 'provisioning', ${`bare-${i}@api-bench.test`}, 'en_US', 'webex_calling', '{"version":1}', ${BENCH_ADMIN_ID}) returning id`,
        'c',
      );
      await q`insert into customer_packages (customer_id, package, status) values (${c.id}, 'webex_calling', 'provisioning')`;
      await q`insert into org_relations (manager_org_id, managed_org_id) values (${BENCH_PARTNER_ID}, ${o.id})`;
      await q`insert into provisioning_events (customer_id, step, message) values (${c.id}, 'accepted', 'accepted')`;
      await q`insert into audit_log (org_id, actor_user_id, action, target_type, target_id, summary) values (${BENCH_PARTNER_ID}, ${BENCH_ADMIN_ID}, 'customer.create', 'customer', ${c.id}, 'bare')`;
      await q`insert into pgboss.job (name, data, singleton_key, policy) values ('customer-provision', ${q.json({ customerId: c.id })}, ${c.id}, 'stately')`;
    });
  });
  await client.end({ timeout: 5 });

  const bareRate = REQUESTS / bare.seconds;
  console.log(
    `  bare SQL (same rows, one transaction each)  ${bareRate.toFixed(0).padStart(6)} customers/s  (p50 ${pct(bare.latencies, 50).toFixed(1)} ms, p95 ${pct(bare.latencies, 95).toFixed(1)} ms)`,
  );
  for (const r of results) {
    const total = r.cpu.server + r.cpu.pg + r.cpu.client;
    console.log(
      `  API over HTTP, ${r.processes} server process(es)  ${r.rate.toFixed(0).padStart(6)} accepted/s   (p50 ${pct(r.run.latencies, 50).toFixed(1)} ms, p95 ${pct(r.run.latencies, 95).toFixed(1)} ms; ${(bareRate / r.rate).toFixed(2)}× the bare time)`,
    );
    console.log(
      `    CPU ms per request: server ${r.cpu.server.toFixed(1)}, PostgreSQL ${r.cpu.pg.toFixed(1)}, load generator ${r.cpu.client.toFixed(1)} — at most ${((os.cpus().length * 1000) / total).toFixed(0)} req/s on ${os.cpus().length} cores; load average ${r.loads}`,
    );
    console.log(
      `bench-row ${JSON.stringify({
        row: `API POST /customers accepted, ${r.processes} server process${r.processes > 1 ? 'es' : ''} (CPU ms/request: server ${r.cpu.server.toFixed(1)}, PostgreSQL ${r.cpu.pg.toFixed(1)}, client ${r.cpu.client.toFixed(1)})`,
        value: Number(r.rate.toFixed(0)),
        unit: 'req/s',
        baseline: Number(bareRate.toFixed(0)),
        target: '≥ 300 req/s',
        pass: r.rate >= 300,
      })}`,
    );
  }
  const best = results.reduce((a, b) => (b.rate > a.rate ? b : a));
  console.log(`api: ${best.rate.toFixed(0)} req/s accepted`);
  await db.$end();
  if (!allAccepted) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
