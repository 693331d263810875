// EXPLAIN ANALYZE and timings of the customer list's real queries (SPEC §11: p95 ≤ 30 ms,
// ≤ 1.5× the bare SQL) on the data of bench/generate-customers.ts.
//
//   EMBEDDED_PG_DIR=.data/pg-bench node scripts/with-db.mjs -- node --import tsx bench/explain-customer-list.ts
//
// For each scenario: the plans of the page query and the count query, then N timed runs
// of listPartnerCustomers (the service the page calls) and of the same SQL sent bare.
import { createDb } from '@/db/client';
import { loadActor, resolveAccess, type OrgAccess } from '@/lib/auth/access';
import { parseCustomerListParams, type CustomerListParams } from '@/lib/customers/customer-list-params';
import { customerListQueries, listPartnerCustomers } from '@/lib/customers/list-partner-customers';
import type { RawSearchParams } from '@/lib/paging/search-params';
import { BENCH_ADMIN_ID, BENCH_PARTNER_ID } from './bench-ids';

const RUNS = Number.parseInt(process.env.BENCH_RUNS ?? '60', 10);
const VERBOSE = process.env.BENCH_PLANS !== '0';

const SCENARIOS: { label: string; sp: RawSearchParams }[] = [
  { label: 'default page (newest first)', sp: {} },
  { label: "name search 'acme'", sp: { q: 'acme' } },
  { label: 'status filter (error)', sp: { status: 'error' } },
  { label: 'status filter (provisioned)', sp: { status: 'provisioned' } },
  { label: 'package filter (webex_suite)', sp: { package: 'webex_suite' } },
  { label: 'sort by name', sp: { sort: 'name' } },
  { label: "search 'acme' + package + sort by name", sp: { q: 'acme', package: 'webex_calling', sort: 'name' } },
  { label: 'external ID exact', sp: { q: 'BX-4242' } },
  { label: 'page 40, sort by status', sp: { sort: 'status', page: '40' } },
  { label: "indirect providers' customers 'acme'", sp: { q: 'acme', scope: 'indirect' } },
  { label: 'middle page (2,000), newest first', sp: { page: '2000' } },
  { label: 'last page (4,000), newest first', sp: { page: '4000' } },
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

async function ms(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** Runs a and b alternately, so load from other processes on a shared machine hits both alike. */
async function timePair(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number[], number[]]> {
  for (let i = 0; i < 5; i++) await Promise.all([a(), b()].map((p) => p.catch(() => {}))); // warm caches and plans
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    ta.push(await ms(a));
    tb.push(await ms(b));
  }
  return [ta, tb];
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run through scripts/with-db.mjs (see the header of this file).');
  const db = createDb(url, { max: 4 });
  try {
    const actor = await loadActor(db, BENCH_ADMIN_ID);
    const access = actor && (await resolveAccess(db, actor, BENCH_PARTNER_ID));
    if (!access) throw new Error('No bench data: run bench/generate-customers.ts first.');
    const [{ n }] = await db.$client<{ n: number }[]>`select count(*)::int as n from customers`;
    console.log(`customers in the database: ${n.toLocaleString('en')}; ${RUNS} timed runs per scenario\n`);

    const summary: string[] = [];
    for (const s of SCENARIOS) {
      const params: CustomerListParams = parseCustomerListParams(s.sp);
      const q = await customerListQueries(db, access as OrgAccess, params);
      const result = await listPartnerCustomers(db, access as OrgAccess, params);
      // The statements the service runs: deep pages are read from the nearer end, given the total.
      const page = q.rows(q.deep ? result.total : undefined).toSQL();
      const count = q.count.toSQL();
      if (VERBOSE) {
        console.log(`=== ${s.label} ===`);
        for (const [name, query] of [['page', page], ['count', count]] as const) {
          const plan = await db.$client.unsafe<{ 'QUERY PLAN': string }[]>(`explain (analyze, buffers) ${query.sql}`, query.params as never[]);
          console.log(`-- ${name} query\n${plan.map((r) => r['QUERY PLAN']).join('\n')}\n`);
        }
      }
      // The service the page calls vs. the same two statements sent bare, as the service sends them.
      const [service, bare] = await timePair(
        () => listPartnerCustomers(db, access as OrgAccess, params),
        q.deep
          ? async () => { await db.$client.unsafe(count.sql, count.params as never[]); await db.$client.unsafe(page.sql, page.params as never[]); }
          : () => Promise.all([db.$client.unsafe(page.sql, page.params as never[]), db.$client.unsafe(count.sql, count.params as never[])]),
      );
      summary.push(
        `| ${s.label} | ${result.total.toLocaleString('en')} | ${pct(service, 50).toFixed(1)} | ${pct(service, 95).toFixed(1)} | ${pct(bare, 50).toFixed(1)} | ${pct(bare, 95).toFixed(1)} | ${(pct(service, 50) / pct(bare, 50)).toFixed(2)}× |`,
      );
    }
    console.log('| scenario | matches | service p50 ms | service p95 ms | bare SQL p50 ms | bare SQL p95 ms | service / bare (p50) |');
    console.log('|---|---|---|---|---|---|---|');
    for (const line of summary) console.log(line);
  } finally {
    await db.$end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
