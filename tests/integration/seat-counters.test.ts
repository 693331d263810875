// The ledger summaries (trigger-kept monthly deltas folded into totals, open seats per
// customer) behind the Overview and Analytics, against a full recount of the ledger, after a seeded random mix of changes: subscribers added,
// removed and moved between packages, customers deleted through the real service,
// rolled-back transactions, and concurrent writers folding at the same time.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { customers, packageAssignments, partnerSeatMonthDeltas } from '@/db/schema';
import type { Actor } from '@/lib/auth/access';
import { authorize } from '@/lib/server/guard';
import { deleteCustomer } from '@/lib/customers/delete-customer';
import { PACKAGES, type PackageId } from '@/lib/domain/packages';
import { changeAssignment, closeSubscriberAssignment, openAssignment } from '@/lib/ledger/assignments';
import { fixedClock } from '@/lib/platform/clock';
import { inTransaction, type ServiceDeps } from '@/lib/platform/service-ctx';
import { getPartnerOverview } from '@/lib/overview/get-partner-overview';
import { currentSeatsByPackage, openSeatsByPackage, seatMonthsByPackage, topCustomersBySeats } from '@/lib/ledger/seat-months';
import { addSubscriber, type CustomerRef } from './support/billing';
import { makeAdmin, makeCustomer, makePartner, makeSubPartner } from './support/fixtures';
import { freshDb } from './support/test-db';
import { oneRow } from '@/db/one-row';
import { defined } from '@/tests/support/rows';

const db = await freshDb();
const clock = fixedClock('2026-11-21T10:00:00Z');
const deps: ServiceDeps = { db, clock, jobs: { send: async () => {} } };

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the counters must say: the open intervals, counted. */
async function recount(partnerOrgId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ pkg: packageAssignments.package, n: sql<number>`count(*)::int` })
    .from(packageAssignments)
    .where(and(eq(packageAssignments.partnerOrgId, partnerOrgId), isNull(packageAssignments.endedAt)))
    .groupBy(packageAssignments.package);
  return Object.fromEntries(rows.map((r) => [r.pkg, r.n]));
}
/** Started and ended intervals per package and month, and open seats per customer, counted from the ledger. */
async function recountSummaries(partnerOrgId: string) {
  const months = await db.execute<{ k: string; started: number; ended: number }>(sql`
    select package || ' ' || m as k, sum(s)::int as started, sum(e)::int as ended from (
      select package, to_char(started_at at time zone 'UTC', 'YYYY-MM') as m, 1 as s, 0 as e from package_assignments where partner_org_id = ${partnerOrgId}
      union all
      select package, to_char(ended_at at time zone 'UTC', 'YYYY-MM'), 0, 1 from package_assignments where partner_org_id = ${partnerOrgId} and ended_at is not null
    ) x group by 1`);
  const top = await db.execute<{ id: string; seats: number }>(sql`
    select o.id, count(*)::int as seats from package_assignments p join customers c on c.id = p.customer_id join orgs o on o.id = c.org_id
    where p.partner_org_id = ${partnerOrgId} and p.ended_at is null group by o.id order by seats desc, o.id`);
  return { months: Object.fromEntries(months.map((r) => [r.k, [r.started, r.ended]])), top: top.map((r) => [r.id, r.seats]) };
}
async function summaries(partnerOrgId: string) {
  const months = await seatMonthsByPackage(db, partnerOrgId, '0000-00');
  const top = await topCustomersBySeats(db, partnerOrgId, 1000);
  return {
    months: Object.fromEntries(months.filter((r) => r.started || r.ended).map((r) => [`${r.package} ${r.m}`, [r.started, r.ended]])),
    top: top.map((r) => [r.id, r.seats] as [string, number]).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
  };
}
const asRecord = (rows: { pkg: PackageId; n: number }[]) => Object.fromEntries(rows.map((r) => [r.pkg, r.n]));

interface Sub {
  subscriberId: string;
  c: CustomerRef;
  locationId: string;
  open: boolean;
}

let partner: string;
let sub: string;
let admin: Actor;
const customersOf: Record<string, CustomerRef[]> = {};
const subs: Sub[] = [];
const deleted = new Set<string>();

beforeAll(async () => {
  partner = (await makePartner(db, { name: 'Counter Partner' })).id;
  sub = (await makeSubPartner(db, partner, 'Counter Indirect')).id;
  admin = await makeAdmin(db, partner, ['partner_full_admin', 'wholesale_admin']);
  for (const owner of [partner, sub]) {
    customersOf[owner] = [];
    for (let i = 0; i < 4; i++) customersOf[owner].push(await makeCustomer(db, owner));
  }
});

const pick = <T>(rnd: () => number, xs: T[]) => xs[Math.floor(rnd() * xs.length)];

/**
 * One random change in its own transaction; some are rolled back on purpose. `pool` is the
 * subscribers this writer may touch (concurrent writers get their own, as two requests
 * never change one subscriber at once: its customer row is locked).
 */
