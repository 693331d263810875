import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { webhookEndpoints } from '@/db/schema';
import { audit } from '@/lib/platform/audit';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import type { endpointIdSchema } from './endpoint-schema';
import { getWebhookEndpointOrThrow } from './get-webhook-endpoint-or-throw';
import { encryptSecret, generateSigningSecret } from './signing-secret';

export const SECRET_OVERLAP_MS = 24 * 60 * 60 * 1000;

/**
 * A new signing secret, shown once. For 24 hours every delivery carries two signatures
 * (new and old, as Standard Webhooks allows), so the receiver can switch at its pace.
 */
export async function rotateWebhookSecret(ctx: ServiceCtx, input: z.output<typeof endpointIdSchema>) {
  const e = await getWebhookEndpointOrThrow(ctx.db, ctx.access, input.endpointId, { forUpdate: true });
  const now = ctx.clock.now();
  const secret = generateSigningSecret();
  const previousSecretExpiresAt = new Date(now.getTime() + SECRET_OVERLAP_MS);
  await ctx.db
    .update(webhookEndpoints)
    .set({ secretEncrypted: encryptSecret(secret), previousSecretEncrypted: e.secretEncrypted, previousSecretExpiresAt, updatedAt: now })
    .where(eq(webhookEndpoints.id, e.id));
  await audit(ctx.db, auditActor(ctx), {
    action: 'webhook.secret.rotate',
    targetType: 'webhook_endpoint',
    targetId: e.id,
    summary: `Rotated the signing secret of ${e.url}`,
    after: { previousSecretExpiresAt: previousSecretExpiresAt.toISOString() },
  });
  return { endpointId: e.id, secret, previousSecretExpiresAt };
}
