// Page data at the SPEC §11 scale (bench/generate-customers.ts): each page's service call
// — what the page awaits — timed against the same SQL sent bare, with the ratio and the
// load average. Ends with one machine-readable line per page: `<page> p95: N ms`.
//
//   npm run bench:pages            (generates the data first if the database has none)
//
// Bare SQL: the statements the service sent (captured with postgres.js `debug`) replayed
// on a plain connection — those sent in the same tick together, the rest in order — so
// the ratio is the cost of the service layer (drizzle, mapping, the JS around it).
// Env: BENCH_RUNS (40), BENCH_CLIENTS (10, for the concurrent Overview), BENCH_ONLY (a
// comma list of scenario prefixes, e.g. "list" for bench:customers).
import { loadavg } from 'node:os';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from '@/db/schema';
import type { Db } from '@/db/client';
import { listActivity, type ActivityFilters } from '@/lib/activity/list-activity';
import { getPartnerAnalytics } from '@/lib/analytics/get-partner-analytics';
import { loadActor, resolveAccess, type OrgAccess } from '@/lib/auth/access';
import type { Capability } from '@/lib/auth/permissions';
import { decide } from '@/lib/auth/policy';
import { parseCustomerListParams } from '@/lib/customers/customer-list-params';
import { listPartnerCustomers } from '@/lib/customers/list-partner-customers';
import { getPartnerOverview } from '@/lib/overview/get-partner-overview';
import { BENCH_ADMIN_ID, BENCH_PARTNER_ID } from './bench-ids';
import { oneRow } from '@/db/one-row';

const RUNS = Number.parseInt(process.env.BENCH_RUNS ?? '40', 10);
const CLIENTS = Number.parseInt(process.env.BENCH_CLIENTS ?? '10', 10);
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);

