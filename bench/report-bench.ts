// SPEC §11 benchmark: the USER report for one month over a generated ledger.
//
//   npm run bench:report                        # 200,000 subscribers (default)
//   BENCH_SUBSCRIBERS=2000000 npm run bench:report
//
// Runs in its own database (ph_bench, dropped and re-created each run) on the server
// scripts/with-db.mjs provides (the embedded one, or DATABASE_URL's). Generates one
// partner with BENCH_SUBSCRIBERS subscribers over BENCH_SUBSCRIBERS/20 customers and a
// year of history (every subscriber starts some time in the past year; 20 % changed
// package once, 5 % were removed), then measures:
//   - the bare aggregate SQL (EXPLAIN ANALYZE of the same query: server time only),
//   - the full generation (cursor → CSV → 1 MB chunks), its RSS growth (sampled peak),
//   - the streamed download of the result (RSS growth while reading every chunk).
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { createDb, type Db } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { billingReports } from '@/db/schema';
import { generateReport, type GenerateOptions } from '@/jobs/handlers/generate-report';
import { periodBounds, utcDay, addDays } from '@/lib/billing/report-dates';
import { streamReportChunks } from '@/lib/billing/stream-report-chunks';
import { usageQuery } from '@/lib/billing/usage-sql';
import { systemClock } from '@/lib/platform/clock';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 200_000);
const CUSTOMERS = Math.max(1, Math.round(SUBSCRIBERS / 20));
const PARTNER = '0b1e0000-0000-4000-8000-0000000bec00';
const SUBSCRIPTION = 'Sub-BENCH';
const CURSOR_ROWS = 5000;

const BENCH_DB = 'ph_bench';
let db: Db;
let last = { ms: NaN };

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
async function rssGrowth<T>(fn: () => Promise<T>): Promise<{ value: T; growth: number }> {
  globalThis.gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, growth: peak - start };
  } finally {
    clearInterval(timer);
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
  const q = new PgDialect().sqlToQuery(usageQuery('USER', { partnerOrgId: PARTNER, from, to, fallbackSubscriptionId: SUBSCRIPTION }));

  // Two baselines: the server alone (EXPLAIN ANALYZE, including turning rows into text),
  // and the same query fetched through the same cursor with the rows thrown away.
  const plan = await timed('bare SQL, server only (EXPLAIN ANALYZE)', () =>
    db.$client.unsafe(`explain (analyze, timing off, serialize text) ${q.sql}`, q.params as string[]),
  );
  const execution = Number(/Execution Time: ([\d.]+) ms/.exec(plan.value.map((r) => String(Object.values(r)[0])).join('\n'))?.[1] ?? NaN);
  console.log(`${'  server execution time'.padEnd(44)} ${secs(execution)}`);
  const fetched = await timed('bare SQL, fetched through a cursor', async () => {
    let rows = 0;
    for await (const batch of db.$client.unsafe(q.sql, q.params as string[]).cursor(CURSOR_ROWS)) rows += batch.length;
    return rows;
  });

  // The generation in each way measured for issue 13; the last one is what the app does.
  type Variant = { label: string; opts: Partial<GenerateOptions>; storage: 'extended' | 'external' };
  const all: Variant[] = [
    { label: 'cursor, plain chunks (pglz by PG)', opts: { source: 'cursor', encoding: 'identity' }, storage: 'extended' },
    { label: 'COPY binary, plain chunks (pglz by PG)', opts: { source: 'copy', encoding: 'identity' }, storage: 'extended' },
    { label: 'COPY binary, plain chunks, EXTERNAL', opts: { source: 'copy', encoding: 'identity' }, storage: 'external' },
    { label: 'cursor, gzip-1 chunks, EXTERNAL', opts: { source: 'cursor', encoding: 'gzip', gzipLevel: 1 }, storage: 'external' },
    { label: 'COPY binary, gzip-6 chunks, EXTERNAL', opts: { source: 'copy', encoding: 'gzip', gzipLevel: 6 }, storage: 'external' },
    {
      label: 'COPY binary, gzip-1, 4 MB chunks, EXTERNAL',
      opts: { source: 'copy', encoding: 'gzip', gzipLevel: 1, chunkBytes: 4 * 1024 * 1024 },
      storage: 'external',
    },
    { label: 'COPY binary, gzip-1 chunks, EXTERNAL (the app)', opts: {}, storage: 'external' },
  ];
  const variants = all.filter((v, i) => process.env.BENCH_ALL_VARIANTS === '1' || i === 0 || i === all.length - 1);
  let report = { id: '' };
  let done = { status: '', row_count: 0, byte_size: 0, chunk_count: 0, chunk_encoding: 'identity' as 'identity' | 'gzip', stored: 0 };
  for (const v of variants) {
    await db.execute(sql`delete from billing_reports`);
    await db.execute(sql.raw(`alter table billing_report_chunks alter column data set storage ${v.storage}`));
    await db.execute(sql`checkpoint`);
    [report] = await db
      .insert(billingReports)
      .values({ orgId: PARTNER, type: 'USER', billingStartDate: start, billingEndDate: end })
      .returning();
    console.log(`\n${v.label}`);
    const gen = await rssGrowth(() =>
      timed(`  generate the USER report (${start}…${end})`, () => generateReport(db, report.id, { clock: systemClock, ...v.opts })),
    );
    [done] = await db.execute<typeof done>(sql`select status, row_count, byte_size, chunk_count, chunk_encoding,
      (select sum(pg_column_size(data))::bigint from billing_report_chunks where report_id = r.id)::float8 as stored
      from billing_reports r where id = ${report.id}`);
    console.log(
      `${'  outcome'.padEnd(44)} ${gen.value.value} / ${done.status}: ${done.row_count.toLocaleString('en')} rows, ${mb(done.byte_size)} CSV in ${done.chunk_count} chunks, ${mb(done.stored)} stored`,
    );
    console.log(`${'  RSS growth (peak)'.padEnd(44)} ${mb(gen.growth)}`);
    console.log(`${'  generation / bare SQL (server only)'.padEnd(44)} ${(gen.value.ms / execution).toFixed(2)}×`);
    console.log(`${'  generation / bare SQL (fetched)'.padEnd(44)} ${(gen.value.ms / fetched.ms).toFixed(2)}×`);
    last = { ms: gen.value.ms };
  }

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
  // The bench:all summary line: the app's generation against the bare SQL (fetched).
  console.log(
    `\nreport ${SUBSCRIBERS}: ${(last.ms / 1000).toFixed(2)} s, bare SQL ${(fetched.ms / 1000).toFixed(2)} s, ratio ${(last.ms / fetched.ms).toFixed(2)}`,
  );

  const factor = 2_000_000 / SUBSCRIBERS;
  if (factor > 1)
    console.log(
      `Linear extrapolation to 2,000,000 subscribers: generation ≈ ${secs(last.ms * factor)}, bare SQL ≈ ${secs(execution * factor)} (server) / ${secs(fetched.ms * factor)} (fetched)`,
    );
  await db.$end();
}

main().catch(async (err) => {
  console.error(err);
  await db?.$end();
  process.exit(1);
});
