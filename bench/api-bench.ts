// API acceptance throughput (issue 13): `POST /v1/wholesale/customers` over real HTTP on
// 127.0.0.1 with a bearer token — the API's route handlers (token, scopes, rate limit,
// validation, createCustomer, the provisioning job enqueued in pg-boss) behind node:http,
// as tests/integration/support/api-server.ts serves them. No workers run: this measures
// accepting (202), not provisioning (that is bench:provision). Side by side: the bare
// cost — the rows one acceptance writes, by plain SQL, one transaction per customer, at
// the same concurrency.
//
//   npm run bench:api        (its own embedded database: bench_api)
//   env: BENCH_API_REQUESTS (3000), BENCH_API_CLIENTS (16)
//
// The last line is machine-readable: `api: N req/s accepted`.
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
import { oneRow } from '@/db/one-row';

const REQUESTS = Number.parseInt(process.env.BENCH_API_REQUESTS ?? '', 10) || 3000;
const CLIENTS = Number.parseInt(process.env.BENCH_API_CLIENTS ?? '', 10) || 16;
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

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run `npm run bench:api`.');
  // The bench measures acceptance, not the limiter: the bucket is far larger than the run.
  process.env.API_RATE_LIMIT_PER_SEC = '1000000';
  process.env.API_RATE_LIMIT_BURST = '1000000';
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

  const boss = await startBoss(url);
  const deps = { db, clock: systemClock, jobs: senderFor(boss) };
  const server = await startApiServer(() => deps);
  console.log(
    `POST /v1/wholesale/customers × ${REQUESTS}, ${CLIENTS} clients (cores: ${os.cpus().length}, load average at start: ${load()})`,
  );

  const post = (i: number) =>
    server.call(token, 'POST', '/v1/wholesale/customers', {
      body: {
        ...EXAMPLE_CREATE_CUSTOMER,
        provisioningId: 'bench-api-provisioning-id',
        externalId: `API-${i}`,
        customerInfo: { ...EXAMPLE_CREATE_CUSTOMER.customerInfo, name: `API Customer ${i}`, primaryEmail: `owner-${i}@api-bench.test` },
      },
    });
  // Warm-up (JIT, plans, pools), not counted.
  for (let i = 0; i < 50; i++) await (await post(REQUESTS + i)).arrayBuffer();
  const loadBefore = load();
  let accepted = 0;
  const statuses = new Map<number, number>();
  const run = await drive(REQUESTS, CLIENTS, async (i) => {
    const res = await post(i);
    await res.arrayBuffer();
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (res.status === 202) accepted++;
  });
  const loadAfter = load();
  await server.close();
  await boss.stop({ graceful: false, timeout: 2_000 });

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

  const rate = accepted / run.seconds;
  const bareRate = REQUESTS / bare.seconds;
  console.log(`  responses: ${[...statuses].map(([s, n]) => `${s} × ${n}`).join(', ')}`);
  console.log(
    `  bare SQL (same rows, one transaction each)  ${bareRate.toFixed(0).padStart(6)} customers/s  (p50 ${pct(bare.latencies, 50).toFixed(1)} ms, p95 ${pct(bare.latencies, 95).toFixed(1)} ms)`,
  );
  console.log(
    `  API over HTTP (token, validation, service)  ${rate.toFixed(0).padStart(6)} accepted/s   (p50 ${pct(run.latencies, 50).toFixed(1)} ms, p95 ${pct(run.latencies, 95).toFixed(1)} ms)`,
  );
  console.log(`  ratio API / bare                            ${(bareRate / rate).toFixed(2)}× the bare time`);
  console.log(`  load average (1 5 15 min): before ${loadBefore}, after ${loadAfter}`);
  console.log(`api: ${rate.toFixed(0)} req/s accepted`);
  await db.$end();
  if (accepted !== REQUESTS) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
