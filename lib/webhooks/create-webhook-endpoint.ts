import type { z } from 'zod';
import { webhookEndpoints } from '@/db/schema';
import { audit } from '@/lib/platform/audit';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import type { endpointFieldsSchema } from './endpoint-schema';
import { endpointView } from './get-webhook-endpoint-or-throw';
import { encryptSecret, generateSigningSecret } from './signing-secret';
import { assertWebhookUrlAllowed } from './url-rules';
import { oneRow } from '@/db/one-row';

/** Adds an endpoint; the signing secret is returned this once and never shown again. */
export async function createWebhookEndpoint(ctx: ServiceCtx, input: z.output<typeof endpointFieldsSchema>) {
  await assertWebhookUrlAllowed(input.url);
  const secret = generateSigningSecret();
  const now = ctx.clock.now();
  const row = await oneRow(
    ctx.db
      .insert(webhookEndpoints)
      .values({
        orgId: ctx.access.org.id,
        url: input.url,
        description: input.description,
        eventTypes: input.eventTypes,
        includeIndirect: input.includeIndirect,
        secretEncrypted: encryptSecret(secret),
        createdBy: ctx.access.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
    'the inserted webhook endpoint',
  );
  await audit(ctx.db, auditActor(ctx), {
    action: 'webhook.create',
    targetType: 'webhook_endpoint',
    targetId: row.id,
    summary: `Added webhook endpoint ${input.url}`,
    after: { url: input.url, eventTypes: input.eventTypes, includeIndirect: input.includeIndirect },
  });
  return { endpoint: endpointView(row), secret };
}
