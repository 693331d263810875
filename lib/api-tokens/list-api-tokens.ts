import { and, desc, eq, isNull } from 'drizzle-orm';
import { apiTokens, users } from '@/db/schema';
import type { ServiceCtx } from '@/lib/platform/service-ctx';

/** The org's live (not revoked) tokens, newest first; never the secret. */
export async function listApiTokens(ctx: Pick<ServiceCtx, 'db' | 'access'>) {
  return ctx.db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      scopes: apiTokens.scopes,
      createdAt: apiTokens.createdAt,
      createdByEmail: users.email,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .where(and(eq(apiTokens.orgId, ctx.access.org.id), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}
export type ApiTokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];