async function randomChange(rnd: () => number, at: Date, pool: Sub[] = subs, allowDelete = true) {
  const owner = rnd() < 0.6 ? partner : sub;
  const live = customersOf[owner].filter((c) => !deleted.has(c.customer.id));
  const r = rnd();
  if (allowDelete && r < 0.05 && live.length > 1) {
    const c = defined(pick(rnd, live), 'c');
    deleted.add(c.customer.id);
    // Through the guard, as every door does: the decision sets the access's reach.
    const access = await authorize(deps, admin.userId, owner, 'customers.delete');
    await inTransaction({ ...deps, clock: fixedClock(at.toISOString()) }, access, (ctx) =>
      deleteCustomer(ctx, { customerId: c.customer.id }),
    );
    for (const s of subs) if (s.c.customer.id === c.customer.id) s.open = false;
    return;
  }
  const open = pool.filter((s) => s.open && !deleted.has(s.c.customer.id) && s.c.customer.partnerOrgId === owner);
  const rollback = rnd() < 0.1;
  await db
    .transaction(async (tx) => {
      if (r < 0.4 || open.length === 0) {
        const c = pick(rnd, live);
        const created = await addSubscriber(tx as never, c, [{ pkg: pick(rnd, [...PACKAGES]), start: at.toISOString() }]);
        if (!rollback) pool.push({ subscriberId: created.subscriberId, c, locationId: '', open: true });
      } else if (r < 0.7) {
        const s = defined(pick(rnd, open), 's');
        const cur = await oneRow(
          tx
            .select({ locationId: packageAssignments.locationId })
            .from(packageAssignments)
            .where(and(eq(packageAssignments.subscriberId, s.subscriberId), isNull(packageAssignments.endedAt))),
          'cur',
        );
        await changeAssignment(
          tx,
          { subscriberId: s.subscriberId, customerId: s.c.customer.id, partnerOrgId: owner, locationId: cur.locationId },
          pick(rnd, [...PACKAGES]),
          at,
        );
      } else if (r < 0.9) {
        const s = defined(pick(rnd, open), 's');
        await closeSubscriberAssignment(tx, s.subscriberId, at);
        if (!rollback) s.open = false;
      } else {
        // A re-run job: opening an interval that is already open changes nothing.
        const s = defined(pick(rnd, open), 's');
        const cur = await oneRow(
          tx
            .select()
            .from(packageAssignments)
            .where(and(eq(packageAssignments.subscriberId, s.subscriberId), isNull(packageAssignments.endedAt))),
          'cur',
        );
        await openAssignment(
          tx,
          { subscriberId: s.subscriberId, customerId: s.c.customer.id, partnerOrgId: owner, locationId: cur.locationId },
          cur.package,
          at,
          { idempotent: true },
        );
      }
      if (rollback) tx.rollback();
    })
    .catch((err: unknown) => {
      if (!rollback) throw err;
    });
}

describe('open-seat counters', () => {
  it('equal a full recount after 300 random changes, folded or not', async () => {
    const rnd = random(13);
    for (let i = 0; i < 300; i++) {
      await randomChange(rnd, new Date(Date.parse('2026-01-01T00:00:00Z') + i * 3_600_000));
      if (i % 50 === 49) {
        // Unfolded (counts + pending deltas) and folded agree with the recount mid-way too.
        expect(asRecord(await openSeatsByPackage(db, partner))).toEqual(await recount(partner));
        expect(asRecord(await currentSeatsByPackage(db, sub))).toEqual(await recount(sub));
      }
    }
    expect(deleted.size).toBeGreaterThan(0);
    for (const owner of [partner, sub]) {
      expect(Object.keys(await recount(owner)).length).toBeGreaterThan(1);
      expect(asRecord(await currentSeatsByPackage(db, owner))).toEqual(await recount(owner));
      expect(await db.$count(partnerSeatMonthDeltas, eq(partnerSeatMonthDeltas.partnerOrgId, owner))).toBe(0);
      // The Analytics summaries: started/ended by month and the per-customer open seats.
      expect(await summaries(owner)).toEqual(await recountSummaries(owner));
    }
  });

  it('stay exact with concurrent writers and readers folding at the same time', async () => {
    const rnds = [random(101), random(202), random(303), random(404)];
    await Promise.all(
      rnds.map(async (rnd, w) => {
        const own: Sub[] = [];
        for (let i = 0; i < 25; i++) {
          await randomChange(rnd, new Date(Date.parse('2026-06-01T00:00:00Z') + (w * 100 + i) * 60_000), own, false);
          if (i % 5 === 0) await currentSeatsByPackage(db, partner);
        }
      }),
    );
    expect(asRecord(await currentSeatsByPackage(db, partner))).toEqual(await recount(partner));
    expect(asRecord(await openSeatsByPackage(db, sub))).toEqual(await recount(sub));
    expect(await summaries(partner)).toEqual(await recountSummaries(partner));
  });

  it('are what the Overview shows, with customer counts by status kept the same way', async () => {
    // Status changes in bulk and one by one, a rolled-back one, and a new customer.
    await db
      .update(customers)
      .set({ status: 'error' })
      .where(and(eq(customers.partnerOrgId, partner), eq(customers.status, 'provisioned')));
    await makeCustomer(db, partner);
    await db
      .transaction(async (tx) => {
        await tx.update(customers).set({ status: 'suspended' }).where(eq(customers.partnerOrgId, partner));
        tx.rollback();
      })
      .catch(() => {});
    const overview = await getPartnerOverview(db, await authorize(deps, admin.userId, partner, 'org.read'));
    const expected = await recount(partner);
    expect(overview.activeSeatsByPackage).toEqual(expected);
    expect(overview.totalActiveSeats).toBe(Object.values(expected).reduce((a, n) => a + n, 0));
    const byStatus = await db
      .select({ status: customers.status, n: sql<number>`count(*)::int` })
      .from(customers)
      .where(eq(customers.partnerOrgId, partner))
      .groupBy(customers.status);
    expect(overview.customersByStatus).toEqual(Object.fromEntries(byStatus.map((r) => [r.status, r.n])));
    expect(overview.totalCustomers).toBe(byStatus.reduce((a, r) => a + r.n, 0));
  });
});
