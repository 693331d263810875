// Scale data for the customer-list benchmark (SPEC §11): one wholesale partner with
// 100,000 customers, 10 indirect providers with some customers each, and subscribers
// (users) behind every customer — generated in SQL with generate_series, in minutes.
//
//   EMBEDDED_PG_DIR=.data/pg-bench node scripts/with-db.mjs --migrate -- node --import tsx bench/generate-customers.ts [--if-empty]
//
// Env: BENCH_CUSTOMERS (100000), BENCH_SUB_PARTNER_CUSTOMERS (500 each),
//      BENCH_USERS_PER_CUSTOMER (20 → 2,000,000 subscribers).
// It wipes the database first, so it refuses to run on one holding anything but bench data.
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { createDb, type Db } from '@/db/client';
import * as schema from '@/db/schema';
import { runMigrations } from '@/db/migrate';
import { hashPassword } from '@/lib/auth/password';
import { BENCH_ADMIN_EMAIL, BENCH_ADMIN_ID, BENCH_PARTNER_ID } from './bench-ids';
import { oneRow } from '@/db/one-row';

const int = (name: string, fallback: number) => {
  const v = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isFinite(v) && v >= 0 ? v : fallback;
};

async function step(label: string, fn: () => Promise<unknown>) {
  const t = Date.now();
  await fn();
  console.log(`  ${label.padEnd(44)} ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run through scripts/with-db.mjs (see the header of this file).');
  const customersN = int('BENCH_CUSTOMERS', 100_000);
  const perSub = int('BENCH_SUB_PARTNER_CUSTOMERS', 500);
  const usersPer = int('BENCH_USERS_PER_CUSTOMER', 20);
  const total = customersN + 10 * perSub;
  // One connection: the plan is a temp table. Migrations need their own pool of two.
  const migrator = createDb(url, { max: 2 });
  await runMigrations(migrator).finally(() => migrator.$end());
  // One connection for the whole run, never retired: the plan is a temp table, which a new
  // connection would not see (postgres.js retires connections after 30–60 min by default,
  // and a generation under a load average of 35 took longer: "relation plan does not exist").
  const client = postgres(url, { max: 1, max_lifetime: null, idle_timeout: 0, onnotice: () => {} });
  const db: Db = Object.assign(drizzle(client, { schema, casing: 'snake_case' }), { $end: () => client.end({ timeout: 5 }) });
  const started = Date.now();
  try {
    if (process.argv.includes('--if-empty') && process.env.BENCH_REGENERATE !== '1') {
      const have = await oneRow(
        db.execute<{ customers: number; audit: number; ledger: number }>(sql`
        select (select count(*)::int from customers) as customers, (select count(*)::int from audit_log) as audit, (select count(*)::int from package_assignments) as ledger`),
        'have',
      );
      if (have.customers >= customersN && have.audit > 0 && have.ledger > 0) {
        console.log(
          `Bench data present (${have.customers.toLocaleString('en')} customers): not regenerated (BENCH_REGENERATE=1 to force).`,
        );
        // Data sets generated before provisioning events were part of them get those added.
        await provisioningEvents(db, true);
        return;
      }
    }
    const [{ foreign }] = await db.execute<{ foreign: number }>(
      sql`select count(*)::int as foreign from orgs where name not like 'Bench %' and kind <> 'customer'`,
    );
    if (foreign > 0) throw new Error('This database holds non-bench data; use a separate one (EMBEDDED_PG_DIR=.data/pg-bench).');
    const hash = await hashPassword('Password123!');
    console.log(`Generating ${customersN.toLocaleString('en')} + 10 × ${perSub} customers, ${usersPer} users each…`);

    await step('wipe', () =>
      db.execute(
        sql.raw(`truncate orgs, users, customers, customer_packages, subscribers, locations, org_relations,
      role_grants, subscriptions, sub_partner_subscriptions, onboarding_templates, provisioning_events, package_assignments,
      audit_log, email_outbox, org_settings restart identity cascade`),
      ),
    );

    // Bulk inserts without row triggers or FK checks (the data is consistent by construction):
    // the e-mail-claim trigger takes one advisory lock per row, which 2 M rows in one
    // statement would exhaust. Counters kept by triggers are rebuilt at the end.
    await db.execute(sql`set session_replication_role = replica`);
    await step('partner, admin, template, 10 indirect providers', async () => {
      await db.execute(
        sql`insert into orgs (id, kind, name, wholesale, country) values (${BENCH_PARTNER_ID}, 'partner', 'Bench Partner', true, 'US')`,
      );
      await db.execute(
        sql`insert into users (id, org_id, email, first_name, last_name, password_hash) values (${BENCH_ADMIN_ID}, ${BENCH_PARTNER_ID}, ${BENCH_ADMIN_EMAIL}, 'Bench', 'Admin', ${hash})`,
      );
      await db.execute(
        sql`insert into role_grants (user_id, org_id, role) values (${BENCH_ADMIN_ID}, ${BENCH_PARTNER_ID}, 'partner_full_admin'), (${BENCH_ADMIN_ID}, ${BENCH_PARTNER_ID}, 'wholesale_admin')`,
      );
      await db.execute(
        sql`insert into subscriptions (id, partner_org_id, packages) values ('Sub-BENCH', ${BENCH_PARTNER_ID}, enum_range(null::package_id))`,
      );
      await db.execute(sql`insert into onboarding_templates (org_id, name, country, service_provider_admin_id, subscription_id, provisioning_id)
        values (${BENCH_PARTNER_ID}, 'Bench template', 'US', ${BENCH_ADMIN_ID}, 'Sub-BENCH', 'bench-provisioning-id')`);
      await db.execute(sql`insert into orgs (id, kind, name, parent_partner_id, wholesale, country, billing_start_date)
        select ('be4c0000-0000-4000-8001-' || lpad(i::text, 12, '0'))::uuid, 'sub_partner', 'Bench Indirect ' || i, ${BENCH_PARTNER_ID}, true, 'US', '2025-01-01'
        from generate_series(1, 10) i`);
      await db.execute(
        sql`insert into org_relations (manager_org_id, managed_org_id) select ${BENCH_PARTNER_ID}, id from orgs where kind = 'sub_partner'`,
      );
    });

    // n → owner, name, status… all derived from n so re-runs give the same data.
    // CREATE TABLE AS takes no bind parameters: the (numeric, constant) values are inlined.
    const lit = (v: number | string) => sql.raw(typeof v === 'number' ? String(Math.trunc(v)) : `'${v.replace(/'/g, "''")}'`);
    await step('plan (temp table)', () =>
      db.execute(sql`
      create temp table plan as
      select n,
        gen_random_uuid() as org_id,
        gen_random_uuid() as customer_id,
        case when n <= ${lit(customersN)} then ${lit(BENCH_PARTNER_ID)}::uuid
             else ('be4c0000-0000-4000-8001-' || lpad((1 + (n - ${lit(customersN)} - 1) % 10)::text, 12, '0'))::uuid end as owner_id,
        (array['Acme','Blue','Cedar','Delta','Echo','Falcon','Granite','Harbor','Iron','Jade','Kestrel','Lumen','Maple','North','Orchid',
               'Pine','Quartz','River','Summit','Tidal','Union','Vertex','Willow','Xenon','Yarrow','Zenith','Amber','Birch','Cobalt','Dune',
               'Ember','Fjord','Grove','Heron','Indigo','Juniper','Krypton','Lotus','Meadow','Nimbus'])[1 + (n * 7919) % 40]
          || ' ' || (array['Dental','Bakery','Logistics','Legal','Realty','Fitness','Clinic','Studio','Builders','Consulting','Motors','Foods'])[1 + (n * 104729) % 12]
          || ' ' || (array['LLC','Inc','Ltd','Group','Co','Partners','GmbH','Oy'])[1 + (n * 31) % 8]
          || ' ' || n as name,
        case when n % 200 = 0 then 'provisioning' when n % 200 = 1 then 'error' when n % 500 = 2 then 'pending_rpl_review'
             when n % 100 = 3 then 'provisioned_with_errors' when n % 50 = 4 then 'deprovisioned' when n % 1000 = 5 then 'suspended'
             else 'provisioned' end::customer_status as status,
        string_to_array((array['webex_calling,common_area_calling', 'webex_suite,webex_calling,common_area_calling',
               'webex_voice,webex_meetings,common_area_calling', 'webex_meetings', 'cx_essentials,webex_calling',
               'webex_calling,webex_meetings,webex_voice'])[1 + n % 6], ',') as profile,
        now() - ((${lit(total)} - n) * interval '9 minutes') - ((n * 13) % 600) * interval '1 second' as created_at
      from generate_series(1::bigint, ${lit(total)}) n`),
    );

    await step('customer orgs', () =>
      db.execute(sql`
      insert into orgs (id, kind, name, wholesale, country, created_at, updated_at)
      select org_id, 'customer', name, true, 'US', created_at, created_at from plan`),
    );
    await step('customers', () =>
      db.execute(sql`
      insert into customers (id, org_id, partner_org_id, subscription_id, external_id, status, status_changed_at, rbpm, admin_email,
        language, creation_package, created_by, created_at)
      select customer_id, org_id, owner_id, 'Sub-BENCH', 'BX-' || n, status, created_at, n % 7 <> 0, 'admin' || n || '@bench-customer.test',
        'en_US', profile[1]::package_id, case when owner_id = ${BENCH_PARTNER_ID} then ${BENCH_ADMIN_ID}::uuid end, created_at
      from plan`),
    );
    await step('customer packages', () =>
      db.execute(sql`
      insert into customer_packages (customer_id, package, status)
      select customer_id, p::package_id, 'provisioned'::package_status from plan, unnest(profile) p`),
    );
    await step('managed-by relations', () =>
      db.execute(sql`
      insert into org_relations (manager_org_id, managed_org_id)
      select owner_id, org_id from plan
      union all select ${BENCH_PARTNER_ID}::uuid, org_id from plan where owner_id <> ${BENCH_PARTNER_ID}`),
    );
    await step('HQ locations', () =>
      db.execute(sql`
      insert into locations (org_id, name, is_headquarters, address_line1, city, state_or_province, postal_code, country)
      select org_id, 'Headquarters', true, n || ' Main Street', 'Springfield', 'IL', '62701', 'US' from plan`),
    );
    if (usersPer > 0) {
      await step(`users (${(total * usersPer).toLocaleString('en')})`, () =>
        db.execute(sql`
        insert into users (id, org_id, email, first_name, last_name, created_at, updated_at)
        select gen_random_uuid(), p.org_id, 'u' || k || '.' || p.n || '@bench-customer.test', 'User', k::text, p.created_at, p.created_at
        from plan p, generate_series(1, ${usersPer}) k`),
      );
      await step('subscribers', () =>
        db.execute(sql`
        insert into subscribers (customer_id, org_id, kind, user_id, package, location_id, extension, status, created_at, last_status_change_at, removed_at)
        select c.id, u.org_id, 'user', u.id, c.creation_package, l.id, (1000 + u.last_name::int)::text,
          case when u.last_name::int % 10 = 0 then 'removed' else 'provisioned' end::subscriber_status,
          u.created_at, u.created_at, case when u.last_name::int % 10 = 0 then u.created_at + interval '30 days' end
        from users u join customers c on c.org_id = u.org_id join locations l on l.org_id = u.org_id and l.is_headquarters
        where u.email like '%@bench-customer.test'`),
      );
    }
    if (usersPer > 0) {
      // The billing ledger: one interval per subscriber from its creation, closed when it
      // was removed (≈ 90 % open: the 1.89 M open rows Overview and Analytics read).
      await step('ledger intervals', () =>
        db.execute(sql`
        insert into package_assignments (subscriber_id, customer_id, partner_org_id, location_id, package, started_at, ended_at)
        select s.id, s.customer_id, c.partner_org_id, s.location_id, s.package, s.created_at, s.removed_at
        from subscribers s join customers c on c.id = s.customer_id`),
      );
    }
    // The audit log (≈ 900k rows at the default scale): per customer 8–9 entries, some on the
    // owner's own org, the rest made by the owner's admin cross-launched into the customer
    // (actor_org_id = owner), so an owner's Activity reads both branches of its scope.
    await step('audit log', () =>
      db.execute(sql`
      insert into audit_log (at, org_id, actor_user_id, actor_org_id, action, target_type, target_id, summary)
      select p.created_at + k * interval '37 minutes',
        case when k in (1, 2, 8, 9) then p.owner_id else p.org_id end,
        case when k = 2 then null when p.owner_id = ${lit(BENCH_PARTNER_ID)}::uuid then ${lit(BENCH_ADMIN_ID)}::uuid end,
        case when k = 2 then null else p.owner_id end,
        (array['customer.create','email.sent','subscriber.create','user.update','subscriber.package.change','location.create',
               'subscriber.number.update','customer.update','customer.rbpm.update'])[k],
        case when k in (1, 8, 9) then 'customer' when k = 2 then 'email' when k = 6 then 'location' else 'subscriber' end,
        p.customer_id::text,
        (array['Created customer ','Sent e-mail for ','Added a user to ','Renamed a user of ','Changed a package of ','Added a location to ',
               'Changed a number of ','Updated ','Changed RBPM of '])[k] || p.name
      from plan p, generate_series(1, 9) k
      where k < 9 or p.n % 5 < 3`),
    );
    await db.execute(sql`set session_replication_role = origin`);
    // The ledger summaries (Overview, Analytics) are kept by ledger triggers, which were off above.
    await provisioningEvents(db, false);
    await step('seat counters', () => db.execute(sql`select rebuild_ledger_summaries(), rebuild_customer_months()`));
    await step('vacuum analyze', () => db.execute(sql`vacuum analyze`));
    const counts = await oneRow(
      db.execute<{ customers: number; subscribers: number; ledger: number; audit: number }>(sql`
      select (select count(*)::int from customers) as customers, (select count(*)::int from subscribers) as subscribers,
        (select count(*)::int from package_assignments) as ledger, (select count(*)::int from audit_log) as audit`),
      'counts',
    );
    console.log(
      `Done in ${((Date.now() - started) / 1000).toFixed(0)} s: ${counts.customers.toLocaleString('en')} customers, ${counts.subscribers.toLocaleString('en')} subscribers, ` +
        `${counts.ledger.toLocaleString('en')} ledger intervals, ${counts.audit.toLocaleString('en')} audit entries.`,
    );
  } finally {
    await db.$end();
  }
}

