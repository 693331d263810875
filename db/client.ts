import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export function createDb(url: string, options: { max?: number } = {}) {
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  return Object.assign(drizzle(client, { schema, casing: 'snake_case' }), { $end: () => client.end({ timeout: 5 }) });
}

export type Db = ReturnType<typeof createDb>;
/** A Db or an open transaction: services accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

// One pool per process, created on first use so importing needs no database
// (next build) and survives dev hot reloads.
declare global {
  var __partnerHubDb: Db | undefined;
}

export function getDb(): Db {
  if (!globalThis.__partnerHubDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set');
    globalThis.__partnerHubDb = createDb(url);
  }
  return globalThis.__partnerHubDb;
}

/** Closes this process's pool, if one was opened (graceful shutdown). Running queries finish first, for up to 5 s. */
export async function closeDb(): Promise<void> {
  const db = globalThis.__partnerHubDb;
  globalThis.__partnerHubDb = undefined;
  await db?.$end();
}
