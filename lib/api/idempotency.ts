import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { apiIdempotencyKeys } from '@/db/schema';

export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
export const MAX_IDEMPOTENCY_KEY = 255;

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type IdempotencyStart =
  { kind: 'first' } | { kind: 'replay'; response: StoredResponse } | { kind: 'mismatch' } | { kind: 'in_flight' };

export const fingerprint = (method: string, path: string, body: string) =>
  createHash('sha256').update(`${method}\n${path}\n${body}`).digest('hex');

/**
 * Claims (org, key) for this request (SPEC §8.1). The primary key decides between racing
 * identical requests: exactly one inserts and runs; the others see the row — still
 * running (409) or finished (replay) — or a different request under that key (422).
 * An expired row is taken over as if absent.
 */
export async function beginIdempotent(db: DbOrTx, orgId: string, key: string, print: string, now: Date): Promise<IdempotencyStart> {
  const expiresAt = new Date(now.getTime() + IDEMPOTENCY_TTL_MS);
  const claimed = await db.execute<{ key: string }>(sql`
    insert into api_idempotency_keys as k (org_id, key, fingerprint, created_at, expires_at)
    values (${orgId}, ${key}, ${print}, ${now.toISOString()}::timestamptz, ${expiresAt.toISOString()}::timestamptz)
    on conflict (org_id, key) do update set fingerprint = excluded.fingerprint, status = null, headers = null, body = null,
      created_at = excluded.created_at, expires_at = excluded.expires_at
      where k.expires_at <= ${now.toISOString()}::timestamptz
    returning key`);
  if (claimed.length) return { kind: 'first' };
  const [row] = await db
    .select()
    .from(apiIdempotencyKeys)
    .where(and(eq(apiIdempotencyKeys.orgId, orgId), eq(apiIdempotencyKeys.key, key)));
  if (!row) return { kind: 'in_flight' }; // released by a failing first request a moment ago: let the client retry
  if (row.fingerprint !== print) return { kind: 'mismatch' };
  if (row.status === null) return { kind: 'in_flight' };
  return { kind: 'replay', response: { status: row.status, headers: row.headers ?? {}, body: row.body ?? '' } };
}

export async function finishIdempotent(db: DbOrTx, orgId: string, key: string, response: StoredResponse): Promise<void> {
  await db
    .update(apiIdempotencyKeys)
    .set({ status: response.status, headers: response.headers, body: response.body })
    .where(and(eq(apiIdempotencyKeys.orgId, orgId), eq(apiIdempotencyKeys.key, key)));
}

/** A 5xx is not a response worth keeping: the key is released so a retry runs again. */
export async function releaseIdempotent(db: DbOrTx, orgId: string, key: string): Promise<void> {
  await db
    .delete(apiIdempotencyKeys)
    .where(and(eq(apiIdempotencyKeys.orgId, orgId), eq(apiIdempotencyKeys.key, key), sql`${apiIdempotencyKeys.status} is null`));
}

/** The sweep job: rows past their 24 hours. */
export async function sweepIdempotencyKeys(db: DbOrTx, now: Date): Promise<number> {
  const gone = await db.delete(apiIdempotencyKeys).where(lt(apiIdempotencyKeys.expiresAt, now)).returning({ key: apiIdempotencyKeys.key });
  return gone.length;
}
