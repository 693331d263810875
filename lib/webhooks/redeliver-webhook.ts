import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { QUEUES } from '@/lib/platform/queues';
import { audit } from '@/lib/platform/audit';
import { ConflictError, NotFoundError } from '@/lib/platform/errors';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import type { deliveryIdSchema } from './endpoint-schema';
import { WEBHOOK_ERRORS } from './webhook-error-codes';

/**
 * Redeliver: the same event (same webhook-id, so a receiver that has it can de-duplicate)
 * is due again now, whatever became of it; the job sends it after commit and the log
 * shows the new attempt.
 */
export async function redeliverWebhook(ctx: ServiceCtx, input: z.output<typeof deliveryIdSchema>) {
  const [row] = await ctx.db
    .select({ id: webhookDeliveries.id, enabled: webhookEndpoints.enabled, url: webhookEndpoints.url, eventId: webhookDeliveries.eventId })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(and(eq(webhookDeliveries.id, input.deliveryId), eq(webhookEndpoints.orgId, ctx.access.org.id)))
    .for('update', { of: webhookDeliveries });
  if (!row) throw new NotFoundError('Delivery not found.', WEBHOOK_ERRORS.deliveryNotFound);
  if (!row.enabled) throw new ConflictError('Enable the endpoint before redelivering to it.', undefined, WEBHOOK_ERRORS.endpointDisabled);
  const now = ctx.clock.now();
  await ctx.db
    .update(webhookDeliveries)
    .set({ status: 'pending', nextAttemptAt: now, createdAt: now })
    .where(eq(webhookDeliveries.id, row.id));
  await audit(ctx.db, auditActor(ctx), {
    action: 'webhook.redeliver',
    targetType: 'webhook_delivery',
    targetId: row.id,
    summary: `Redelivered event ${row.eventId} to ${row.url}`,
  });
  ctx.afterCommit(() => ctx.jobs.send(QUEUES.deliverWebhook, { deliveryId: row.id }, { singletonKey: row.id }));
  return { deliveryId: row.id };
}