/**
 * The provisioning log (≈ 300k rows): per customer the restricted-party check, then 'completed'
 * 20 s – 15 min later (sub-second durations, so the Analytics median has ~100k distinct values)
 * or an error step. Inserted with the triggers on: they keep customers.provisioned_at.
 */
async function provisioningEvents(db: Db, onlyIfEmpty: boolean) {
  if (onlyIfEmpty) {
    const [{ n }] = await db.execute<{ n: number }>(sql`select count(*)::int as n from (select 1 from provisioning_events limit 1) x`);
    if (n > 0) return;
  }
  await step('provisioning events', () =>
    db.execute(sql`
      insert into provisioning_events (customer_id, at, step, level, message)
      select c.id, c.created_at + e.after * interval '1 second', e.step, e.level, e.message
      from customers c, lateral (values
        ('rpl_check', 'info', 'Restricted-party check passed', 1.0),
        (case when c.status = 'error' then 'create_admin' else 'completed' end,
         case when c.status = 'error' then 'error' else 'info' end,
         case when c.status = 'error' then 'Administrator could not be created' else 'Provisioning completed' end,
         20 + (abs(hashtext(c.id::text)) % 880000) / 1000.0)
      ) e(step, level, message, after)
      where c.status <> 'provisioning'`),
  );
}

main().catch((err) => {
  console.error(err instanceof Error ? `${err.message.split('\n')[0]} ${String((err.cause as Error | undefined)?.message ?? '')}` : err);
  process.exit(1);
});
