import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  customType,
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
import { packageId, reportStatus, reportType } from './enums';
import { orgs, users } from './orgs';
import { customers, locations, subscribers } from './customers';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * The billing ledger (SPEC §7.1): one row per interval a subscriber held a package.
 * Append-only — a database trigger refuses deletes and any update other than closing
 * an open interval. partnerOrgId/customerId are copied in so reports never join wide.
 */
export const packageAssignments = pgTable(
  'package_assignments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    subscriberId: uuid('subscriber_id')
      .notNull()
      .references(() => subscribers.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    partnerOrgId: uuid('partner_org_id')
      .notNull()
      .references(() => orgs.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id),
    package: packageId('package').notNull(),
    startedAt: ts('started_at').notNull(),
    endedAt: ts('ended_at'),
  },
  (t) => [
    check('package_assignments_interval', sql`${t.endedAt} is null or ${t.endedAt} >= ${t.startedAt}`),
    uniqueIndex('package_assignments_one_open')
      .on(t.subscriberId)
      .where(sql`${t.endedAt} is null`),
    index('package_assignments_partner_period_idx').on(t.partnerOrgId, t.startedAt),
    // Live seat counts per partner and package (overview, billing chart).
    index('package_assignments_open_partner_idx')
      .on(t.partnerOrgId, t.package)
      .where(sql`${t.endedAt} is null`),
    index('package_assignments_customer_idx').on(t.customerId, t.startedAt),
    index('package_assignments_subscriber_idx').on(t.subscriberId, t.startedAt),
    // Usage of a period = intervals that end after its start (open ones count as ending
    // at infinity) and start before its end: this index bounds the first condition, the
    // partner_period one the second; the planner takes whichever is narrower.
    // Analytics (issue 15): seats by package over time (index-only per package and month)
    // and top customers by open seats.
    index('package_assignments_partner_package_start_idx').on(t.partnerOrgId, t.package, t.startedAt, t.endedAt),
    index('package_assignments_open_partner_customer_idx')
      .on(t.partnerOrgId, t.customerId)
      .where(sql`${t.endedAt} is null`),
    index('package_assignments_partner_end_idx').on(t.partnerOrgId, sql`coalesce(${t.endedAt}, 'infinity'::timestamptz)`, t.startedAt),
  ],
);

/**
 * The ledger summed by month, kept exact by statement triggers (migration pages_custom):
 * per owner, package and UTC month, the intervals that started and that ended in it.
 * Open seats now = Σ started − Σ ended (the Overview); seats at a month end = the same sum
 * up to that month (Analytics). Every ledger statement appends one delta row per
 * (owner, package, month) it changed — an insert, so concurrent provisioning never waits
 * on a shared counter row — and readers fold deltas into the totals
 * (lib/ledger/seat-months.ts). A reader sums totals + pending deltas, so it is exact.
 */
export const partnerSeatMonths = pgTable(
  'partner_seat_months',
  {
    partnerOrgId: uuid('partner_org_id').notNull(),
    package: packageId('package').notNull(),
    month: date('month').notNull(),
    started: integer('started').notNull(),
    ended: integer('ended').notNull(),
  },
  (t) => [primaryKey({ columns: [t.partnerOrgId, t.package, t.month] })],
);

export const partnerSeatMonthDeltas = pgTable(
  'partner_seat_month_deltas',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    partnerOrgId: uuid('partner_org_id').notNull(),
    package: packageId('package').notNull(),
    month: date('month').notNull(),
    started: integer('started').notNull(),
    ended: integer('ended').notNull(),
  },
  (t) => [index('partner_seat_month_deltas_partner_idx').on(t.partnerOrgId)],
);

/**
 * Open seats per customer (Analytics' top customers), kept by the same triggers. Updated
 * in place: a customer's ledger writes already run one at a time (its row is locked).
 */
export const customerOpenSeats = pgTable(
  'customer_open_seats',
  {
    customerId: uuid('customer_id').primaryKey(),
    partnerOrgId: uuid('partner_org_id').notNull(),
    seats: integer('seats').notNull(),
  },
  (t) => [index('customer_open_seats_top_idx').on(t.partnerOrgId, t.seats)],
);

/** Billing reconciliation reports (SPEC §7.2). */
export const billingReports = pgTable(
  'billing_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    subPartnerOrgId: uuid('sub_partner_org_id').references(() => orgs.id),
    type: reportType('type').notNull().default('PARTNER'),
    billingStartDate: date('billing_start_date').notNull(),
    billingEndDate: date('billing_end_date').notNull(),
    status: reportStatus('status').notNull().default('IN_PROGRESS'),
    errors: jsonb('errors').$type<{ errorCode: number; description: string }[]>().notNull().default([]),
    rowCount: integer('row_count'),
    /** Size of the generated CSV and how many chunks hold it (set on completion). */
    byteSize: bigint('byte_size', { mode: 'number' }),
    chunkCount: integer('chunk_count'),
    /** How the chunks are stored: 'gzip' (each chunk its own gzip member) or 'identity' (reports made before compression). */
    chunkEncoding: text('chunk_encoding', { enum: ['identity', 'gzip'] })
      .notNull()
      .default('identity'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    completedAt: ts('completed_at'),
  },
  (t) => [
    check('billing_reports_period', sql`${t.billingStartDate} <= ${t.billingEndDate}`),
    // A live (in-progress or completed) report blocks a duplicate; a failed one does not.
    uniqueIndex('billing_reports_live_unique')
      .on(
        t.orgId,
        sql`coalesce(${t.subPartnerOrgId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
        t.type,
        t.billingStartDate,
        t.billingEndDate,
      )
      .where(sql`${t.status} <> 'FAILED'`),
    index('billing_reports_org_created_idx').on(t.orgId, t.createdAt),
  ],
);

/** postgres.js reads and writes bytea as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * A generated report's CSV in ~1 MB pieces, so neither generation nor download ever
 * holds a whole report in memory. Deleting the report deletes its chunks.
 */
export const billingReportChunks = pgTable(
  'billing_report_chunks',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => billingReports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.seq] })],
);
