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

const sqlFiles = (dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();

// Index convention: a plain CREATE INDEX locks the table against writes while it builds, which on
// the tables SPEC §11 sizes in millions is minutes of refused writes. From migration 0011 on, an
// index on one of them is built with CREATE INDEX CONCURRENTLY, in a migration of its own
// (`npx drizzle-kit generate --custom`), which db/migrate.ts runs outside a transaction. Write
// `DROP INDEX CONCURRENTLY IF EXISTS x;` before it: a failed build leaves an invalid index behind.
const BIG_TABLES = [
  'customers',
  'subscribers',
  'audit_log',
  'provisioning_events',
  'package_assignments',
  'email_outbox',
  'webhook_events',
  'webhook_deliveries',
  'webhook_attempts',
  'users',
  'role_grants',
  'orgs',
  'org_relations',
];
const FIRST_CHECKED = 11;

function indexConventionProblems(dir) {
  const problems = [];
  for (const file of sqlFiles(dir)) {
    const text = readFileSync(path.join(dir, file), 'utf8').replace(/--[^\n]*/g, '');
    const statements = text
      .split(';')
      .map((x) => x.trim())
      .filter(Boolean);
    const concurrent = statements.filter((x) => /\bindex\s+concurrently\b/i.test(x));
    if (concurrent.length && concurrent.length !== statements.length) {
      problems.push(
        `${file}: CREATE/DROP INDEX CONCURRENTLY cannot run in a transaction; put it in a migration of its own (npx drizzle-kit generate --custom).`,
      );
    }
    if (Number(file.slice(0, 4)) < FIRST_CHECKED) continue;
    const created = new Set([...text.matchAll(/create\s+table\s+(?:if\s+not\s+exists\s+)?"?([a-z_]+)"?/gi)].map((m) => m[1]));
    for (const m of text.matchAll(
      /create\s+(?:unique\s+)?index\s+(?!concurrently\b)(?:if\s+not\s+exists\s+)?"?(\w+)"?\s+on\s+(?:"public"\.)?"?([a-z_]+)"?/gi,
    )) {
      if (BIG_TABLES.includes(m[2]) && !created.has(m[2])) {
        problems.push(
          `${file}: index ${m[1]} on the large table ${m[2]} blocks writes while it builds; build it with CREATE INDEX CONCURRENTLY in its own custom migration (README "Architecture").`,
        );
      }
    }
  }
  return problems;
}

let failure = null;
const conventions = indexConventionProblems(path.join(root, 'db', 'migrations'));
if (conventions.length) failure = `index migrations break the convention:\n  ${conventions.join('\n  ')}`;
if (!failure)
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
    if (gen.signal)
      failure = `drizzle-kit generate did not finish in ${TIMEOUT_MS / 1000} s (it waits for an answer: a column or table rename?)\n${gen.out}`;
    else if (gen.code !== 0) failure = `drizzle-kit generate failed (exit ${gen.code})\n${gen.out}`;
    else if (added.length)
      failure = `db/schema has changes without a migration; run \`npx drizzle-kit generate --name <branch>\`. It would add ${added.join(', ')}:\n${added.map((f) => `--- ${f}\n${readFileSync(path.join(copy, f), 'utf8')}`).join('\n')}`;
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
