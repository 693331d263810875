import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { webhookEndpoints } from '@/db/schema';
import { audit } from '@/lib/platform/audit';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import type { setEndpointEnabledSchema } from './endpoint-schema';
import { endpointView, getWebhookEndpointOrThrow } from './get-webhook-endpoint-or-throw';
import { oneRow } from '@/db/one-row';

/** Disable stops new deliveries; enabling again starts a fresh 24-hour failure window. */
export async function setWebhookEndpointEnabled(ctx: ServiceCtx, input: z.output<typeof setEndpointEnabledSchema>) {
  const e = await getWebhookEndpointOrThrow(ctx.db, ctx.access, input.endpointId, { forUpdate: true });
  const row = await oneRow(
    ctx.db
      .update(webhookEndpoints)
      .set(
        input.enabled
          ? { enabled: true, disabledReason: null, failingSince: null, updatedAt: ctx.clock.now() }
          : { enabled: false, disabledReason: `Disabled by ${ctx.access.actor.email}.`, updatedAt: ctx.clock.now() },
      )
      .where(eq(webhookEndpoints.id, e.id))
      .returning(),
    'the updated webhook endpoint',
  );
  await audit(ctx.db, auditActor(ctx), {
    action: input.enabled ? 'webhook.enable' : 'webhook.disable',
    targetType: 'webhook_endpoint',
    targetId: e.id,
    summary: `${input.enabled ? 'Enabled' : 'Disabled'} webhook endpoint ${e.url}`,
    before: { enabled: e.enabled },
    after: { enabled: input.enabled },
  });
  return endpointView(row);
}
