import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { apiTokens } from '@/db/schema';
import { isUuid } from '@/lib/auth/access';
import { audit } from '@/lib/platform/audit';
import { NotFoundError } from '@/lib/platform/errors';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import type { tokenIdSchema } from './token-schema';

/** Revokes at once: every API call looks the token up, so the next one answers 401. */
export async function revokeApiToken(ctx: ServiceCtx, input: z.output<typeof tokenIdSchema>) {
  if (!isUuid(input.tokenId)) throw new NotFoundError('Token not found.');
  const [row] = await ctx.db
    .update(apiTokens)
    .set({ revokedAt: ctx.clock.now() })
    .where(and(eq(apiTokens.id, input.tokenId), eq(apiTokens.orgId, ctx.access.org.id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, name: apiTokens.name });
  if (!row) throw new NotFoundError('Token not found.');
  await audit(ctx.db, auditActor(ctx), {
    action: 'api_token.revoke',
    targetType: 'api_token',
    targetId: row.id,
    summary: `Revoked API token "${row.name}"`,
  });
  return { id: row.id };
}
