import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { apiTokens } from '@/db/schema';
import { hashToken, TOKEN_PREFIX } from '@/lib/api-tokens/token-secret';
import type { ApiScope } from '@/lib/domain/statuses';
import { UnauthenticatedError } from '@/lib/platform/errors';

export interface ApiToken {
  id: string;
  orgId: string;
  name: string;
  scopes: ApiScope[];
  createdBy: string | null;
}

/**
 * The bearer token of a request, looked up by its hash on every call — no cache, so a
 * revoke or an expiry answers 401 on the very next call (SPEC §8.1). last_used_at is
 * written at most once a minute per token, so a busy token doesn't serialise on its row.
 */
export async function authenticateToken(db: DbOrTx, authorization: string | null, now: Date): Promise<ApiToken> {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  const presented = m?.[1];
  if (!presented?.startsWith(TOKEN_PREFIX)) throw new UnauthenticatedError('Send a valid API token as "Authorization: Bearer phk_…".');
  const [row] = await db
    .select({
      id: apiTokens.id,
      orgId: apiTokens.orgId,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      createdBy: apiTokens.createdBy,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, hashToken(presented)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), sql`${apiTokens.expiresAt} > ${now.toISOString()}`),
      ),
    );
  if (!row) throw new UnauthenticatedError('This API token is unknown, revoked or expired.');
  if (!row.lastUsedAt || row.lastUsedAt.getTime() < now.getTime() - 60_000) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - 60_000)))));
  }
  return { id: row.id, orgId: row.orgId, name: row.name, scopes: row.scopes, createdBy: row.createdBy };
}