interface Sent {
  query: string;
  params: unknown[];
  at: number;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

async function ms(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** Statements sent within 0.5 ms of each other went out together (Promise.all). */
function groups(sent: Sent[]): Sent[][] {
  const out: Sent[][] = [];
  for (const s of sent) {
    const g = out[out.length - 1];
    if (g && s.at - g[g.length - 1].at < 0.5) g.push(s);
    else out.push([s]);
  }
  return out;
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run through npm run bench:pages.');
  let recording: Sent[] | null = null;
  const client = postgres(url, {
    max: CLIENTS,
    onnotice: () => {},
    debug: (_conn, query, params) => {
      recording?.push({ query, params: params as unknown[], at: performance.now() });
    },
  });
  const db = Object.assign(drizzle(client, { schema, casing: 'snake_case' }), { $end: () => client.end({ timeout: 5 }) }) as unknown as Db;
  const bare = postgres(url, { max: CLIENTS, onnotice: () => {} });
  const capture = async (fn: () => Promise<unknown>) => {
    recording = [];
    await fn();
    const sent = recording;
    recording = null;
    return groups(sent);
  };
  const replay = async (gs: Sent[][]) => {
    for (const g of gs) await Promise.all(g.map((s) => bare.unsafe(s.query, s.params as never[], { prepare: true })));
  };

  try {
    const actor = await loadActor(db, BENCH_ADMIN_ID);
    const resolved = (actor && (await resolveAccess(db, actor, BENCH_PARTNER_ID))) as OrgAccess | null;
    if (!resolved) throw new Error('No bench data: run bench/generate-customers.ts first.');
    // What gatePage hands the page: the access with the capability's reach. Without it a
    // service reads the actor as a sales admin (own customers only: fail closed), which
    // measured the wrong paths (created_by scans) before this was added.
    const gated = (capability: Capability): OrgAccess => {
      const d = decide(resolved, capability);
      if (!d.allowed) throw new Error(`The bench admin lacks ${capability}.`);
      return { ...resolved, reach: d.reach };
    };
    const access = gated('customers.read');
    const activityAccess = gated('activity.read');
    const overviewAccess = gated('org.read');
    const sizes = await oneRow(
      bare<{ customers: number; subscribers: number; ledger: number; open: number; audit: number }[]>`
      select (select count(*)::int from customers) as customers, (select count(*)::int from subscribers) as subscribers,
        (select count(*)::int from package_assignments) as ledger, (select count(*)::int from package_assignments where ended_at is null) as open,
        (select count(*)::int from audit_log) as audit`,
      'sizes',
    );
    console.log(
      `data: ${sizes.customers.toLocaleString('en')} customers, ${sizes.subscribers.toLocaleString('en')} subscribers, ` +
        `${sizes.ledger.toLocaleString('en')} ledger intervals (${sizes.open.toLocaleString('en')} open), ${sizes.audit.toLocaleString('en')} audit entries`,
    );
    console.log(
      `load average at start (1/5/15 min): ${load()}; ${RUNS} timed runs per scenario; the machine is shared with other builds\n`,
    );

    // An Activity cursor ~20,000 entries down, as if Older had been pressed 400 times.
    const deep = await oneRow(
      bare<{ id: string }[]>`select id from audit_log where org_id = ${BENCH_PARTNER_ID} order by at desc, id desc offset 20000 limit 1`,
      'deep',
    );
    // A keyset Next from page 1,999 of the list (the middle of 4,000).
    const page1999 = await listPartnerCustomers(db, access, parseCustomerListParams({ page: '1999' }));
    const none: ActivityFilters = { action: '', actor: '', from: '', to: '' };
    const list = (sp: Record<string, string>) => () => listPartnerCustomers(db, access, parseCustomerListParams(sp));
    const now = new Date();

    const scenarios: { key: string; label: string; fn: () => Promise<unknown> }[] = [
      { key: 'list first page', label: 'customer list, first page', fn: list({}) },
      { key: 'list search', label: "customer list, search 'acme'", fn: list({ q: 'acme' }) },
      { key: 'list status filter', label: 'customer list, status filter (error)', fn: list({ status: 'error' }) },
      { key: 'list sort by name', label: 'customer list, sort by name', fn: list({ sort: 'name' }) },
      {
        key: 'list middle page',
        label: 'customer list, middle page 2,000 by Next (keyset)',
        fn: list({ page: '2000', after: page1999.nextCursor! }),
      },
      { key: 'list middle page by number', label: 'customer list, ?page=2000 typed in (exact count + offset)', fn: list({ page: '2000' }) },
      { key: 'list last page', label: 'customer list, Last (exact count + read from the end)', fn: list({ last: '1' }) },
      { key: 'activity', label: 'Activity, first page', fn: () => listActivity(db, activityAccess, none) },
      {
        key: 'activity older page',
        label: 'Activity, 400 pages down (keyset)',
        fn: () => listActivity(db, activityAccess, none, { after: Number(deep.id) }),
      },
      {
        key: 'activity action filter',
        label: 'Activity, action = customer.create',
        fn: () => listActivity(db, activityAccess, { ...none, action: 'customer.create' }),
      },
      {
        key: 'activity actor filter',
        label: 'Activity, actor e-mail contains "full.admin@bench"',
        fn: () => listActivity(db, activityAccess, { ...none, actor: 'full.admin@bench' }),
      },
      {
        key: 'activity date filter',
        label: 'Activity, one day',
        fn: () => listActivity(db, activityAccess, { ...none, from: isoDay(now, -60), to: isoDay(now, -60) }),
      },
      { key: 'overview', label: 'Overview', fn: () => getPartnerOverview(db, overviewAccess) },
      {
        key: 'analytics 12 months',
        label: 'Analytics, 12 months (all queries)',
        fn: () => getPartnerAnalytics(db, BENCH_PARTNER_ID, now, 12),
      },
    ];

    const rows: string[] = [];
    const finals: string[] = [];
    for (const s of scenarios) {
      if (ONLY.length && !ONLY.some((o) => s.key.startsWith(o))) continue;
      for (let i = 0; i < 3; i++) await s.fn(); // warm caches and plans
      const statements = await capture(s.fn);
      const ts: number[] = [];
      const tb: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        ts.push(await ms(s.fn));
        tb.push(await ms(() => replay(statements)));
      }
      const n = statements.reduce((a, g) => a + g.length, 0);
      rows.push(
        `| ${s.label} | ${n} | ${pct(ts, 50).toFixed(1)} | ${pct(ts, 95).toFixed(1)} | ${pct(tb, 50).toFixed(1)} | ${pct(tb, 95).toFixed(1)} | ${(pct(ts, 50) / pct(tb, 50)).toFixed(2)}× |`,
      );
      finals.push(`${s.key} p95: ${pct(ts, 95).toFixed(1)} ms`);
      if (s.key === 'analytics 12 months') {
        // Each Analytics statement on its own (SPEC-derived target: each ≤ 100 ms p95).
        const each = statements.flat();
        for (const [i, st] of each.entries()) {
          const t: number[] = [];
          for (let r = 0; r < Math.max(10, Math.floor(RUNS / 2)); r++)
            t.push(await ms(() => bare.unsafe(st.query, st.params as never[], { prepare: true })));
          const name = analyticsName(st.query, i);
          rows.push(`| Analytics query: ${name} | 1 | — | — | ${pct(t, 50).toFixed(1)} | ${pct(t, 95).toFixed(1)} | — |`);
          finals.push(`analytics ${name} p95: ${pct(t, 95).toFixed(1)} ms`);
        }
      }
    }

    if (!ONLY.length || ONLY.some((o) => 'overview'.startsWith(o))) {
      // Overview with CLIENTS concurrent clients, each running RUNS views back to back.
      const lat: number[] = [];
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          for (let i = 0; i < RUNS; i++) lat.push(await ms(() => getPartnerOverview(db, overviewAccess)));
        }),
      );
      const rps = (CLIENTS * RUNS) / ((performance.now() - t0) / 1000);
      rows.push(
        `| Overview, ${CLIENTS} concurrent clients (${rps.toFixed(0)} views/s) | — | ${pct(lat, 50).toFixed(1)} | ${pct(lat, 95).toFixed(1)} | — | — | — |`,
      );
      finals.push(`overview ${CLIENTS} clients p95: ${pct(lat, 95).toFixed(1)} ms`);
    }

    console.log('| page data | statements | service p50 ms | service p95 ms | bare SQL p50 ms | bare SQL p95 ms | service / bare (p50) |');
    console.log('|---|---|---|---|---|---|---|');
    for (const r of rows) console.log(r);
    console.log(`\nload average at end (1/5/15 min): ${load()}`);
    for (const f of finals) console.log(f);
  } finally {
    await bare.end({ timeout: 5 });
    await client.end({ timeout: 5 });
  }
}

function isoDay(now: Date, days: number) {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

function analyticsName(query: string, i: number): string {
  if (query.includes('from partner_provisioning_seconds')) return 'provisioned per month + provisioning-time histogram';
  if (query.includes('floor(extract(epoch')) return 'median provisioning time (its bucket only)';
  if (query.includes("filter (where status = 'error')")) return 'new customers and failures by month';
  if (query.includes('partner_customer_month_deltas where id in')) return 'customer summary fold';
  if (query.includes('greatest(to_char(created_month')) return 'customers by status by month';
  if (query.includes('partner_seat_month_deltas where id in')) return 'seat summary fold';
  if (query.includes('greatest(to_char(month')) return 'seats by package by month';
  if (query.includes('customer_open_seats')) return 'top customers';
  return `query ${i + 1}`;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
