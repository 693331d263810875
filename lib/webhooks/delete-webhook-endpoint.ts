import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { webhookEndpoints } from '@/db/schema';
import { audit } from '@/lib/platform/audit';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import type { endpointIdSchema } from './endpoint-schema';
import { getWebhookEndpointOrThrow } from './get-webhook-endpoint-or-throw';

/** Deletes the endpoint with its deliveries and log (ON DELETE CASCADE); events of other endpoints stay. */
export async function deleteWebhookEndpoint(ctx: ServiceCtx, input: z.output<typeof endpointIdSchema>) {
  const e = await getWebhookEndpointOrThrow(ctx.db, ctx.access, input.endpointId, { forUpdate: true });
  await ctx.db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, e.id));
  await audit(ctx.db, auditActor(ctx), {
    action: 'webhook.delete',
    targetType: 'webhook_endpoint',
    targetId: e.id,
    summary: `Deleted webhook endpoint ${e.url}`,
    before: { url: e.url, eventTypes: e.eventTypes },
  });
  return { endpointId: e.id };
}
