// Provisioning throughput (issue 13): BENCH_CUSTOMERS customers (2,000) waiting in the
// queue, provisioned by the real pg-boss worker (registerWorkers, as `npm start` runs it),
// timed until the last one is provisioned. Side by side: the bare cost — the same rows
// written by plain SQL statements, set-based, 100 customers per transaction, no queue.
//
//   npm run bench:provision        (its own embedded database: bench_provision)
//
// The last line is machine-readable: `provisioning: N customers/s`.
import os from 'node:os';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { createDb } from '@/db/client';
import { registerWorkers } from '@/jobs/worker';
import { startBoss, senderFor } from '@/lib/platform/boss';
import { systemClock } from '@/lib/platform/clock';
import { QUEUES } from '@/lib/platform/queues';
import { BENCH_ADMIN_EMAIL, BENCH_ADMIN_ID, BENCH_PARTNER_ID } from './bench-ids';
import { createWaitingCustomers } from './waiting-customers';

const N = Number.parseInt(process.env.BENCH_CUSTOMERS ?? '', 10) || 2000;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const TEMPLATE_ID = 'be4c0000-0000-4000-8000-0000000000b1';
const OWNER = { partnerId: BENCH_PARTNER_ID, templateId: TEMPLATE_ID, subscriptionId: 'Sub-BENCH', createdBy: BENCH_ADMIN_ID };

