import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { trialService, trialStatus } from './enums';
import { orgs, users } from './orgs';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** Trials run by non-wholesale partners for prospective or paying customers (SPEC §9). */
export const trials = pgTable(
  'trials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerOrgId: uuid('partner_org_id').notNull().references(() => orgs.id),
    customerOrgId: uuid('customer_org_id').notNull().references(() => orgs.id),
    status: trialStatus('status').notNull(),
    businessVertical: text('business_vertical'),
    /** Set when the customer's consent grants the partner full admin rather than provisioning admin. */
    grantFullAdmin: boolean('grant_full_admin').notNull().default(false),
    consentEmail: text('consent_email'),
    consentRequestedAt: ts('consent_requested_at'),
    startsAt: ts('starts_at'),
    endsAt: ts('ends_at'),
    expiryWarningSentAt: ts('expiry_warning_sent_at'),
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
  ],
);

export const trialServices = pgTable(
  'trial_services',
  {
    trialId: uuid('trial_id').notNull().references(() => trials.id, { onDelete: 'cascade' }),
    /** Copied from the trial so "no other partner is trialling it" is a unique index. */
    customerOrgId: uuid('customer_org_id').notNull().references(() => orgs.id),
    service: trialService('service').notNull(),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.trialId, t.service] }),
    uniqueIndex('trial_services_one_active_per_customer').on(t.customerOrgId, t.service).where(sql`${t.active}`),
  ],
);

/** Devices shipped for a trial: one shipment per device type per customer, ever. */
export const trialDeviceShipments = pgTable(
  'trial_device_shipments',
  {
    trialId: uuid('trial_id').notNull().references(() => trials.id),
    customerOrgId: uuid('customer_org_id').notNull().references(() => orgs.id),
    deviceType: text('device_type').notNull(),
    shippedAt: ts('shipped_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('trial_device_shipments_once').on(t.customerOrgId, t.deviceType)],
);
