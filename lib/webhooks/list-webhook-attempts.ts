import { count, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { webhookAttempts, webhookDeliveries, webhookEvents } from '@/db/schema';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import type { listAttemptsSchema } from './endpoint-schema';
import { getWebhookEndpointOrThrow } from './get-webhook-endpoint-or-throw';
import { oneRow } from '@/db/one-row';

export const ATTEMPTS_PAGE_SIZE = 25;

/** The endpoint's delivery log, newest attempt first: event, attempt, status code, duration, answer. */
export async function listWebhookAttempts(ctx: Pick<ServiceCtx, 'db' | 'access'>, input: z.output<typeof listAttemptsSchema>) {
  const endpoint = await getWebhookEndpointOrThrow(ctx.db, ctx.access, input.endpointId);
  const where = eq(webhookAttempts.endpointId, endpoint.id);
  const [rows, { total }] = await Promise.all([
    ctx.db
      .select({
        id: webhookAttempts.id,
        deliveryId: webhookAttempts.deliveryId,
        attempt: webhookAttempts.attempt,
        at: webhookAttempts.at,
        statusCode: webhookAttempts.statusCode,
        durationMs: webhookAttempts.durationMs,
        responseExcerpt: webhookAttempts.responseExcerpt,
        ok: webhookAttempts.ok,
        eventId: webhookEvents.id,
        eventType: webhookEvents.type,
        deliveryStatus: webhookDeliveries.status,
        nextAttemptAt: webhookDeliveries.nextAttemptAt,
      })
      .from(webhookAttempts)
      .innerJoin(webhookDeliveries, eq(webhookDeliveries.id, webhookAttempts.deliveryId))
      .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
      .where(where)
      .orderBy(desc(webhookAttempts.at), desc(webhookAttempts.attempt))
      .limit(ATTEMPTS_PAGE_SIZE)
      .offset((input.page - 1) * ATTEMPTS_PAGE_SIZE),
    oneRow(ctx.db.select({ total: count() }).from(webhookAttempts).where(where), 'a count'),
  ]);
  return { items: rows, total, page: input.page, pageSize: ATTEMPTS_PAGE_SIZE };
}
