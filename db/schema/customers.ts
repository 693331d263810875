import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
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
import { customerStatus, packageId, packageStatus, subscriberKind, subscriberStatus } from './enums';
import { orgs, subscriptions, users } from './orgs';
import { onboardingTemplates } from './templates';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** A customer org's locations; the HQ location carries the customer's address. */
export const locations = pgTable(
  'locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    isHeadquarters: boolean('is_headquarters').notNull().default(false),
    addressLine1: text('address_line1').notNull(),
    addressLine2: text('address_line2'),
    city: text('city').notNull(),
    stateOrProvince: text('state_or_province'),
    postalCode: text('postal_code').notNull(),
    country: text('country').notNull(),
    timeZone: text('time_zone'),
    language: text('language'),
    emergencyLocationIdentifier: text('emergency_location_identifier'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('locations_org_name_unique').on(t.orgId, sql`lower(${t.name})`),
    uniqueIndex('locations_one_hq')
      .on(t.orgId)
      .where(sql`${t.isHeadquarters}`),
  ],
);

/**
 * The wholesale customer resource (API `id`) of a customer org (API `orgId`).
 * partnerOrgId is the partner or sub-partner that created it and owns it.
 */
export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    partnerOrgId: uuid('partner_org_id')
      .notNull()
      .references(() => orgs.id),
    templateId: uuid('template_id').references(() => onboardingTemplates.id),
    subscriptionId: text('subscription_id').references(() => subscriptions.id),
    externalId: text('external_id').notNull(),
    /**
     * Copy of orgs.name, kept by database triggers (migration 0002) so the customer list
     * searches and sorts on one table at 100k customers. Never write it from code.
     */
    name: text('name').notNull().default(''),
    /** Copy of this customer's customer_packages, kept by a trigger, for the list's package filter. */
    packages: packageId('packages')
      .array()
      .notNull()
      .default(sql`'{}'`),
    status: customerStatus('status').notNull().default('provisioning'),
    statusChangedAt: ts('status_changed_at').notNull().defaultNow(),
    /** Restricted by Partner Mode (SPEC §5.1). */
    rbpm: boolean('rbpm').notNull().default(true),
    /** Existing org attached through the API (SPEC §8.3): RBPM unavailable, API-only management. */
    attached: boolean('attached').notNull().default(false),
    /** For attached orgs (SPEC §8.3): the partner is 'provisioning' admin, or 'full' admin when the org had no live licences. */
    partnerAdminLevel: text('partner_admin_level', { enum: ['full', 'provisioning'] }),
    adminEmail: text('admin_email').notNull(),
    language: text('language'),
    creationPackage: packageId('creation_package'),
    sipDomain: text('sip_domain'),
    meetingsSiteUrl: text('meetings_site_url'),
    meetingsDialInCode: text('meetings_dial_in_code'),
    meetingsLanguage: text('meetings_language'),
    /** When the restricted-party review started (72 h → suspended). */
    rplReviewStartedAt: ts('rpl_review_started_at'),
    errors: jsonb('errors').$type<{ errorCode: number; description: string }[]>().notNull().default([]),
    /** Wizard/API input kept so an idempotent job can finish what it started. */
    provisioningRequest: jsonb('provisioning_request').$type<Record<string, unknown>>(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    deprovisionedAt: ts('deprovisioned_at'),
    /**
     * When provisioning first completed (the earliest `completed` provisioning event), kept
     * by a trigger on provisioning_events (migration analytics_custom) so Analytics reads
     * outcomes and durations from the customer rows instead of the events log.
     */
    provisionedAt: ts('provisioned_at'),
  },
  (t) => [
    uniqueIndex('customers_org_unique').on(t.orgId),
    uniqueIndex('customers_partner_external_id_unique').on(t.partnerOrgId, t.externalId),
    // The list page: one partner's customers, newest first / by status.
    index('customers_partner_created_idx').on(t.partnerOrgId, t.createdAt, t.id),
    index('customers_partner_status_idx').on(t.partnerOrgId, t.status, t.createdAt),
    index('customers_status_changed_idx').on(t.status, t.statusChangedAt),
    // Analytics (issue 15): status over time in one index-only pass over a partner's customers.
    index('customers_partner_analytics_idx').on(t.partnerOrgId, t.createdAt, t.status, t.statusChangedAt, t.deprovisionedAt),
    // Analytics: the exact provisioning times within one whole-second bucket of the
    // histogram partner_provisioning_seconds (the bucket the median falls in), index-only.
    index('customers_partner_provisioning_seconds_idx')
      .on(t.partnerOrgId, sql`(floor(extract(epoch from (${t.provisionedAt} - ${t.createdAt})))::int)`, t.createdAt, t.provisionedAt)
      .where(sql`${t.provisionedAt} is not null`),
    index('customers_template_idx').on(t.templateId),
    index('customers_created_by_idx').on(t.partnerOrgId, t.createdBy),
    // Customer list at scale (SPEC §4.2, §11): sort by name, contains-search on name,
    // package filter. Measured with bench/pages.ts (npm run bench:pages).
    index('customers_partner_name_idx').on(t.partnerOrgId, sql`lower(${t.name})`, t.id),
    index('customers_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
    index('customers_packages_idx').using('gin', t.packages),
    uniqueIndex('customers_sip_domain_unique')
      .on(t.sipDomain)
      .where(sql`${t.sipDomain} is not null`),
    // An administrator e-mail is reserved while its customer is not yet provisioned (the
    // users row comes later, from the job): two in-flight customers can't claim one person.
    uniqueIndex('customers_pending_admin_email_unique')
      .on(sql`lower(${t.adminEmail})`)
      .where(sql`${t.status} in ('provisioning', 'pending_rpl_review', 'error', 'pending_customer_approval')`),
  ],
);

