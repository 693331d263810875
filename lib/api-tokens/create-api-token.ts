import type { z } from 'zod';
import { apiTokens } from '@/db/schema';
import { audit } from '@/lib/platform/audit';
import { ValidationError } from '@/lib/platform/errors';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import type { createTokenSchema } from './token-schema';
import { hashToken, newTokenSecret } from './token-secret';
import { oneRow } from '@/db/one-row';

const DAY_MS = 86_400_000;

/** Creates a token and returns its secret — the only time it is ever available. */
export async function createApiToken(ctx: ServiceCtx, input: z.output<typeof createTokenSchema>) {
  // Tokens act as the org itself: created on the own org only, never cross-launched.
  if (ctx.access.relation !== 'own') throw new ValidationError('API tokens are created in your own organisation.');
  const now = ctx.clock.now();
  const secret = newTokenSecret();
  const expiresAt = input.expiry === 'never' ? null : new Date(now.getTime() + Number(input.expiry) * DAY_MS);
  const row = await oneRow(
    ctx.db
      .insert(apiTokens)
      .values({
        orgId: ctx.access.org.id,
        name: input.name,
        tokenHash: hashToken(secret),
        prefix: secret.slice(0, 10),
        scopes: input.scopes,
        createdBy: ctx.access.actor.userId,
        createdAt: now,
        expiresAt,
      })
      .returning({ id: apiTokens.id }),
    'the inserted api token',
  );
  await audit(ctx.db, auditActor(ctx), {
    action: 'api_token.create',
    targetType: 'api_token',
    targetId: row.id,
    summary: `Created API token "${input.name}"`,
    after: { name: input.name, scopes: input.scopes, expiresAt: expiresAt?.toISOString() ?? null },
  });
  return { id: row.id, token: secret };
}
