// `npm run bench:api` (SPEC §11): how many `POST /v1/wholesale/customers` the API accepts
// per second on this machine, through real HTTP on 127.0.0.1 and the real handler (token
// lookup, rate-limit bucket, strict body, policy, the create service, pg-boss enqueue),
// side by side with the bare cost: the same rows inserted by hand-written SQL in one
// transaction per customer, plus the same enqueue, at the same concurrency.
//
// Not measured here: provisioning throughput (customers/s through the job workers).
//
// Env: BENCH_API_REQUESTS (2000), BENCH_API_CONCURRENCY (16).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { createDb } from '@/db/client';
import { apiTokens, onboardingTemplates, orgs, pstnProviders, subscriptions, users } from '@/db/schema';
import { hashToken, newTokenSecret } from '@/lib/api-tokens/token-secret';
import { createApiHandler } from '@/lib/api/api-handler';
import { endpoints } from '@/lib/api/endpoints';
import { API_SCOPES } from '@/lib/domain/statuses';
import { PACKAGES } from '@/lib/domain/packages';
import { senderFor, startBoss } from '@/lib/platform/boss';
import { systemClock } from '@/lib/platform/clock';
import { QUEUES } from '@/lib/platform/queues';

const int = (name: string, fallback: number) => {
  const v = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

/** Runs `n` tasks with `concurrency` in flight; returns the wall time in seconds. */
async function pool(n: number, concurrency: number, task: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const t = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) await task(next++);
  }));
  return (performance.now() - t) / 1000;
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run through `npm run bench:api`.');
  const n = int('BENCH_API_REQUESTS', 2000);
  const concurrency = int('BENCH_API_CONCURRENCY', 16);
  // The bench measures the handler, not the limiter's refusals.
  process.env.API_RATE_LIMIT_PER_SEC = '1000000';
  process.env.API_RATE_LIMIT_BURST = '1000000';
  const db = createDb(url, { max: 20 });
  const boss = await startBoss(url);
  const jobs = senderFor(boss);
  const run = Date.now().toString(36);

  const [partner] = await db.insert(orgs).values({ kind: 'partner', name: `Bench API ${run}`, wholesale: true, country: 'US' }).returning();
  const subscriptionId = `Sub-bench-${run}`;
  await db.insert(subscriptions).values({ id: subscriptionId, partnerOrgId: partner.id, packages: [...PACKAGES] });
  await db.insert(pstnProviders).values({ id: 'pstn-bench', name: 'Bench PSTN', countries: ['US'] }).onConflictDoNothing();
  const [admin] = await db.insert(users).values({ orgId: partner.id, email: `bench-${run}@bench.test`, firstName: 'Bench', lastName: 'Admin' }).returning();
  const [template] = await db.insert(onboardingTemplates).values({
    orgId: partner.id, name: `Bench ${run}`, country: 'US', serviceProviderAdminId: admin.id, subscriptionId, pstnProviderId: 'pstn-bench',
    defaultLanguage: 'en_US', provisioningId: `bench-${run}`,
  }).returning();
  const secret = newTokenSecret();
  await db.insert(apiTokens).values({ orgId: partner.id, name: 'bench', tokenHash: hashToken(secret), prefix: secret.slice(0, 10), scopes: [...API_SCOPES], createdBy: admin.id });

  const handler = createApiHandler(endpoints.createCustomer, () => ({ db, clock: systemClock, jobs }));
  const log = console.log;
  console.log = () => {}; // the per-request log line is not what is measured
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const r = await handler(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) }));
    res.writeHead(r.status, Object.fromEntries(r.headers));
    res.end(Buffer.from(await r.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const body = (i: number) => JSON.stringify({
    provisioningId: template.provisioningId, packages: ['webex_calling'], externalId: `B-${run}-${i}`,
    address: { addressLine1: '1 Bench Street', city: 'Seattle', stateOrProvince: 'WA', zipOrPostalCode: '98101', country: 'US' },
    customerInfo: { name: `Bench Customer ${run} ${i}`, primaryEmail: `owner-${i}@b-${run}.test` },
    provisioningParameters: { calling: { location: { name: 'Head office', timezone: 'America/Los_Angeles', language: 'en_US' } } },
  });
  const statuses = new Map<number, number>();
  const apiSeconds = await pool(n, concurrency, async (i) => {
    const r = await fetch(`${base}/v1/wholesale/customers`, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body: body(i) });
    await r.arrayBuffer();
    statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  });
  const loadAfterApi = loadavg()[0];

  // The bare cost: the rows createCustomer writes, in one statement and transaction per customer, and the enqueue.
  const bareSeconds = await pool(n, concurrency, async (i) => {
    const [row] = await db.transaction((tx) => tx.execute<{ id: string }>(sql`
      with o as (insert into orgs (kind, name, wholesale, country) values ('customer', ${`Bare ${run} ${i}`}, true, 'US') returning id),
      c as (insert into customers (org_id, partner_org_id, template_id, external_id, status, rbpm, admin_email, created_by)
            select o.id, ${partner.id}, ${template.id}, ${`BARE-${run}-${i}`}, 'provisioning', true, ${`bare-${i}@b-${run}.test`}, ${admin.id} from o returning id, org_id),
      p as (insert into customer_packages (customer_id, package, status) select c.id, 'webex_calling', 'provisioning' from c),
      r as (insert into org_relations (manager_org_id, managed_org_id) select ${partner.id}, c.org_id from c),
      e as (insert into provisioning_events (customer_id, step, message) select c.id, 'accepted', 'bench' from c),
      a as (insert into audit_log (org_id, actor_user_id, action, target_type, target_id, summary) select ${partner.id}, ${admin.id}, 'customer.create', 'customer', c.id::text, 'bench' from c)
      select id from c`));
    await jobs.send(QUEUES.provisionCustomer, { customerId: row.id }, { singletonKey: row.id });
  });
  console.log = log;

  const accepted = statuses.get(202) ?? 0;
  const apiRate = accepted / apiSeconds;
  const bareRate = n / bareSeconds;
  console.log(`POST /v1/wholesale/customers: ${n} requests, concurrency ${concurrency}, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  console.log('| what | customers | seconds | per second |');
  console.log('|---|---|---|---|');
  console.log(`| API: POST /customers accepted (202) | ${accepted} | ${apiSeconds.toFixed(1)} | ${apiRate.toFixed(0)} |`);
  console.log(`| bare: the same inserts in SQL + enqueue | ${n} | ${bareSeconds.toFixed(1)} | ${bareRate.toFixed(0)} |`);
  console.log(`| ratio API / bare | | | ${(apiRate / bareRate).toFixed(2)} |`);
  console.log(`load average (1 min) after the API run ${loadAfterApi.toFixed(1)}, after the bare run ${loadavg()[0].toFixed(1)}; target ≥ 300 accepted/s (SPEC §11)`);

  server.close();
  await boss.stop({ graceful: false });
  await (db as unknown as { $client: { end(): Promise<void> } }).$client.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
