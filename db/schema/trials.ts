import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { trialService, trialStatus } from './enums';
import { orgs, users } from './orgs';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** Trials run by non-wholesale partners for prospective or paying customers (SPEC §9). */
export const trials = pgTable(
  'trials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerOrgId: uuid('partner_org_id')
      .notNull()
      .references(() => orgs.id),
    customerOrgId: uuid('customer_org_id')
      .notNull()
      .references(() => orgs.id),
    /** The partner's customer row: set at once for new customers, on consent for existing orgs. */
    customerId: uuid('customer_id').references(() => customers.id),
    /** new_customer | existing_org (consent flow) | paying_customer (trial added to a customer). */
    origin: text('origin', { enum: ['new_customer', 'existing_org', 'paying_customer'] })
      .notNull()
      .default('new_customer'),
    status: trialStatus('status').notNull(),
    statusChangedAt: ts('status_changed_at').notNull().defaultNow(),
    businessVertical: text('business_vertical'),
    /** Trial length chosen at start (SPEC §9: 30, 60 or 90 days). */
    lengthDays: integer('length_days').notNull().default(30),
    /** Set when the customer's consent grants the partner full admin rather than provisioning admin. */
    grantFullAdmin: boolean('grant_full_admin').notNull().default(false),
    consentEmail: text('consent_email'),
    consentRequestedAt: ts('consent_requested_at'),
    consentAnsweredAt: ts('consent_answered_at'),
    startsAt: ts('starts_at'),
    endsAt: ts('ends_at'),
    /** When the 7-day reminders went out (each e-mail itself is keyed in trial_notifications). */
    expiryWarningSentAt: ts('expiry_warning_sent_at'),
    /** When the on-the-day reminders went out. */
    expiryNoticeSentAt: ts('expiry_notice_sent_at'),
    servicesRemovedAt: ts('services_removed_at'),
    numbersReleasedAt: ts('numbers_released_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('trials_partner_idx').on(t.partnerOrgId, t.status),
    index('trials_status_ends_idx').on(t.status, t.endsAt),
    index('trials_customer_idx').on(t.customerOrgId),
    // One open trial per partner and customer org: two racing "Start trial" can't both win.
    uniqueIndex('trials_one_open_per_customer')
      .on(t.partnerOrgId, t.customerOrgId)
      .where(sql`${t.status} in ('pending_consent', 'pending_provisioning_details', 'active', 'expired_grace')`),
  ],
);

export const trialServices = pgTable(
  'trial_services',
  {
    trialId: uuid('trial_id')
      .notNull()
      .references(() => trials.id, { onDelete: 'cascade' }),
    /** Copied from the trial so "no other partner is trialling it" is a unique index. */
    customerOrgId: uuid('customer_org_id')
      .notNull()
      .references(() => orgs.id),
    service: trialService('service').notNull(),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.trialId, t.service] }),
    uniqueIndex('trial_services_one_active_per_customer')
      .on(t.customerOrgId, t.service)
      .where(sql`${t.active}`),
  ],
);

/** Devices shipped for a trial: one shipment per device type per customer, ever. */
export const trialDeviceShipments = pgTable(
  'trial_device_shipments',
  {
    // No cascade: a deleted trial's shipments still count ("never a second one").
    trialId: uuid('trial_id')
      .notNull()
      .references(() => trials.id),
    customerOrgId: uuid('customer_org_id')
      .notNull()
      .references(() => orgs.id),
    deviceType: text('device_type').notNull(),
    quantity: integer('quantity').notNull().default(1),
    shippedAt: ts('shipped_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('trial_device_shipments_once').on(t.customerOrgId, t.deviceType)],
);

/**
 * Every time-driven trial e-mail, keyed by (trial, kind, recipient): the sweep inserts the
 * key and queues the e-mail in one transaction, so a second run — or a second worker —
 * finds the key taken and sends nothing.
 */
export const trialNotifications = pgTable(
  'trial_notifications',
  {
    trialId: uuid('trial_id')
      .notNull()
      .references(() => trials.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    sentAt: ts('sent_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.trialId, t.kind, t.recipient] })],
);