/** The bare cost: the rows the job writes, by plain set-based SQL, 100 customers per transaction. */
async function bareProvision(client: postgres.Sql, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 100) {
    const batch = ids.slice(i, i + 100);
    await client.begin(async (q) => {
      await q`select id from customers where id = any(${batch}::uuid[]) and status = 'provisioning' order by id for update`;
      await q`insert into locations (org_id, name, is_headquarters, address_line1, city, state_or_province, postal_code, country, language)
        select org_id, 'Headquarters', true, provisioning_request->'address'->>'addressLine1', 'Springfield', 'IL', '62701', 'US', language
        from customers where id = any(${batch}::uuid[])`;
      await q`insert into users (org_id, email) select org_id, admin_email from customers where id = any(${batch}::uuid[])`;
      await q`insert into role_grants (user_id, org_id, role) select u.id, u.org_id, 'customer_full_admin'
        from customers c join users u on u.org_id = c.org_id where c.id = any(${batch}::uuid[])`;
      await q`insert into subscribers (customer_id, org_id, kind, user_id, package, location_id, extension, status)
        select c.id, c.org_id, 'user', u.id, 'webex_calling', l.id, '1001', 'provisioned'
        from customers c join users u on u.org_id = c.org_id join locations l on l.org_id = c.org_id where c.id = any(${batch}::uuid[])`;
      await q`insert into package_assignments (subscriber_id, customer_id, partner_org_id, location_id, package, started_at)
        select s.id, s.customer_id, c.partner_org_id, s.location_id, s.package, now() from subscribers s join customers c on c.id = s.customer_id where c.id = any(${batch}::uuid[])`;
      await q`insert into org_settings (org_id, email_language, sso) select org_id, language, '{"mode":"webex"}' from customers where id = any(${batch}::uuid[])`;
      await q`update customers set subscription_id = 'Sub-BENCH', sip_domain = 'bare-' || id || '.sip.partnerhub.test', meetings_site_url = 'bare-' || id || '.webex.test',
        meetings_dial_in_code = '+1', meetings_language = 'en_US' where id = any(${batch}::uuid[])`;
      await q`update customer_packages set status = 'provisioned', updated_at = now() where customer_id = any(${batch}::uuid[]) and status <> 'provisioned'`;
      await q`insert into email_outbox (org_id, "to", subject, body, kind)
        select org_id, admin_email, 'Welcome to Webex, ' || name, 'Hello, your Webex services are ready.', 'welcome' from customers where id = any(${batch}::uuid[])`;
      await q`insert into provisioning_events (customer_id, step, message)
        select c.id, s.step, s.message from customers c cross join (values ('rpl_check', 'passed'), ('create_location', 'HQ'), ('create_admin', 'admin'),
          ('attach_subscription', 'sub'), ('sip_domain', 'sip'), ('meetings_site', 'site'), ('packages', 'pkgs'), ('welcome_email', 'mail'), ('completed', 'done')) s(step, message)
        where c.id = any(${batch}::uuid[])`;
      await q`update customers set status = 'provisioned', status_changed_at = now(), errors = '[]' where id = any(${batch}::uuid[]) and status = 'provisioning'`;
    });
  }
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run `npm run bench:provision`.');
  const db = createDb(url);
  const client = postgres(url, { max: 1, onnotice: () => {} });
  const [{ foreign }] = await db.execute<{ foreign: number }>(sql`select count(*)::int as foreign from orgs where name not like 'Bench %'`);
  if (foreign > 0) throw new Error('This database holds non-bench data; use the bench database (npm run bench:provision).');
  await db.execute(
    sql.raw(`truncate orgs, users, customers, customer_packages, subscribers, locations, org_relations, role_grants, subscriptions,
    onboarding_templates, provisioning_events, package_assignments, email_outbox, org_settings, webhook_events, webhook_deliveries restart identity cascade`),
  );
  await db.execute(sql`drop schema if exists pgboss cascade`);
  await db.execute(
    sql`insert into orgs (id, kind, name, wholesale, country) values (${BENCH_PARTNER_ID}, 'partner', 'Bench Partner', true, 'US')`,
  );
  await db.execute(sql`insert into users (id, org_id, email) values (${BENCH_ADMIN_ID}, ${BENCH_PARTNER_ID}, ${BENCH_ADMIN_EMAIL})`);
  await db.execute(
    sql`insert into subscriptions (id, partner_org_id, packages) values ('Sub-BENCH', ${BENCH_PARTNER_ID}, enum_range(null::package_id))`,
  );
  await db.execute(sql`insert into onboarding_templates (id, org_id, name, country, service_provider_admin_id, subscription_id, provisioning_id)
    values (${TEMPLATE_ID}, ${BENCH_PARTNER_ID}, 'Bench template', 'US', ${BENCH_ADMIN_ID}, 'Sub-BENCH', 'bench-provisioning-id')`);

  console.log(`Provisioning ${N} customers (cores: ${os.cpus().length}, load average at start: ${load()})`);
  const bareIds = await createWaitingCustomers(db, OWNER, 'Bare', N);
  const ids = await createWaitingCustomers(db, OWNER, 'Job', N);
  await db.execute(sql`vacuum analyze`);

  // Bare SQL first, so the worker's run doesn't leave it a warmer cache.
  let t = performance.now();
  await bareProvision(client, bareIds);
  const bareSeconds = (performance.now() - t) / 1000;
  const bareRate = N / bareSeconds;

  // The real worker: the jobs wait in the queue (as after a bulk import), then workers start.
  const boss = await startBoss(url);
  const sender = senderFor(boss);
  for (let i = 0; i < ids.length; i += 500) {
    await sender.sendMany!(
      QUEUES.provisionCustomer,
      ids.slice(i, i + 500).map((customerId) => ({ data: { customerId }, singletonKey: customerId })),
    );
  }
  const loadBefore = load();
  t = performance.now();
  await registerWorkers(boss, db, systemClock);
  let done = 0;
  const deadline = Date.now() + 30 * 60_000;
  while (Date.now() < deadline) {
    const [{ n }] = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from customers where status = 'provisioned' and name like 'Bench Job %'`,
    );
    done = n;
    if (done >= N) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - t) / 1000;
  const loadAfter = load();
  await boss.stop({ graceful: true, timeout: 10_000 });
  const [{ problems }] = await db.execute<{ problems: number }>(sql`
    select count(*)::int as problems from customers c where c.name like 'Bench Job %' and (c.status <> 'provisioned'
      or (select count(*) from subscribers s where s.customer_id = c.id) <> 1
      or (select count(*) from email_outbox e where e.org_id = c.org_id and e.kind = 'welcome') <> 1)`);
  if (problems) throw new Error(`${problems} customers not provisioned exactly once`);

  const rate = done / seconds;
  console.log(
    `  bare SQL (same rows, 100 per transaction)   ${bareRate.toFixed(0).padStart(6)} customers/s  (${bareSeconds.toFixed(1)} s)`,
  );
  console.log(
    `  real worker (pg-boss, registerWorkers)      ${rate.toFixed(0).padStart(6)} customers/s  (${seconds.toFixed(1)} s, ${done} provisioned, each checked once)`,
  );
  console.log(`  ratio worker / bare                         ${(bareRate / rate).toFixed(2)}× the bare time`);
  console.log(`  load average (1 5 15 min): before ${loadBefore}, after ${loadAfter}`);
  console.log(`provisioning: ${rate.toFixed(0)} customers/s`);
  await client.end({ timeout: 5 });
  await db.$end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
