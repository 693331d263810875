import { and, asc, eq, lte } from 'drizzle-orm';
import { webhookDeliveries } from '@/db/schema';
import { QUEUES } from '@/lib/platform/queues';
import type { ServiceDeps } from '@/lib/platform/service-ctx';

/**
 * The safety net (every minute): deliveries that are due but whose job was lost — a
 * crash between the commit and the enqueue, a worker that died mid-attempt (its lease
 * ran out) — are enqueued again. The attempt's lease makes a duplicate job harmless.
 */
export async function sweepWebhookDeliveries(deps: ServiceDeps, limit = 500): Promise<string[]> {
  const due = await deps.db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, deps.clock.now())))
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(limit);
  for (const { id } of due) await deps.jobs.send(QUEUES.deliverWebhook, { deliveryId: id }, { singletonKey: id });
  return due.map((d) => d.id);
}
