import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs, users } from './orgs';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A partner's webhook endpoint (SPEC §8.4). The signing secret must be usable for HMAC,
 * so it cannot be hashed: it is stored encrypted (AES-256-GCM, key derived from
 * AUTH_SECRET). After a rotation the previous secret keeps signing until
 * previous_secret_expires_at (24 h), so receivers can switch without dropping events.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    eventTypes: text('event_types').array().notNull(),
    /** Also receive the events of this partner's sub-partners' customers. */
    includeIndirect: boolean('include_indirect').notNull().default(false),
    enabled: boolean('enabled').notNull().default(true),
    disabledReason: text('disabled_reason'),
    secretEncrypted: text('secret_encrypted').notNull(),
    previousSecretEncrypted: text('previous_secret_encrypted'),
    previousSecretExpiresAt: ts('previous_secret_expires_at'),
    /** First failed attempt since the last success: failing 24 h straight disables the endpoint. */
    failingSince: ts('failing_since'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('webhook_endpoints_org_idx').on(t.orgId, t.createdAt)],
);

/**
 * The outbox of events: written in the same transaction as the change it describes,
 * so an event exists exactly when its change committed. `payload` is the JSON body
 * sent to receivers ({ type, timestamp, data }); `id` is the webhook-id.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The partner (or sub-partner) whose resource changed. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<{ type: string; timestamp: string; data: Record<string, unknown> }>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('webhook_events_org_idx').on(t.orgId, t.createdAt)],
);

/** One event for one endpoint: its retry state. Created with the event (same transaction). */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => webhookEvents.id, { onDelete: 'cascade' }),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['pending', 'succeeded', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** When the next attempt is due; also a lease while an attempt is in flight. */
    nextAttemptAt: ts('next_attempt_at').notNull(),
    lastAttemptAt: ts('last_attempt_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event_endpoint_unique').on(t.eventId, t.endpointId),
    // The sweep: due deliveries, oldest first.
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.createdAt),
  ],
);

/** The delivery log shown per endpoint: one row per HTTP attempt. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    at: ts('at').notNull(),
    /** null when no HTTP answer came (timeout, refused, blocked address). */
    statusCode: integer('status_code'),
    durationMs: integer('duration_ms').notNull(),
    /** The first 1 kB of the response body, or the network error. */
    responseExcerpt: text('response_excerpt').notNull().default(''),
    ok: boolean('ok').notNull(),
  },
  (t) => [
    index('webhook_attempts_endpoint_idx').on(t.endpointId, t.at),
    index('webhook_attempts_delivery_idx').on(t.deliveryId, t.attempt),
  ],
);
