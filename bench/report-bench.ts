// SPEC §11 benchmark: the USER report for one month over a generated ledger.
//
//   npm run bench:report                        # 200,000 subscribers (default)
//   BENCH_SUBSCRIBERS=2000000 npm run bench:report
//
// Runs in its own database (ph_bench, dropped and re-created each run) on the server
// scripts/with-db.mjs provides (the embedded one, or DATABASE_URL's). Generates one
// partner with BENCH_SUBSCRIBERS subscribers over BENCH_SUBSCRIBERS/20 customers and a
// year of history (every subscriber starts some time in the past year; 20 % changed
// package once, 5 % were removed), then measures, in BENCH_ROUNDS interleaved rounds
// (default 2), each with its wall time, CPU seconds (Node and PostgreSQL) and load average:
//   - the bare aggregate SQL and the report's own query (aggregate + CSV projection), each
//     COPY'd to a client that discards the bytes — the first is SPEC §11's ratio's baseline
//     (the last line), the second a stricter one (a bench-row),
//   - the full generation (COPY → gzip → 1 MB chunks), its RSS growth (sampled peak),
// then the streamed download of the result (RSS growth while reading every chunk).
// BENCH_EXPLAIN=1 prints the aggregate's plan (EXPLAIN ANALYZE) first.
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { createDb, type Db } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { billingReports } from '@/db/schema';
import { generateReport, type GenerateOptions } from '@/jobs/handlers/generate-report';
import { periodBounds, utcDay, addDays } from '@/lib/billing/report-dates';
import { streamReportChunks } from '@/lib/billing/stream-report-chunks';
import { usageCsvQuery } from '@/lib/billing/usage-csv-sql';
import { usageQuery } from '@/lib/billing/usage-sql';
import { systemClock } from '@/lib/platform/clock';
import { ownCpuMs, parentPid, processTreeCpuMs } from './proc-cpu';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 200_000);
const CUSTOMERS = Math.max(1, Math.round(SUBSCRIBERS / 20));
const PARTNER = '0b1e0000-0000-4000-8000-0000000bec00';
const SUBSCRIPTION = 'Sub-BENCH';

const BENCH_DB = 'ph_bench';
let db: Db;
let last = { ms: NaN };
let fairBaseline = NaN;
const APP = 'COPY binary, gzip-1 chunks, EXTERNAL (the app)';

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A clean, migrated database of its own, so a bench never touches the app's data.
 * BENCH_REUSE=1 keeps the previous run's ledger (when it has the same size).
 */
async function benchDatabase(): Promise<{ db: Db; reused: boolean }> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('Run through `npm run bench:report` (it provides DATABASE_URL).');
  const admin = postgres(withDatabase(base, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    if (process.env.BENCH_REUSE === '1' && (await admin`select 1 from pg_database where datname = ${BENCH_DB}`).length) {
      const existing = createDb(withDatabase(base, BENCH_DB), { max: 6 });
      const [{ n }] = await existing.execute<{ n: number }>(sql`select count(*)::int as n from subscribers`);
      if (n === SUBSCRIBERS) {
        await runMigrations(existing);
        await existing.execute(sql`delete from billing_reports`);
        return { db: existing, reused: true };
      }
      await existing.$end();
    }
    await admin.unsafe(`drop database if exists ${BENCH_DB} with (force)`);
    await admin.unsafe(`create database ${BENCH_DB}`);
  } finally {
    await admin.end();
  }
  const created = createDb(withDatabase(base, BENCH_DB), { max: 6 });
  await runMigrations(created);
  return { db: created, reused: false };
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function timed<T>(label: string, fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await fn();
  const ms = performance.now() - t;
  console.log(`${label.padEnd(44)} ${secs(ms)}`);
  return { value, ms };
}

/** Peak RSS above the starting point while fn runs (sampled every 50 ms). */
async function rssGrowth<T>(fn: () => Promise<T>): Promise<{ value: T; growth: number; ms: number }> {
  globalThis.gc?.();
  const start = process.memoryUsage().rss;
  const t = performance.now();
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    const value = await fn();
    const ms = performance.now() - t;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, growth: peak - start, ms };
  } finally {
    clearInterval(timer);
  }
}

/** The PostgreSQL server's processes, when it runs on this machine (the postmaster: the parent of a backend). */
async function postgresPids(): Promise<{ postmaster: number } | null> {
  const [{ pid }] = await db.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
  const postmaster = parentPid(pid);
  return postmaster === null ? null : { postmaster };
}

/**
 * CPU seconds used so far by this process (every thread: gzip runs on the thread pool) and
 * by the local PostgreSQL server (every backend, plus exited ones such as parallel
 * workers, which the postmaster accounts as its children). On a loaded machine wall time
 * mostly measures the scheduler; CPU time is what the work itself costs.
 */
