import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { webhookEndpoints } from '@/db/schema';
import { audit } from '@/lib/platform/audit';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import type { updateEndpointSchema } from './endpoint-schema';
import { endpointView, getWebhookEndpointOrThrow } from './get-webhook-endpoint-or-throw';
import { assertWebhookUrlAllowed } from './url-rules';
import { oneRow } from '@/db/one-row';

export async function updateWebhookEndpoint(ctx: ServiceCtx, input: z.output<typeof updateEndpointSchema>) {
  const before = await getWebhookEndpointOrThrow(ctx.db, ctx.access, input.endpointId, { forUpdate: true });
  if (input.url !== before.url) await assertWebhookUrlAllowed(input.url);
  const row = await oneRow(
    ctx.db
      .update(webhookEndpoints)
      .set({
        url: input.url,
        description: input.description,
        eventTypes: input.eventTypes,
        includeIndirect: input.includeIndirect,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(webhookEndpoints.id, before.id))
      .returning(),
    'the updated webhook endpoint',
  );
  await audit(ctx.db, auditActor(ctx), {
    action: 'webhook.update',
    targetType: 'webhook_endpoint',
    targetId: row.id,
    summary: `Edited webhook endpoint ${row.url}`,
    before: { url: before.url, eventTypes: before.eventTypes, includeIndirect: before.includeIndirect },
    after: { url: row.url, eventTypes: row.eventTypes, includeIndirect: row.includeIndirect },
  });
  return endpointView(row);
}
