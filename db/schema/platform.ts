import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { apiScope, emailStatus } from './enums';
import { orgs, users } from './orgs';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** Every e-mail the product sends goes here first; a job delivers it (SPEC §10). */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').references(() => orgs.id),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    kind: text('kind').notNull(),
    status: emailStatus('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    /** The SMTP server's reply for the last failed attempt (SPEC §10). */
    lastError: text('last_error'),
    /** When a transient failure is retried (backoff); null = now. */
    nextAttemptAt: ts('next_attempt_at'),
    /** The Message-ID it was (last) sent with. */
    messageId: text('message_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
    /** The admin whose action caused the e-mail: the Outbox shows it to them (SPEC §10). */
    causedBy: uuid('caused_by').references(() => users.id, { onDelete: 'set null' }),
    /** Holds a one-time link (invitation): its link is shown only to `causedBy`. */
    oneTimeLink: boolean('one_time_link').notNull().default(false),
  },
  (t) => [
    index('email_outbox_caused_by_idx').on(t.causedBy, t.createdAt),
    index('email_outbox_created_idx').on(t.createdAt),
    index('email_outbox_status_idx').on(t.status, t.createdAt),
  ],
);

/**
 * Audit log (insert-only; a trigger refuses updates and deletes).
 * actorOrgId is the actor's own org; orgId the org acted on. They differ when a
 * parent partner works cross-launched in a sub-partner or customer view.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull().defaultNow(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorOrgId: uuid('actor_org_id').references(() => orgs.id),
    apiTokenId: uuid('api_token_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    summary: text('summary').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    // Activity (lib/activity): each half of an org's scope (org_id, actor_org_id) has one
    // index per filter path — none, action, actor — ending in (at, id), the page order, so
    // a page is read in index order and stops at its size.
    index('audit_log_org_at_idx').on(t.orgId, t.at, t.id),
    index('audit_log_org_action_idx').on(t.orgId, t.action, t.at, t.id),
    index('audit_log_org_actor_idx').on(t.orgId, t.actorUserId, t.at, t.id),
    index('audit_log_actor_idx').on(t.actorUserId, t.at),
    // The second half holds only entries made on another org (partial), so its scans never
    // step over the org's own entries, which the first half already returns.
    index('audit_log_actor_org_idx')
      .on(t.actorOrgId, t.at, t.id)
      .where(sql`${t.actorOrgId} <> ${t.orgId}`),
    index('audit_log_actor_org_action_idx')
      .on(t.actorOrgId, t.action, t.at, t.id)
      .where(sql`${t.actorOrgId} <> ${t.orgId}`),
    index('audit_log_actor_org_actor_idx')
      .on(t.actorOrgId, t.actorUserId, t.at, t.id)
      .where(sql`${t.actorOrgId} <> ${t.orgId}`),
  ],
);

/** API bearer tokens: shown once, stored as a SHA-256 hash, scoped, revocable. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** First characters of the token, for recognising it in the list. */
    prefix: text('prefix').notNull(),
    scopes: apiScope('scopes').array().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
    /** null = never expires. */
    expiresAt: ts('expires_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    uniqueIndex('api_tokens_hash_unique').on(t.tokenHash),
    index('api_tokens_org_idx')
      .on(t.orgId)
      .where(sql`${t.revokedAt} is null`),
  ],
);

/**
 * One-time invitations to set a password (new partner/sub-partner/customer admins).
 * Only the token's SHA-256 is stored; the token itself is in the invitation e-mail.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('invitations_token_hash_unique').on(t.tokenHash), index('invitations_user_idx').on(t.userId)],
);

/**
 * Idempotency-Key records of the public API (SPEC §8.1): one row per (org, key) holds the
 * request's fingerprint and, once finished, the stored response. The primary key decides
 * a race between two identical requests; a job sweeps rows past expiresAt.
 */
export const apiIdempotencyKeys = pgTable(
  'api_idempotency_keys',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    key: text('key').notNull(),
    /** SHA-256 of method, path and body: the same key with another request → 422. */
    fingerprint: text('fingerprint').notNull(),
    /** null while the first request is still running (a retry then gets 409). */
    status: integer('status'),
    headers: jsonb('headers').$type<Record<string, string>>(),
    body: text('body'),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.key] }), index('api_idempotency_keys_expires_idx').on(t.expiresAt)],
);

/** Token-bucket state per API token (SPEC §8.1), shared by every app instance. */
export const apiRateBuckets = pgTable('api_rate_buckets', {
  tokenId: uuid('token_id')
    .primaryKey()
    .references(() => apiTokens.id, { onDelete: 'cascade' }),
  tokens: doublePrecision('tokens').notNull(),
  updatedAt: ts('updated_at').notNull(),
});
