// The billing ledger read back after assign → change → remove (SPEC §7.1).
import { asc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { locations, packageAssignments, subscribers, users } from '@/db/schema';
import {
  changeAssignment,
  closeCustomerAssignments,
  closeSubscriberAssignment,
  openAssignment,
  openAssignmentOf,
  type AssignmentTarget,
} from '@/lib/ledger/assignments';
import { freshDb } from './support/test-db';
import { makeCustomer, makePartner } from './support/fixtures';
import { expectDbError } from './support/db-error';
import { oneRow } from '@/db/one-row';
import { at } from '@/tests/support/rows';

const db = await freshDb();
let customerId: string;
let partnerOrgId: string;
let target: AssignmentTarget;

async function newSubscriber(): Promise<AssignmentTarget> {
  const loc = await oneRow(db.select().from(locations).where(eq(locations.orgId, orgId)), 'loc');
  const u = await oneRow(
    db
      .insert(users)
      .values({ orgId, email: `u${Math.random().toString(36).slice(2)}@x.test` })
      .returning(),
    'u',
  );
  const s = await oneRow(
    db
      .insert(subscribers)
      .values({ customerId, orgId, kind: 'user', userId: u.id, package: 'webex_calling', locationId: loc.id })
      .returning(),
    's',
  );
  return { subscriberId: s.id, customerId, partnerOrgId, locationId: loc.id };
}
let orgId: string;

beforeAll(async () => {
  const partner = await makePartner(db);
  partnerOrgId = partner.id;
  const c = await makeCustomer(db, partner.id);
  customerId = c.customer.id;
  orgId = c.org.id;
  target = await newSubscriber();
});

const intervals = (subscriberId: string) =>
  db
    .select({ pkg: packageAssignments.package, start: packageAssignments.startedAt, end: packageAssignments.endedAt })
    .from(packageAssignments)
    .where(eq(packageAssignments.subscriberId, subscriberId))
    .orderBy(asc(packageAssignments.id));

describe('assign → change → remove', () => {
  it('keeps every interval, closing and opening at the same instant', async () => {
    const t0 = new Date('2026-10-01T08:00:00Z');
    const t1 = new Date('2026-10-15T12:00:00Z');
    const t2 = new Date('2026-11-01T00:00:00Z');
    await openAssignment(db, target, 'webex_calling', t0);
    await changeAssignment(db, target, 'webex_suite', t1);
    expect((await openAssignmentOf(db, target.subscriberId))?.package).toBe('webex_suite');
    await closeSubscriberAssignment(db, target.subscriberId, t2);
    expect(await intervals(target.subscriberId)).toEqual([
      { pkg: 'webex_calling', start: t0, end: t1 },
      { pkg: 'webex_suite', start: t1, end: t2 },
    ]);
    expect(await openAssignmentOf(db, target.subscriberId)).toBeNull();
  });

  it('a subscriber never has two open intervals', async () => {
    const s = await newSubscriber();
    await openAssignment(db, s, 'webex_voice', new Date('2026-10-01T00:00:00Z'));
    await expectDbError(openAssignment(db, s, 'webex_calling', new Date('2026-10-02T00:00:00Z')), /package_assignments_one_open/);
  });

  it('deprovisioning closes every open interval of the customer and nothing else', async () => {
    const a = await newSubscriber();
    const b = await newSubscriber();
    await openAssignment(db, a, 'webex_meetings', new Date('2026-10-01T00:00:00Z'));
    await openAssignment(db, b, 'webex_calling', new Date('2026-10-05T00:00:00Z'));
    const closedBefore = (await intervals(target.subscriberId)).map((i) => i.end);
    const n = await closeCustomerAssignments(db, customerId, new Date('2026-11-10T00:00:00Z'));
    expect(n).toBeGreaterThanOrEqual(2);
    const open = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from package_assignments where customer_id = ${customerId} and ended_at is null`,
    );
    expect(at(open, 0).n).toBe(0);
    // Already-closed history is untouched.
    expect((await intervals(target.subscriberId)).map((i) => i.end)).toEqual(closedBefore);
  });

  it('history cannot be rewritten: moving a closed end, changing a package or deleting is refused', async () => {
    const row = await oneRow(
      db.select().from(packageAssignments).where(eq(packageAssignments.subscriberId, target.subscriberId)).limit(1),
      'row',
    );
    await expectDbError(db.update(packageAssignments).set({ endedAt: new Date() }).where(eq(packageAssignments.id, row.id)), /append-only/);
    await expectDbError(
      db.update(packageAssignments).set({ package: 'cx_essentials' }).where(eq(packageAssignments.id, row.id)),
      /append-only/,
    );
    await expectDbError(db.delete(packageAssignments).where(eq(packageAssignments.id, row.id)), /append-only/);
  });
});
