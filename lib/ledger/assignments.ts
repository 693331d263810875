// The billing ledger (SPEC §7.1): package-assignment intervals, append-only. The only
// writes are opening an interval and closing an open one (the database trigger refuses
// everything else), so history is never rewritten.
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { packageAssignments } from '@/db/schema';
import type { PackageId } from '@/lib/domain/packages';

export interface AssignmentTarget {
  subscriberId: string;
  customerId: string;
  /** The partner or sub-partner that owns the customer (billing is per owner). */
  partnerOrgId: string;
  locationId: string;
}

/**
 * Billing starts: opens an interval. At most one is open per subscriber (unique index);
 * with `idempotent`, an already-open interval is left as it is (a re-run job) and false returned.
 */
export async function openAssignment(
  db: DbOrTx,
  target: AssignmentTarget,
  pkg: PackageId,
  at: Date,
  opts: { idempotent?: boolean } = {},
): Promise<boolean> {
  const insert = db.insert(packageAssignments).values({ ...target, package: pkg, startedAt: at });
  const rows = await (opts.idempotent ? insert.onConflictDoNothing() : insert).returning({ id: packageAssignments.id });
  return rows.length > 0;
}

/** Billing starts for many subscribers at once (a provisioning batch): one insert, every interval new. */
export async function openAssignments(db: DbOrTx, rows: (AssignmentTarget & { package: PackageId })[], at: Date): Promise<void> {
  if (rows.length) await db.insert(packageAssignments).values(rows.map((r) => ({ ...r, startedAt: at })));
}

/** Billing stops for what matches `where` (a subscriber, a whole customer…): closes open intervals at `at`. */
async function closeWhere(db: DbOrTx, where: SQL, at: Date): Promise<number> {
  const closed = await db
    .update(packageAssignments)
    // greatest(): an interval can't end before it started (check constraint), whatever the clock says.
    .set({ endedAt: sql`greatest(${at.toISOString()}::timestamptz, ${packageAssignments.startedAt})` })
    .where(and(where, isNull(packageAssignments.endedAt)))
    .returning({ id: packageAssignments.id });
  return closed.length;
}

export const closeSubscriberAssignment = (db: DbOrTx, subscriberId: string, at: Date) =>
  closeWhere(db, eq(packageAssignments.subscriberId, subscriberId), at);

export const closeCustomerAssignments = (db: DbOrTx, customerId: string, at: Date) =>
  closeWhere(db, eq(packageAssignments.customerId, customerId), at);

/**
 * A package change (or a move to another location): the old interval ends and the new
 * one starts at the same instant, so the day is split exactly between them.
 */
export async function changeAssignment(db: DbOrTx, target: AssignmentTarget, pkg: PackageId, at: Date): Promise<void> {
  await closeSubscriberAssignment(db, target.subscriberId, at);
  await openAssignment(db, target, pkg, at);
}

/** The open interval of a subscriber, if any (what is billed now). */
export async function openAssignmentOf(db: DbOrTx, subscriberId: string) {
  const [row] = await db
    .select()
    .from(packageAssignments)
    .where(and(eq(packageAssignments.subscriberId, subscriberId), isNull(packageAssignments.endedAt)))
    .orderBy(sql`${packageAssignments.startedAt} desc`)
    .limit(1);
  return row ?? null;
}
