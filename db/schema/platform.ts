import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
  (t) => [index('email_outbox_caused_by_idx').on(t.causedBy, t.createdAt), index('email_outbox_created_idx').on(t.createdAt), index('email_outbox_status_idx').on(t.status, t.createdAt)],
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
    orgId: uuid('org_id').notNull().references(() => orgs.id),
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
    index('audit_log_org_at_idx').on(t.orgId, t.at),
    index('audit_log_org_action_idx').on(t.orgId, t.action, t.at),
    index('audit_log_actor_idx').on(t.actorUserId, t.at),
    index('audit_log_actor_org_idx').on(t.actorOrgId, t.at),
  ],
);

/** API bearer tokens: shown once, stored as a SHA-256 hash, scoped, revocable. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** First characters of the token, for recognising it in the list. */
    prefix: text('prefix').notNull(),
    scopes: apiScope('scopes').array().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash_unique').on(t.tokenHash), index('api_tokens_org_idx').on(t.orgId).where(sql`${t.revokedAt} is null`)],
);

/**
 * One-time invitations to set a password (new partner/sub-partner/customer admins).
 * Only the token's SHA-256 is stored; the token itself is in the invitation e-mail.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('invitations_token_hash_unique').on(t.tokenHash), index('invitations_user_idx').on(t.userId)],
);
