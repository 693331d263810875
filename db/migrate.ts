import path from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import type { Db } from './client';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db/migrations');

/** pg_advisory_lock key of the migrator ("PHMIGRAT" as an int8): one migrator per database at a time. */
export const MIGRATION_LOCK_KEY = 0x50484d4947524154n;

/**
 * Applies the pending migrations. Several instances starting at once would race (both see
 * migration N missing, both run it, one fails half-way), so the run holds a session-level
 * advisory lock: the others wait, then find nothing left to do. The lock lives on one
 * reserved connection of the pool while the migrator works on another, so the pool needs
 * at least two connections.
 */
export async function runMigrations(db: Db, migrationsFolder = MIGRATIONS_FOLDER) {
  if ((db.$client.options.max ?? 1) < 2)
    throw new Error('runMigrations needs a pool of at least 2 connections (one holds the migration lock).');
  const lock = await db.$client.reserve();
  try {
    // Poll rather than block in pg_advisory_lock: a waiting statement holds a snapshot, and
    // CREATE INDEX CONCURRENTLY in the lock holder's migration waits for every older snapshot
    // to end — the holder would wait for the waiter, which waits for the holder, through two
    // connections PostgreSQL's deadlock detector can't see as one cycle.
    while (!(await lock<{ ok: boolean }[]>`select pg_try_advisory_lock(${MIGRATION_LOCK_KEY.toString()}::bigint) as ok`)[0]?.ok) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    try {
      await applyPending(db, readMigrationFiles({ migrationsFolder }));
    } finally {
      await lock`select pg_advisory_unlock(${MIGRATION_LOCK_KEY.toString()}::bigint)`;
    }
  } finally {
    lock.release();
  }
}

/**
 * A migration that builds an index with CREATE INDEX CONCURRENTLY (or drops one so) cannot run
 * in a transaction block. By convention (checked by scripts/check-migrations.mjs) such a migration
 * holds nothing else, so it runs statement by statement outside a transaction: the table stays
 * writable while a big index builds.
 */
export const isConcurrentIndexMigration = (m: Pick<MigrationMeta, 'sql'>) => m.sql.some((stmt) => /\bindex\s+concurrently\b/i.test(stmt));

/**
 * What drizzle's migrator does (same bookkeeping table, so either can continue the other's work),
 * except that each migration commits on its own and the CONCURRENTLY ones run outside a transaction.
 */
async function applyPending(db: Db, migrations: MigrationMeta[]) {
  await db.execute(sql`create schema if not exists drizzle`);
  await db.execute(
    sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
  );
  const [last] = await db.execute<{ created_at: string }>(
    sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  );
  const record = sql`insert into drizzle.__drizzle_migrations ("hash", "created_at") values `;
  for (const m of migrations) {
    if (last && Number(last.created_at) >= m.folderMillis) continue;
    if (isConcurrentIndexMigration(m)) {
      for (const stmt of m.sql) if (stmt.trim()) await db.execute(sql.raw(stmt));
      await db.execute(sql`${record}(${m.hash}, ${m.folderMillis})`);
    } else {
      await db.transaction(async (tx) => {
        for (const stmt of m.sql) if (stmt.trim()) await tx.execute(sql.raw(stmt));
        await tx.execute(sql`${record}(${m.hash}, ${m.folderMillis})`);
      });
    }
  }
}

/** Migrations in the folder that the database has not applied yet (0 = up to date). */
export async function pendingMigrationCount(db: Db, migrationsFolder = MIGRATIONS_FOLDER): Promise<number> {
  const files = readMigrationFiles({ migrationsFolder });
  const [row] = await db
    .execute<{ last: string | null }>(
      sql`
    select max(created_at)::text as last from drizzle.__drizzle_migrations
  `,
    )
    .catch(() => [{ last: null }]);
  const last = row?.last ? Number(row.last) : -Infinity;
  return files.filter((m) => m.folderMillis > last).length;
}