/** Per-package state of a customer (API `packages[{name,status,warnings,errors}]`). */
export const customerPackages = pgTable(
  'customer_packages',
  {
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    package: packageId('package').notNull(),
    status: packageStatus('status').notNull().default('provisioning'),
    warnings: jsonb('warnings').$type<{ code: number; description: string }[]>().notNull().default([]),
    errors: jsonb('errors').$type<{ errorCode: number; description: string }[]>().notNull().default([]),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.package] }), index('customer_packages_package_idx').on(t.package, t.customerId)],
);

/** Provisioning log shown in the customer panel. */
export const provisioningEvents = pgTable(
  'provisioning_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    at: ts('at').notNull().defaultNow(),
    step: text('step').notNull(),
    level: text('level', { enum: ['info', 'warning', 'error'] })
      .notNull()
      .default('info'),
    message: text('message').notNull(),
  },
  (t) => [index('provisioning_events_customer_idx').on(t.customerId, t.at)],
);

/** Users and workspaces of a customer org holding exactly one package (SPEC §2). */
export const subscribers = pgTable(
  'subscribers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    kind: subscriberKind('kind').notNull(),
    userId: uuid('user_id').references(() => users.id),
    workspaceName: text('workspace_name'),
    package: packageId('package').notNull(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
    extension: text('extension'),
    primaryPhoneNumber: text('primary_phone_number'),
    status: subscriberStatus('status').notNull().default('provisioned'),
    errors: jsonb('errors').$type<{ errorCode: number; description: string }[]>().notNull().default([]),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastStatusChangeAt: ts('last_status_change_at').notNull().defaultNow(),
    removedAt: ts('removed_at'),
  },
  (t) => [
    check(
      'subscribers_user_or_workspace',
      sql`(${t.kind} = 'user') = (${t.userId} is not null) and (${t.kind} = 'workspace') = (${t.workspaceName} is not null)`,
    ),
    check('subscribers_extension_format', sql`${t.extension} is null or ${t.extension} ~ '^[0-9]{2,10}$'`),
    check('subscribers_phone_e164', sql`${t.primaryPhoneNumber} is null or ${t.primaryPhoneNumber} ~ '^\\+[1-9][0-9]{6,14}$'`),
    // Numbers are released when a subscriber is removed.
    uniqueIndex('subscribers_phone_unique')
      .on(t.primaryPhoneNumber)
      .where(sql`${t.removedAt} is null and ${t.primaryPhoneNumber} is not null`),
    uniqueIndex('subscribers_location_extension_unique')
      .on(t.locationId, t.extension)
      .where(sql`${t.removedAt} is null and ${t.extension} is not null`),
    uniqueIndex('subscribers_user_unique')
      .on(t.userId)
      .where(sql`${t.removedAt} is null`),
    index('subscribers_customer_idx').on(t.customerId, t.createdAt),
    index('subscribers_org_idx').on(t.orgId, t.package),
    index('subscribers_status_changed_idx').on(t.customerId, t.lastStatusChangeAt),
    // "#users" of the customer list and panel: an index-only count per customer.
    index('subscribers_active_users_idx')
      .on(t.customerId, t.package)
      .where(sql`${t.kind} = 'user' and ${t.removedAt} is null`),
  ],
);

/** Restricted-party list (fictitious entries), matched on the normalised company name. */
export const restrictedParties = pgTable(
  'restricted_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    normalizedName: text('normalized_name').notNull(),
  },
  (t) => [uniqueIndex('restricted_parties_normalized_unique').on(t.normalizedName)],
);

/**
 * Customers per owner, status and UTC months of creation, last status change and
 * deprovisioning ('infinity' = not deprovisioned): the Overview sums it by status, the
 * Analytics status history groups it by month. Kept exact by statement triggers on
 * `customers` (migration pages_custom) through insert-only deltas folded by readers
 * (lib/overview/customer-months.ts) — the same pattern as the ledger's partner_seat_months.
 */
/**
 * Provisioned customers per owner, creation month and provisioning time in whole seconds
 * (customers.provisioned_at − created_at, floored): the Analytics "provisioning" series and
 * the histogram that locates the median (lib/analytics/provisioning-times.ts). Kept exact
 * by statement triggers on customers (migration analytics_custom), upserted in key order.
 */
export const partnerProvisioningSeconds = pgTable(
  'partner_provisioning_seconds',
  {
    partnerOrgId: uuid('partner_org_id').notNull(),
    createdMonth: date('created_month').notNull(),
    seconds: integer('seconds').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.partnerOrgId, t.createdMonth, t.seconds] })],
);

export const partnerCustomerMonths = pgTable(
  'partner_customer_months',
  {
    partnerOrgId: uuid('partner_org_id').notNull(),
    status: customerStatus('status').notNull(),
    createdMonth: date('created_month').notNull(),
    changedMonth: date('changed_month').notNull(),
    deprovisionedMonth: date('deprovisioned_month').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.partnerOrgId, t.status, t.createdMonth, t.changedMonth, t.deprovisionedMonth] })],
);

export const partnerCustomerMonthDeltas = pgTable(
  'partner_customer_month_deltas',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    partnerOrgId: uuid('partner_org_id').notNull(),
    status: customerStatus('status').notNull(),
    createdMonth: date('created_month').notNull(),
    changedMonth: date('changed_month').notNull(),
    deprovisionedMonth: date('deprovisioned_month').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [index('partner_customer_month_deltas_partner_idx').on(t.partnerOrgId)],
);
