// Whole pages over HTTP (issue 13 item 6): the production server (`next build` output,
// scripts/serve.mjs) on the §11 data set, signed in as the bench partner's admin, each page
// fetched by 1 and by BENCH_CLIENTS concurrent clients — beside a no-op Next page (the
// root not-found page: the same document render and proxy, no session, no query) under
// the same load, and with the CPU time per request (from /proc) of the server, of PostgreSQL
// and of this load generator, so the figures say how much of a page is Node rendering, how
// much is waiting — and, when the machine's cores are the limit, what the best possible
// latency is: C clients in a closed loop wait at least C × (CPU ms per request) / cores.
// Each configuration of BENCH_WEB_CONCURRENCY is a server started with that many processes
// (WEB_CONCURRENCY, scripts/serve.mjs): one, and one per core of this 2-core machine.
//
//   npx next build && npm run bench:html        (data: npm run bench:pages generates it)
//   env: BENCH_RUNS (30 per client), BENCH_CLIENTS (10), BENCH_HTML_PORT (3390),
//        BENCH_WEB_CONCURRENCY=<comma list> (1,2: server processes per run),
//        BENCH_CPU_PROF=<dir> (the server runs with node --cpu-prof; profile written at exit),
//        BENCH_ONLY=<comma list of page keys> (the no-op page always runs: it is the baseline),
//        BENCH_HTML_DIR=<a checkout with its own build> (to measure another version, before/after)
//
// Prints a table, `bench-row {…}` lines for `npm run bench`, and last one line per page,
// `html <page> <n> clients p95: N ms`.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { sql } from 'drizzle-orm';
import { createDb } from '@/db/client';
import { createSession, SESSION_MAX_AGE_S } from '@/lib/auth/sessions';
import { BENCH_ADMIN_EMAIL, BENCH_ADMIN_ID, BENCH_PARTNER_ID } from './bench-ids';
import { ownCpuMs, parentPid, processTreeCpuMs } from './proc-cpu';

const RUNS = Number.parseInt(process.env.BENCH_RUNS ?? '', 10) || 30;
const CLIENTS = Number.parseInt(process.env.BENCH_CLIENTS ?? '', 10) || 10;
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const PORT = Number.parseInt(process.env.BENCH_HTML_PORT ?? '', 10) || 3390;
const PROCESSES = (process.env.BENCH_WEB_CONCURRENCY ?? '1,2')
  .split(',')
  .map((n) => Number.parseInt(n, 10))
  .filter((n) => n > 0);
const CORES = availableParallelism();
const BASE = `http://127.0.0.1:${PORT}`;
/** The session cookie next-auth reads over plain http (its name is also the JWT salt). */
const COOKIE = 'authjs.session-token';

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0;
};