function cpuSeconds(pg: { postmaster: number } | null): { node: number; pg: number } {
  return { node: ownCpuMs() / 1000, pg: pg ? processTreeCpuMs(pg.postmaster) / 1000 : NaN };
}

/** The baseline: `COPY (query) TO STDOUT (FORMAT binary)` on one connection, every byte received and dropped. */
async function copyDiscard(query: string): Promise<string> {
  const conn = await db.$client.reserve();
  try {
    const stream = await conn.unsafe(`copy (${query}) to stdout (format binary)`).readable();
    let bytes = 0;
    // Events, not `for await`: with postgres.js 3.4 the async iterator leaves the
    // connection unusable after the COPY ends (the pool hangs two runs later).
    await new Promise<void>((resolve, reject) => {
      stream.on('data', (piece: Buffer) => (bytes += piece.length));
      stream.on('end', resolve);
      stream.on('error', reject);
    });
    return `${mb(bytes)} received`;
  } finally {
    conn.release();
  }
}

async function generate() {
  // The e-mail-claim triggers take one advisory lock per row (out of shared memory at this
  // size); the generated addresses are unique by construction, so they are off while loading.
  await db.execute(sql`alter table users disable trigger users_email_claim`);
  await db.execute(sql`alter table customers disable trigger customers_admin_email_claim`);
  await db.execute(
    sql`insert into orgs (id, kind, name, wholesale, country) values (${PARTNER}::uuid, 'partner', 'Bench Partner', true, 'US')`,
  );
  await db.execute(
    sql`insert into subscriptions (id, partner_org_id, packages) values (${SUBSCRIPTION}, ${PARTNER}::uuid, '{webex_calling,webex_suite,webex_voice,webex_meetings,cx_essentials,common_area_calling}')`,
  );
  await db.execute(sql`insert into orgs (id, kind, name, country, wholesale)
    select md5('bench-c' || i)::uuid, 'customer', 'Bench customer ' || i, 'US', true from generate_series(1, ${CUSTOMERS}::int) i`);
  await db.execute(sql`insert into customers (id, org_id, partner_org_id, subscription_id, external_id, status, admin_email)
    select md5('bench-cu' || i)::uuid, md5('bench-c' || i)::uuid, ${PARTNER}::uuid, ${SUBSCRIPTION}, 'EXT-' || i, 'provisioned', 'admin' || i || '@bench.test'
    from generate_series(1, ${CUSTOMERS}::int) i`);
  await db.execute(sql`insert into locations (id, org_id, name, is_headquarters, address_line1, city, postal_code, country)
    select md5('bench-l' || i)::uuid, md5('bench-c' || i)::uuid, 'Headquarters', true, '1 Main St', 'Springfield', '62701', 'US'
    from generate_series(1, ${CUSTOMERS}::int) i`);
  await db.execute(sql`insert into users (id, org_id, email)
    select md5('bench-u' || j)::uuid, md5('bench-c' || (1 + j % ${CUSTOMERS}::int))::uuid, 'u' || j || '@bench.test'
    from generate_series(1, ${SUBSCRIBERS}::int) j`);
  await db.execute(sql`select setseed(0.42)`);
  await db.execute(sql`create table bench_plan as
    select j, 1 + j % ${CUSTOMERS}::int as c,
      (array['webex_calling','webex_suite','webex_voice','webex_meetings','cx_essentials'])[1 + (j * 7) % 5]::package_id as pkg1,
      (array['webex_suite','webex_calling','webex_meetings','cx_essentials','webex_voice'])[1 + (j * 7) % 5]::package_id as pkg2,
      date_trunc('second', now() - random() * interval '365 days') as started_at,
      random() as change_frac, j % 5 = 0 as changes, j % 20 = 1 as removed
    from generate_series(1, ${SUBSCRIBERS}::int) j`);
  await db.execute(sql`insert into subscribers (id, customer_id, org_id, kind, user_id, package, location_id, status, removed_at)
    select md5('bench-s' || j)::uuid, md5('bench-cu' || c)::uuid, md5('bench-c' || c)::uuid, 'user', md5('bench-u' || j)::uuid,
      case when changes then pkg2 else pkg1 end, md5('bench-l' || c)::uuid,
      case when removed then 'removed'::subscriber_status else 'provisioned' end,
      case when removed then started_at + (now() - started_at) * change_frac end
    from bench_plan`);
  await db.execute(sql`insert into package_assignments (subscriber_id, customer_id, partner_org_id, location_id, package, started_at, ended_at)
    select md5('bench-s' || j)::uuid, md5('bench-cu' || c)::uuid, ${PARTNER}::uuid, md5('bench-l' || c)::uuid, pkg1, started_at,
      case when changes or removed then date_trunc('second', started_at + (now() - started_at) * change_frac) end
    from bench_plan`);
  await db.execute(sql`insert into package_assignments (subscriber_id, customer_id, partner_org_id, location_id, package, started_at, ended_at)
    select md5('bench-s' || j)::uuid, md5('bench-cu' || c)::uuid, ${PARTNER}::uuid, md5('bench-l' || c)::uuid, pkg2,
      date_trunc('second', started_at + (now() - started_at) * change_frac), null
    from bench_plan where changes and not removed`);
  await db.execute(sql`drop table bench_plan`);
  await db.execute(sql`alter table users enable trigger users_email_claim`);
  await db.execute(sql`alter table customers enable trigger customers_admin_email_claim`);
  await db.execute(sql`vacuum analyze`);
}

