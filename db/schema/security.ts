import { sql } from 'drizzle-orm';
import { bigserial, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './orgs';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * Server-side sessions (SPEC §10): the session JWT only carries `sid`; every
 * authenticated request checks that this row is live, so sign-out, admin removal and
 * a password change end a session at once instead of when its cookie expires.
 */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    index('auth_sessions_user_live_idx')
      .on(t.userId)
      .where(sql`${t.revokedAt} is null`),
  ],
);

/**
 * Every sign-in attempt (SPEC §10): the audit trail of failures, and the source the
 * throttle counts from — in PostgreSQL, so all app instances share it.
 * `email` is what was typed (lower-cased), whether or not such a person exists.
 */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull().defaultNow(),
    email: text('email').notNull(),
    clientIp: text('client_ip').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    outcome: text('outcome', { enum: ['success', 'failure', 'throttled'] }).notNull(),
  },
  (t) => [index('sign_in_attempts_email_idx').on(t.email, t.at), index('sign_in_attempts_ip_idx').on(t.clientIp, t.at)],
);
