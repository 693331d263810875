import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
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
export async function runMigrations(db: Db) {
  if ((db.$client.options.max ?? 1) < 2) throw new Error('runMigrations needs a pool of at least 2 connections (one holds the migration lock).');
  const lock = await db.$client.reserve();
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK_KEY.toString()}::bigint)`;
    try {
      await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await lock`select pg_advisory_unlock(${MIGRATION_LOCK_KEY.toString()}::bigint)`;
    }
  } finally {
    lock.release();
  }
}

/** Migrations in the folder that the database has not applied yet (0 = up to date). */
export async function pendingMigrationCount(db: Db): Promise<number> {
  const { readMigrationFiles } = await import('drizzle-orm/migrator');
  const files = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  const [row] = await db.execute<{ last: string | null }>(sql`
    select max(created_at)::text as last from drizzle.__drizzle_migrations
  `).catch(() => [{ last: null }]);
  const last = row?.last ? Number(row.last) : -Infinity;
  return files.filter((m) => m.folderMillis > last).length;
}
