// Start-up safety: migrations under an advisory lock, and the readiness probe's answers.
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDb } from '@/db/client';
import { MIGRATIONS_FOLDER, pendingMigrationCount, runMigrations } from '@/db/migrate';
import { checkReadiness } from '@/lib/platform/readiness';

const base = inject('baseDatabaseUrl');
const admin = postgres(withDatabase(base, 'postgres'), { max: 1, onnotice: () => {} });
const created: string[] = [];

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** An empty database: nothing migrated yet, as on a first deployment. */
async function emptyDatabase(): Promise<string> {
  const name = `ph_t_${process.pid}_empty_${randomBytes(4).toString('hex')}`;
  await admin.unsafe(`create database ${name}`);
  created.push(name);
  return withDatabase(base, name);
}

afterAll(async () => {
  for (const name of created) await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

describe('migrations at start-up', () => {
  it('two instances migrating a fresh database at once both succeed, and every migration is applied once', async () => {
    const url = await emptyDatabase();
    // Two processes' pools, as two instances starting side by side.
    const a = createDb(url, { max: 2 });
    const b = createDb(url, { max: 2 });
    try {
      const results = await Promise.allSettled([runMigrations(a), runMigrations(b)]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
      expect(await pendingMigrationCount(a)).toBe(0);
      const rows = await a.execute<{ n: number; distinct_hashes: number }>(
        sql`select count(*)::int as n, count(distinct hash)::int as distinct_hashes from drizzle.__drizzle_migrations`,
      );
      expect(rows[0]?.n).toBe(rows[0]?.distinct_hashes);
      expect(rows[0]?.n).toBeGreaterThan(0);
    } finally {
      await a.$end();
      await b.$end();
    }
  });
});

describe('index migrations on big tables', () => {
  it('a CREATE INDEX CONCURRENTLY migration of its own is applied outside a transaction, leaves a valid index and is recorded once', async () => {
    // The real migrations plus one index migration written by the convention (README "Architecture").
    const folder = mkdtempSync(path.join(tmpdir(), 'ph-migrations-'));
    try {
      cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
      writeFileSync(
        path.join(folder, '9999_concurrent_index.sql'),
        'DROP INDEX CONCURRENTLY IF EXISTS "subscribers_probe_idx";--> statement-breakpoint\n' +
          'CREATE INDEX CONCURRENTLY "subscribers_probe_idx" ON "subscribers" USING btree ("customer_id");\n',
      );
      const journalFile = path.join(folder, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
      const lastWhen = journal.entries.at(-1).when;
      journal.entries.push({
        idx: journal.entries.length,
        version: '7',
        when: lastWhen + 1,
        tag: '9999_concurrent_index',
        breakpoints: true,
      });
      writeFileSync(journalFile, JSON.stringify(journal));

      const url = await emptyDatabase();
      const db = createDb(url, { max: 2 });
      try {
        await runMigrations(db, folder);
        const [index] = await db.execute<{ valid: boolean }>(sql`
          select i.indisvalid as valid from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname = 'subscribers_probe_idx'`);
        expect(index).toEqual({ valid: true });
        expect(await pendingMigrationCount(db, folder)).toBe(0);
        await runMigrations(db, folder); // a second start finds nothing to do
        const [{ n }] = await db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
        expect(n).toBe(journal.entries.length);
      } finally {
        await db.$end();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('GET /api/ready', () => {
  it('is not ready while migrations are pending, ready once applied, and not ready while workers should run but have not started', async () => {
    const url = await emptyDatabase();
    const db = createDb(url, { max: 2 });
    try {
      const before = await checkReadiness(db, { enabled: true, started: true });
      expect(before.ready).toBe(false);
      expect(before.checks.migrations).toMatch(/^\d+ pending$/);

      await runMigrations(db);
      expect(await checkReadiness(db, { enabled: true, started: true })).toEqual({
        ready: true,
        checks: { database: 'ok', migrations: 'ok', jobs: 'started' },
      });
      expect(await checkReadiness(db, { enabled: false, started: false })).toMatchObject({ ready: true, checks: { jobs: 'disabled' } });
      expect(await checkReadiness(db, { enabled: true, started: false })).toMatchObject({ ready: false, checks: { jobs: 'not started' } });
    } finally {
      await db.$end();
    }
  });

  it('reports an unreachable database as not ready', async () => {
    const db = createDb('postgres://nobody@127.0.0.1:1/none', { max: 1 });
    try {
      expect(await checkReadiness(db, { enabled: false, started: false })).toMatchObject({
        ready: false,
        checks: { database: 'unreachable' },
      });
    } finally {
      await db.$end();
    }
  });
});
