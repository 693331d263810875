import { and, arrayContains, eq, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orgs, webhookDeliveries, webhookEndpoints, webhookEvents } from '@/db/schema';
import { QUEUES, type JobSender } from '@/lib/platform/queues';
import type { WebhookEventType } from './event-types';
import type { WebhookEventData } from './event-schemas';
import { oneRow } from '@/db/one-row';

/**
 * What emitting needs: the transaction of the change, and — when the caller has them —
 * the queue and an after-commit hook, so delivery starts the moment the change commits.
 * Without them the sweep (every minute) sends it: the rows are already committed.
 */
export interface EmitCtx {
  db: DbOrTx;
  jobs?: JobSender;
  afterCommit?(fn: () => Promise<void> | void): void;
}

export interface EmitInput<T extends WebhookEventType> {
  /** The partner or sub-partner that owns the changed resource. */
  orgId: string;
  type: T;
  /** When the change happened (the event's `timestamp`). */
  at: Date;
  /** The payload's data, or a loader — only called when some endpoint wants the event. */
  data: WebhookEventData<T> | (() => Promise<WebhookEventData<T> | null>);
}

/**
 * THE way to emit a webhook event (SPEC §8.4). Call it inside the transaction of the
 * change: the event and one delivery row per subscribed endpoint commit with the change
 * or not at all (an outbox), so no event is lost and none describes a rolled-back change.
 * Endpoints: the owner's own, plus its parent partner's that chose *Include indirect
 * providers*. No endpoint wants it → nothing is written. Returns the event id or null.
 */
export async function emitWebhookEvent<T extends WebhookEventType>(ctx: EmitCtx, input: EmitInput<T>): Promise<string | null> {
  const parent = sql`(select ${orgs.parentPartnerId} from ${orgs} where ${orgs.id} = ${input.orgId})`;
  const endpoints = await ctx.db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.enabled, true),
        arrayContains(webhookEndpoints.eventTypes, [input.type]),
        or(
          eq(webhookEndpoints.orgId, input.orgId),
          and(eq(webhookEndpoints.includeIndirect, true), sql`${webhookEndpoints.orgId} = ${parent}`),
        ),
      ),
    );
  if (!endpoints.length) return null;
  const data = typeof input.data === 'function' ? await input.data() : input.data;
  if (!data) return null;
  const event = await oneRow(
    ctx.db
      .insert(webhookEvents)
      .values({
        orgId: input.orgId,
        type: input.type,
        payload: { type: input.type, timestamp: input.at.toISOString(), data },
        createdAt: input.at,
      })
      .returning({ id: webhookEvents.id }),
    'the inserted webhook event',
  );
  const deliveries = await ctx.db
    .insert(webhookDeliveries)
    .values(endpoints.map((e) => ({ eventId: event.id, endpointId: e.id, nextAttemptAt: input.at, createdAt: input.at })))
    .returning({ id: webhookDeliveries.id });
  const { jobs, afterCommit } = ctx;
  if (jobs && afterCommit) {
    afterCommit(async () => {
      for (const d of deliveries) await jobs.send(QUEUES.deliverWebhook, { deliveryId: d.id }, { singletonKey: d.id });
    });
  }
  return event.id;
}
