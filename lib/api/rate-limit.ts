import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';

export interface RateLimitConfig {
  perSecond: number;
  burst: number;
}

export function rateLimitConfig(e: NodeJS.ProcessEnv = process.env): RateLimitConfig {
  const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : d);
  return { perSecond: num(e.API_RATE_LIMIT_PER_SEC, 100), burst: num(e.API_RATE_LIMIT_BURST, 200) };
}

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the bucket is full again (RateLimit-Reset). */
  reset: number;
  /** Whole seconds until one request is allowed (Retry-After), when refused. */
  retryAfter: number;
}

/**
 * Token bucket per API token in PostgreSQL (SPEC §8.1), so every app instance shares it.
 * One statement refills by elapsed time and takes a token under the row lock; when the
 * bucket is empty the update doesn't match and nothing else happens.
 */
export async function takeToken(db: DbOrTx, tokenId: string, now: Date, cfg: RateLimitConfig): Promise<RateLimitResult> {
  const at = now.toISOString();
  const level = sql`least(${cfg.burst}::float8, b.tokens + greatest(0, extract(epoch from (${at}::timestamptz - b.updated_at))) * ${cfg.perSecond}::float8)`;
  const taken = await db.execute<{ tokens: number }>(sql`
    insert into api_rate_buckets as b (token_id, tokens, updated_at) values (${tokenId}, ${cfg.burst - 1}, ${at}::timestamptz)
    on conflict (token_id) do update set tokens = ${level} - 1, updated_at = greatest(b.updated_at, ${at}::timestamptz)
      where ${level} >= 1
    returning tokens`);
  const reset = (left: number) => Math.max(0, Math.ceil((cfg.burst - left) / cfg.perSecond));
  const [granted] = taken;
  if (granted) {
    const left = Number(granted.tokens);
    return { allowed: true, limit: cfg.burst, remaining: Math.max(0, Math.floor(left)), reset: reset(left), retryAfter: 0 };
  }
  const [row] = await db.execute<{ tokens: number }>(sql`select ${level} as tokens from api_rate_buckets b where token_id = ${tokenId}`);
  const left = Number(row?.tokens ?? 0);
  return {
    allowed: false,
    limit: cfg.burst,
    remaining: 0,
    reset: reset(left),
    retryAfter: Math.max(1, Math.ceil((1 - left) / cfg.perSecond)),
  };
}
