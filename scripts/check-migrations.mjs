#!/usr/bin/env node
// Migration drift check (CI gate), no database needed: drizzle-kit generates against a copy of
// db/migrations; if that produces a new migration, a schema change in db/schema/* was not
// migrated. Then `drizzle-kit check` validates the committed journal and snapshots.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(root, '.data', `migration-drift-${process.pid}`);
const copy = path.join(work, 'migrations');
const kit = path.join(root, 'node_modules', '.bin', 'drizzle-kit');
// drizzle-kit asks about renames interactively; with no one to answer, don't wait forever.
const TIMEOUT_MS = 180_000;

function run(args) {
  return new Promise((resolve) => {
    const child = spawn(kit, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, signal, out });
    });
  });
}

const sqlFiles = (dir) => readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();

let failure = null;
try {
  mkdirSync(work, { recursive: true });
  cpSync(path.join(root, 'db', 'migrations'), copy, { recursive: true });
  const config = path.join(work, 'drizzle.config.mjs');
  writeFileSync(
    config,
    `export default ${JSON.stringify({ dialect: 'postgresql', schema: './db/schema/index.ts', out: path.relative(root, copy), strict: true })};\n`,
  );
  const before = sqlFiles(copy);
  const gen = await run(['generate', '--config', config, '--name', 'drift']);
  const added = sqlFiles(copy).filter((f) => !before.includes(f));
  if (gen.signal) failure = `drizzle-kit generate did not finish in ${TIMEOUT_MS / 1000} s (it waits for an answer: a column or table rename?)\n${gen.out}`;
  else if (gen.code !== 0) failure = `drizzle-kit generate failed (exit ${gen.code})\n${gen.out}`;
  else if (added.length) failure = `db/schema has changes without a migration; run \`npx drizzle-kit generate --name <branch>\`. It would add ${added.join(', ')}:\n${added.map((f) => `--- ${f}\n${readFileSync(path.join(copy, f), 'utf8')}`).join('\n')}`;
  if (!failure) {
    const check = await run(['check', '--config', path.join(root, 'drizzle.config.ts')]);
    if (check.code !== 0) failure = `drizzle-kit check found inconsistent migrations (exit ${check.code})\n${check.out}`;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (failure) {
  console.error(`[migrations] ${failure}`);
  process.exit(1);
}
console.log('[migrations] schema and migrations agree');
