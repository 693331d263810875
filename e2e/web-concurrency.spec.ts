// Issue 13, "scale beyond one machine" on one machine: WEB_CONCURRENCY=2 makes one instance
// two server processes on one port (node:cluster), one per core. The production server
// (scripts/serve.mjs on this suite's build) is started here as `npm start` starts it; the
// page fetched is the root not-found page, which reads no database — what is under test is
// the processes: both serve, a dead one is replaced while the other keeps serving, SIGTERM
// stops them all, and one that cannot listen stops the instance with an error.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3210) + 40;
const BASE = `http://127.0.0.1:${PORT}`;

test.describe.configure({ mode: 'serial' });

function startServer(port: number): { child: ChildProcess; output: () => string } {
  let out = '';
  const child = spawn(process.execPath, [path.join(process.cwd(), 'scripts/serve.mjs')], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      PORT: String(port),
      WEB_CONCURRENCY: '2',
      NODE_ENV: 'production',
      NEXT_MANUAL_SIG_HANDLE: 'true',
      JOBS_ENABLED: '0',
      LOG_LEVEL: 'warn',
      // Required by the app's configuration check; the not-found page never connects.
      DATABASE_URL: 'postgres://nobody@127.0.0.1:9/unused',
      AUTH_SECRET: 'web-concurrency-test-secret-0123456789abcdef',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

/** The server processes: children of the primary (Linux /proc). */
function serverProcesses(primary: number): number[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .flatMap((p) => {
      try {
        const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return ppid === primary ? [Number(p)] : [];
      } catch {
        return []; // gone meanwhile
      }
    });
}

/** utime + stime in clock ticks: it grows only in a process that does work. */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(f[11]) + Number(f[12]);
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );

async function fetchPage(): Promise<number> {
  // A new connection per request: node:cluster deals connections, not requests, to the processes.
  // Bounded: a connection the primary dealt to a process in the instant it died is never answered.
  const res = await fetch(`${BASE}/no-such-page`, { headers: { connection: 'close' }, signal: AbortSignal.timeout(5_000) });
  await res.text();
  return res.status;
}

test('WEB_CONCURRENCY=2: two processes serve one port; a dead one is replaced; SIGTERM stops both', async () => {
  test.setTimeout(240_000);
  const { child, output } = startServer(PORT);
  try {
    await expect.poll(output, { timeout: 120_000 }).toContain(`listening on port ${PORT} (2 server processes)`);
    const first = serverProcesses(child.pid!);
    expect(first).toHaveLength(2);

    const before = first.map(cpuTicks);
    for (let round = 0; round < 10; round++) expect(await Promise.all(Array.from({ length: 4 }, fetchPage))).toEqual([404, 404, 404, 404]);
    // Both rendered pages: each one's CPU time grew.
    first.forEach((pid, i) => expect(cpuTicks(pid), `server process ${pid} did no work`).toBeGreaterThan(before[i] ?? 0));

    // One dies: the other keeps answering, and the primary starts a replacement.
    const [victim, survivor] = first as [number, number];
    process.kill(victim, 'SIGKILL');
    // (A connection dealt to the victim in the instant it died fails; the next goes to the survivor.)
    await expect.poll(() => fetchPage().catch(() => 0), { timeout: 60_000 }).toBe(404);
    await expect.poll(() => serverProcesses(child.pid!).filter((p) => p !== victim), { timeout: 120_000 }).toHaveLength(2);
    const replacement = serverProcesses(child.pid!).find((p) => p !== survivor && p !== victim);
    expect(output()).toContain(`server process ${victim} exited (SIGKILL); starting another`);
    // The replacement serves too.
    const replacementBefore = cpuTicks(replacement!);
    await expect
      .poll(
        async () => {
          await Promise.all(Array.from({ length: 4 }, fetchPage));
          return cpuTicks(replacement!) > replacementBefore;
        },
        { timeout: 60_000 },
      )
      .toBe(true);

    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(serverProcesses(child.pid!)).toEqual([]);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

test('a server process that cannot listen stops the instance with an error instead of restarting for ever', async () => {
  test.setTimeout(180_000);
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(PORT + 1, '0.0.0.0', resolve));
  const { child, output } = startServer(PORT + 1);
  try {
    const code = await exited(child);
    expect(code).not.toBe(0);
    expect(output()).toContain('a server process exited before listening');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await new Promise((r) => blocker.close(r));
  }
});
