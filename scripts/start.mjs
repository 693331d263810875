#!/usr/bin/env node
// `npm start`: build when the sources are newer than the last build, then serve (`--build-only`: just build).
// Runs inside scripts/with-db.mjs, so DATABASE_URL is set (and AUTH_SECRET in demo mode).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildId = path.join(root, '.next', 'BUILD_ID');
const SOURCES = [
  'app',
  'components',
  'lib',
  'db',
  'jobs',
  'public',
  'instrumentation.ts',
  'next.config.mjs',
  'package-lock.json',
  'postcss.config.mjs',
];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

// Outside demo mode there is no generated secret: refuse to start rather than sign
// sessions with a guessable or missing key (SPEC §10).
if (!process.env.AUTH_SECRET || process.env.AUTH_SECRET.length < 32) {
  console.error('[start] AUTH_SECRET is not set (or shorter than 32 characters). Outside demo mode set your own: openssl rand -base64 32');
  process.exit(1);
}

const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const sourcesAt = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
if (process.env.SKIP_BUILD !== '1' && sourcesAt > builtAt) {
  console.log('[start] building the app (first start or sources changed)…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// `--build-only`: the test runner builds before Playwright starts the server, so that the
// server's start-up (bounded by Playwright's timeout) is never a several-minute build.
if (process.argv.includes('--build-only')) process.exit(0);

const port = process.env.PORT ?? '3000';
console.log(`[start] Partner Hub on http://localhost:${port}`);
// scripts/serve.mjs rather than `next start`: it sets the client address from the socket (see there).
// NEXT_MANUAL_SIG_HANDLE: on SIGTERM the app's own handler (jobs/start.ts) stops the workers
// and closes the pool before exiting; Next's default handler would exit first.
const child = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs')], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, NODE_ENV: 'production', PORT: port, NEXT_MANUAL_SIG_HANDLE: 'true' },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