async function waitUp(server: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode})`);
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not come up in 120 s');
}

interface Page {
  key: string;
  label: string;
  path: string;
  /** Text the page must contain (a sign-in redirect or an error page must not pass for fast). */
  expect: string;
  status?: number;
  signedIn: boolean;
  target?: number;
}

async function main() {
  const url = process.env.DATABASE_URL;
  const secret = process.env.AUTH_SECRET;
  if (!url || !secret) throw new Error('DATABASE_URL / AUTH_SECRET not set: run through npm run bench:html.');
  const dir = path.resolve(process.env.BENCH_HTML_DIR ?? process.cwd());
  if (!existsSync(path.join(dir, '.next', 'BUILD_ID'))) throw new Error(`No production build in ${dir}: run \`npx next build\` first.`);
  const db = createDb(url, { max: 1 });
  const { sid, postmaster } = await (async () => {
    const [{ pid }] = await db.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
    return { sid: await createSession(db, { userId: BENCH_ADMIN_ID, userAgent: 'bench/html.ts' }), postmaster: parentPid(pid) };
  })().finally(() => db.$end());
  const jwt = await encode({
    token: { sub: BENCH_ADMIN_ID, sid, email: BENCH_ADMIN_EMAIL },
    secret,
    salt: COOKIE,
    maxAge: SESSION_MAX_AGE_S,
  });
  const cookie = `${COOKIE}=${jwt}`;
  const p = `/o/${BENCH_PARTNER_ID}`;
  const pages: Page[] = [
    {
      key: 'no-op page',
      label: 'no-op Next page (root not-found, no session)',
      path: '/bench-no-op',
      expect: 'Page not found',
      status: 404,
      signedIn: false,
    },
    {
      key: 'customer list',
      label: 'customer list, first page',
      path: `${p}/customers`,
      expect: 'Create customer',
      signedIn: true,
      target: 150,
    },
    { key: 'customer list last', label: 'customer list, Last', path: `${p}/customers?last=1`, expect: 'Create customer', signedIn: true },
    { key: 'overview', label: 'Overview', path: `${p}/overview`, expect: 'at a glance', signedIn: true, target: 100 },
    { key: 'activity', label: 'Activity, first page', path: `${p}/activity`, expect: 'Activity', signedIn: true },
  ];
  const get = async (pg: Page) => {
    const t = performance.now();
    const res = await fetch(`${BASE}${pg.path}`, { headers: pg.signedIn ? { cookie } : {}, redirect: 'manual' });
    const body = await res.text();
    const took = performance.now() - t;
    if (res.status !== (pg.status ?? 200) || !body.includes(pg.expect))
      throw new Error(
        `${pg.path}: HTTP ${res.status}, ${body.length} bytes, "${pg.expect}" ${body.includes(pg.expect) ? 'found' : 'missing'}`,
      );
    return took;
  };

  console.log(
    `load average at start (1/5/15 min): ${load()}; ${RUNS} requests per client; ${CORES} cores; server processes: ${PROCESSES.join(', ')}; the machine is shared\n`,
  );
  const rows: string[] = [];
  const finals: string[] = [];
  const benchRows: string[] = [];
  const prof = process.env.BENCH_CPU_PROF;
  for (const processes of PROCESSES) {
    const server = spawn(
      process.execPath,
      [...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : []), path.join(dir, 'scripts/serve.mjs')],
      {
        cwd: dir,
        env: {
          ...process.env,
          PORT: String(PORT),
          NODE_ENV: 'production',
          JOBS_ENABLED: '0',
          LOG_LEVEL: 'warn',
          WEB_CONCURRENCY: String(processes),
          NEXT_MANUAL_SIG_HANDLE: 'true',
        },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    const pid = server.pid!;
    const procs = processes === 1 ? '1 process' : `${processes} processes`;
    try {
      await waitUp(server);
      const noop: Record<number, number> = {};
      for (const pg of pages) {
        if (ONLY.length && pg.key !== 'no-op page' && !ONLY.some((o) => pg.key.startsWith(o))) continue;
        // Warm every server process: module loading, plans, connections.
        for (let i = 0; i < 5 * processes; i++) await get(pg);
        for (const clients of [1, CLIENTS]) {
          const lat: number[] = [];
          const cpu0 = { server: processTreeCpuMs(pid), pg: postmaster ? processTreeCpuMs(postmaster) : NaN, client: ownCpuMs() };
          const t0 = performance.now();
          await Promise.all(
            Array.from({ length: clients }, async () => {
              for (let i = 0; i < RUNS; i++) lat.push(await get(pg));
            }),
          );
          const wall = (performance.now() - t0) / 1000;
          const per = (v: number) => v / lat.length;
          const cpu = {
            server: per(processTreeCpuMs(pid) - cpu0.server),
            pg: postmaster ? per(processTreeCpuMs(postmaster) - cpu0.pg) : 0,
            client: per(ownCpuMs() - cpu0.client),
          };
          const total = cpu.server + cpu.pg + cpu.client;
          // The closed loop's floor when every core is busy: each client waits for the others' CPU too.
          const floor = (clients * total) / CORES;
          const p95 = pct(lat, 95);
          if (pg.key === 'no-op page') noop[clients] = p95;
          const base = noop[clients];
          const ratio = base && pg.key !== 'no-op page' ? `${(p95 / base).toFixed(2)}×` : '—';
          rows.push(
            `| ${pg.label} | ${procs} | ${clients} | ${(lat.length / wall).toFixed(1)} | ${pct(lat, 50).toFixed(1)} | ${p95.toFixed(1)} | ${cpu.server.toFixed(1)} / ${cpu.pg.toFixed(1)} / ${cpu.client.toFixed(1)} | ${floor.toFixed(1)} | ${ratio} | ${load()} |`,
          );
          finals.push(`html ${pg.key} ${procs} ${clients} clients p95: ${p95.toFixed(1)} ms`);
          const target = clients === CLIENTS ? pg.target : undefined;
          benchRows.push(
            `bench-row ${JSON.stringify({
              row: `HTML ${pg.label}, ${procs}, ${clients} client${clients > 1 ? 's' : ''} p95 (CPU ms/request: server ${cpu.server.toFixed(1)}, PostgreSQL ${cpu.pg.toFixed(1)}, client ${cpu.client.toFixed(1)}; load ${load()})`,
              value: Number(p95.toFixed(1)),
              unit: 'ms',
              ...(base && pg.key !== 'no-op page' ? { baseline: Number(base.toFixed(1)) } : {}),
              ...(target ? { target: `≤ ${target} ms`, pass: p95 <= target } : {}),
            })}`,
          );
        }
      }
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
    }
  }
  console.log(
    `| page (HTML) | server | clients | req/s | p50 ms | p95 ms | CPU ms / request: server / PostgreSQL / load generator | CPU floor of the mean, ms (clients × CPU ÷ ${CORES} cores) | p95 / no-op page p95 | load average (1/5/15) after |`,
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log(`\nload average at end (1/5/15 min): ${load()}`);
  for (const b of benchRows) console.log(b);
  for (const f of finals) console.log(f);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