async function main() {
  const bench = await benchDatabase();
  db = bench.db;
  console.log(
    `USER report bench: ${SUBSCRIBERS.toLocaleString('en')} subscribers, ${CUSTOMERS.toLocaleString('en')} customers, one partner\n`,
  );
  if (!bench.reused) await timed('generate the ledger', generate);
  const [{ n }] = await db.execute<{ n: number }>(sql`select count(*)::int as n from package_assignments`);
  console.log(`${'ledger intervals'.padEnd(44)} ${n.toLocaleString('en')}`);

  // Last full calendar month.
  const today = utcDay(new Date());
  const end = addDays(`${today.slice(0, 7)}-01`, -1);
  const start = `${end.slice(0, 7)}-01`;
  const { from, to } = periodBounds(start, end);
  const scope = { partnerOrgId: PARTNER, from, to, fallbackSubscriptionId: SUBSCRIPTION };
  const dialect = new PgDialect();
  const aggregate = dialect.sqlToQuery(usageQuery('USER', scope).inlineParams()).sql;
  // What the generator runs (its subject is the partner itself: same name, id and fallback subscription).
  const reportSql = dialect.sqlToQuery(usageCsvQuery('USER', scope, { name: 'Bench Partner', orgId: PARTNER }).inlineParams()).sql;
  const pgPids = await postgresPids();

  if (process.env.BENCH_EXPLAIN === '1') {
    const plan = await db.$client.unsafe(`explain (analyze, timing off, serialize text) ${aggregate}`);
    console.log(plan.map((r) => String(Object.values(r)[0])).join('\n'));
  }

  // The baselines: the query's rows received by a client and thrown away, through the
  // same COPY (binary) the generator uses — the bare aggregate, and the report's own query
  // (the aggregate plus its CSV text projection). Anything the report costs beyond the
  // second is compressing and storing the CSV.
  type Run = { label: string; baseline?: 'aggregate' | 'report'; opts?: Partial<GenerateOptions>; storage?: 'extended' | 'external' };
  const baselines: Run[] = [
    { label: 'bare aggregate, COPY to /dev/null', baseline: 'aggregate' },
    { label: 'report query, COPY to /dev/null', baseline: 'report' },
  ];
  const all: Run[] = [
    { label: 'cursor, plain chunks (pglz by PG)', opts: { source: 'cursor', encoding: 'identity' }, storage: 'extended' },
    { label: 'COPY binary, plain chunks (pglz by PG)', opts: { source: 'copy', encoding: 'identity' }, storage: 'extended' },
    { label: 'COPY binary, plain chunks, EXTERNAL', opts: { source: 'copy', encoding: 'identity' }, storage: 'external' },
    { label: 'COPY binary, gzip-6 chunks, EXTERNAL', opts: { source: 'copy', encoding: 'gzip', gzipLevel: 6 }, storage: 'external' },
    {
      label: 'COPY binary, gzip-1, 4 MB chunks, EXTERNAL',
      opts: { source: 'copy', encoding: 'gzip', gzipLevel: 1, chunkBytes: 4 * 1024 * 1024 },
      storage: 'external',
    },
    { label: APP, opts: {}, storage: 'external' },
  ];
  const variants = process.env.BENCH_ALL_VARIANTS === '1' ? all : all.slice(-1);
  // Interleaved rounds (A/B/A/B): on a shared machine the load moves minute by minute, and
  // each figure below carries the load average it ran under.
  const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 2));
  const times = new Map<string, { ms: number; cpu: number }[]>();
  let report = { id: '' };
  let done = { status: '', row_count: 0, byte_size: 0, chunk_count: 0, chunk_encoding: 'identity' as 'identity' | 'gzip', stored: 0 };
  for (let round = 1; round <= rounds; round++) {
    console.log(`\nround ${round} of ${rounds}`);
    for (const v of [...baselines, ...variants]) {
      await db.execute(sql`delete from billing_reports`);
      if (v.storage) await db.execute(sql.raw(`alter table billing_report_chunks alter column data set storage ${v.storage}`));
      // Each run starts without the previous run's dirty pages to write.
      await db.execute(sql`checkpoint`);
      if (!v.baseline)
        [report] = await db
          .insert(billingReports)
          .values({ orgId: PARTNER, type: 'USER', billingStartDate: start, billingEndDate: end })
          .returning();
      const load = loadavg()[0];
      const cpu0 = cpuSeconds(pgPids);
      const run = await rssGrowth(() =>
        v.baseline
          ? copyDiscard(v.baseline === 'aggregate' ? aggregate : reportSql)
          : generateReport(db, report.id, { clock: systemClock, ...v.opts }).then((o) => `${o}`),
      );
      const cpu1 = cpuSeconds(pgPids);
      const ms = run.ms;
      const cpu = { node: cpu1.node - cpu0.node, pg: cpu1.pg - cpu0.pg };
      let what = run.value;
      if (!v.baseline) {
        [done] = await db.execute<typeof done>(sql`select status, row_count, byte_size, chunk_count, chunk_encoding,
          (select sum(pg_column_size(data))::bigint from billing_report_chunks where report_id = r.id)::float8 as stored
          from billing_reports r where id = ${report.id}`);
        what = `${done.status}: ${done.row_count.toLocaleString('en')} rows, ${mb(done.byte_size)} CSV in ${done.chunk_count} chunks, ${mb(done.stored)} stored, RSS +${mb(run.growth)}`;
      }
      const list = times.get(v.label) ?? [];
      list.push({ ms, cpu: cpu.node + cpu.pg });
      times.set(v.label, list);
      console.log(
        `  ${v.label.padEnd(46)} ${secs(ms).padStart(8)}  CPU node ${cpu.node.toFixed(1)} s + PostgreSQL ${Number.isNaN(cpu.pg) ? 'n/a' : `${cpu.pg.toFixed(1)} s`}  load ${load.toFixed(1)}→${loadavg()[0].toFixed(1)}  ${what}`,
      );
    }
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  };
  const stat = (label: string) => {
    const xs = times.get(label) ?? [];
    return { ms: median(xs.map((x) => x.ms)), cpu: median(xs.map((x) => x.cpu)) };
  };
  const agg = stat(baselines[0]!.label);
  const bare = stat(baselines[1]!.label);
  console.log(`\nmedians over ${rounds} round(s)                 wall      CPU   / aggregate (wall, CPU)  / report query (wall, CPU)`);
  for (const label of times.keys()) {
    const x = stat(label);
    console.log(
      `  ${label.padEnd(46)} ${secs(x.ms).padStart(8)} ${x.cpu.toFixed(1).padStart(6)} s   ${(x.ms / agg.ms).toFixed(2)}× ${(x.cpu / agg.cpu).toFixed(2)}×            ${(x.ms / bare.ms).toFixed(2)}× ${(x.cpu / bare.cpu).toFixed(2)}×`,
    );
  }
  const app = stat(APP);
  last = { ms: app.ms };
  fairBaseline = bare.ms;

  const dl = await rssGrowth(() =>
    timed('stream the download (read every chunk)', async () => {
      const reader = streamReportChunks(db, report.id, done.chunk_count, done.chunk_encoding).getReader();
      let bytes = 0;
      for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.length;
      return bytes;
    }),
  );
  console.log(`${'  bytes / RSS growth (peak)'.padEnd(44)} ${mb(dl.value.value)} / ${mb(dl.growth)}`);
  if (dl.value.value !== Number(done.byte_size))
    throw new Error(`the download has ${dl.value.value} bytes, the report says ${done.byte_size}`);
  // Beside SPEC §11's ratio, the stricter one: against the report's own query (the aggregate
  // and its CSV projection), COPY'd to a client that discards it — what storing the CSV adds.
  console.log(
    `bench-row ${JSON.stringify({
      row: `USER report, ${SUBSCRIBERS.toLocaleString('en')} subscribers, against the report query COPY'd (CPU ratio ${(app.cpu / bare.cpu).toFixed(2)}×)`,
      value: Number((last.ms / 1000).toFixed(2)),
      unit: 's',
      baseline: Number((fairBaseline / 1000).toFixed(2)),
    })}`,
  );
  // SPEC §11's bare SQL: the bare aggregate, COPY'd to a client that discards it.
  console.log(
    `\nreport ${SUBSCRIBERS}: ${(last.ms / 1000).toFixed(2)} s, bare SQL ${(agg.ms / 1000).toFixed(2)} s, ratio ${(last.ms / agg.ms).toFixed(2)}`,
  );
  await db.$end();
}

main().catch(async (err) => {
  console.error(err);
  await db?.$end();
  process.exit(1);
});
