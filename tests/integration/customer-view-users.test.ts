// SPEC §2, §4.4, §5.2, §7.1: the rules of adding and changing subscribers, with races
// settled by the database and the ledger read back after every package change.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, packageAssignments, roleGrants, subscribers, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/access';
import { addLocation } from '@/lib/locations/add-location';
import { addLocationSchema } from '@/lib/locations/location-schema';
import { fixedClock } from '@/lib/platform/clock';
import { ConflictError, ValidationError } from '@/lib/platform/errors';
import { addUsers } from '@/lib/subscribers/add-users';
import { addWorkspace } from '@/lib/subscribers/add-workspace';
import { changePackage } from '@/lib/subscribers/change-package';
import { removeSubscriber } from '@/lib/subscribers/remove-subscriber';
import {
  addUsersSchema,
  addWorkspaceSchema,
  changePackageSchema,
  subscriberIdSchema,
  updatePrimaryNumberSchema,
  type UserRowInput,
} from '@/lib/subscribers/subscriber-schemas';
import { updatePrimaryNumber } from '@/lib/subscribers/update-primary-number';
import { rejection, serviceCaller } from './support/customer-fixtures';
import { insertUser, next, setupCustomer, snapshot, uniqueEmail, uniquePhone, type ViewCustomer } from './support/customer-view-fixtures';
import { makeAdmin, makePartner } from './support/fixtures';
import { freshDb } from './support/test-db';
import { at } from '@/tests/support/rows';

const db = await freshDb();
const clock = fixedClock('2030-04-01T00:00:00Z');
const call = serviceCaller(db, { clock });

let partnerId: string;
let partner: Actor;
let c: ViewCustomer;
let customerAdmin: Actor;

const add = (a: Actor, rows: UserRowInput[], orgId = c.orgId) =>
  call(a.userId, orgId, 'cv.users.manage', addUsersSchema, addUsers, { rows });
const change = (a: Actor, input: Record<string, unknown>) =>
  call(a.userId, c.orgId, 'cv.users.manage', changePackageSchema, changePackage, input);
const remove = (a: Actor, subscriberId: string) =>
  call(a.userId, c.orgId, 'cv.users.manage', subscriberIdSchema, removeSubscriber, { subscriberId });
const workspace = (a: Actor, input: Record<string, unknown>) =>
  call(a.userId, c.orgId, 'cv.users.manage', addWorkspaceSchema, addWorkspace, input);

const row = (over: Partial<UserRowInput> = {}): UserRowInput => ({
  firstName: 'Ada',
  lastName: `Row ${next()}`,
  email: uniqueEmail(),
  package: 'webex_calling',
  locationId: c.hqId,
  extension: String(6000 + next()),
  primaryPhoneNumber: '',
  ...over,
});

const intervals = (subscriberId: string) =>
  db
    .select({ package: packageAssignments.package, startedAt: packageAssignments.startedAt, endedAt: packageAssignments.endedAt })
    .from(packageAssignments)
    .where(eq(packageAssignments.subscriberId, subscriberId))
    .orderBy(asc(packageAssignments.startedAt), asc(packageAssignments.id));

beforeAll(async () => {
  partnerId = (await makePartner(db, { name: 'Rules Partner' })).id;
  partner = await makeAdmin(db, partnerId, ['partner_full_admin', 'wholesale_admin']);
  c = await setupCustomer(db, partnerId, {
    rbpm: false,
    packages: ['common_area_calling', 'webex_voice', 'webex_calling', 'webex_suite', 'webex_meetings'],
  });
  customerAdmin = await makeAdmin(db, c.orgId, ['customer_full_admin']);
});

describe('addUsers', () => {
  it('refuses 26 rows with a clear error and creates nothing', async () => {
    const before = await snapshot(db, c.orgId);
    const err = await rejection(
      add(
        partner,
        Array.from({ length: 26 }, () => row()),
      ),
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect(JSON.stringify((err as ValidationError).fieldErrors)).toContain('Add at most 25 users at a time.');
    expect(await snapshot(db, c.orgId)).toEqual(before);
  });

  it('accepts 25 rows, each with an open ledger interval and an audit row', async () => {
    const r = await add(
      partner,
      Array.from({ length: 25 }, () => row()),
    );
    expect(r.created).toBe(25);
    const ids = r.results.map((x) => x.subscriberId!);
    const open = await db
      .select()
      .from(packageAssignments)
      .where(and(isNull(packageAssignments.endedAt)));
    expect(ids.every((id) => open.some((o) => o.subscriberId === id && o.startedAt.getTime() === clock.now().getTime()))).toBe(true);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, c.orgId), eq(auditLog.action, 'subscriber.create')));
    expect(ids.every((id) => audits.some((a) => a.targetId === id))).toBe(true);
  });

  it('enforces the package and number rules per row and keeps the good rows', async () => {
    const taken = await insertUser(db, c);
    const r = await add(partner, [
      row(),
      row({ package: 'cx_essentials' }), // not one of this customer's packages
      row({ email: taken.email }), // already a user here with other details
      row({ email: (await makeAdmin(db, partnerId, [])).email }), // someone of another org
      row({ locationId: '00000000-0000-4000-8000-000000000000' }),
      row({ package: 'webex_meetings', extension: '' }),
    ]);
    expect(r.results.map((x) => x.ok)).toEqual([true, false, false, false, false, true]);
    expect(r.results[1].errors?.package?.[0]).toMatch(/isn't one of this customer's packages/);
    expect(r.results[2].errors?.email?.[0]).toMatch(/already a user of this organisation/);
    expect(r.results[3].errors?.email?.[0]).toMatch(/already in use/);
    expect(r.results[4].errors?.locationId).toBeDefined();
  });

  it('refuses Common Area Calling for people and numbers on a meetings-only package (schema, nothing created)', async () => {
    const before = await snapshot(db, c.orgId);
    for (const bad of [
      row({ package: 'common_area_calling' }),
      row({ package: 'webex_meetings' }),
      row({ extension: '', primaryPhoneNumber: '' }),
      row({ extension: '1' }),
    ]) {
      expect(await rejection(add(partner, [bad]))).toBeInstanceOf(ValidationError);
    }
    expect(await snapshot(db, c.orgId)).toEqual(before);
  });

  it('one batch holding an extension twice at one location is refused at the repeated row, before anything is written', async () => {
    const before = await snapshot(db, c.orgId);
    const first = row();
    const err = await rejection(add(partner, [first, row(), row({ extension: first.extension })]));
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors).toEqual({ 'rows.2.extension': ['User 1 already has this extension at this location.'] });
    expect(await snapshot(db, c.orgId)).toEqual(before);
  });

  it('a retry of a partially failed call creates only the failed rows and never duplicates', async () => {
    const clash = uniquePhone();
    await insertUser(db, c).then(({ subscriberId }) =>
      db.update(subscribers).set({ primaryPhoneNumber: clash }).where(eq(subscribers.id, subscriberId)),
    );
    const rows = [row(), row({ primaryPhoneNumber: clash }), row()];
    const first = await add(partner, rows);
    expect(first.results.map((x) => x.ok)).toEqual([true, false, true]);
    expect(first.results[1].errors?.primaryPhoneNumber?.[0]).toMatch(/already in use/);

    rows[1] = { ...rows[1], primaryPhoneNumber: uniquePhone() }; // fixed by the admin
    const retry = await add(partner, rows);
    expect(retry.results.map((x) => [x.ok, !!x.alreadyCreated])).toEqual([
      [true, true],
      [true, false],
      [true, true],
    ]);
    expect(at(retry.results, 0).subscriberId).toBe(at(first.results, 0).subscriberId);
    expect(retry.created).toBe(1);
    for (const r of rows) {
      const found = await db.select().from(users).innerJoin(subscribers, eq(subscribers.userId, users.id)).where(eq(users.email, r.email));
      expect(found).toHaveLength(1);
    }
  });

  it('two admins racing for one extension at one location: exactly one wins, the other gets a clear conflict', async () => {
    const ext = String(7000 + next());
    const [a, b] = await Promise.allSettled([add(partner, [row({ extension: ext })]), add(customerAdmin, [row({ extension: ext })])]);
    const results = [a, b].map((s) => (s.status === 'fulfilled' ? s.value.results[0] : null));
    expect(results.filter((r) => r?.ok)).toHaveLength(1);
    expect(results.find((r) => r && !r.ok)?.errors?.extension?.[0]).toBe('This extension is already used at this location.');
    const holders = await db
      .select()
      .from(subscribers)
      .where(and(eq(subscribers.locationId, c.hqId), eq(subscribers.extension, ext), isNull(subscribers.removedAt)));
    expect(holders).toHaveLength(1);
  });

  it('two admins racing for one phone number: exactly one wins, the other gets a 409', async () => {
    const phone = uniquePhone();
    const settled = await Promise.allSettled([
      workspace(partner, {
        name: `Door ${next()}`,
        package: 'common_area_calling',
        locationId: c.hqId,
        extension: '',
        primaryPhoneNumber: phone,
      }),
      workspace(customerAdmin, {
        name: `Hall ${next()}`,
        package: 'common_area_calling',
        locationId: c.hqId,
        extension: '',
        primaryPhoneNumber: phone,
      }),
    ]);
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    const lost = settled.find((s) => s.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(ConflictError);
    expect((lost.reason as ConflictError).message).toBe('This phone number is already in use.');
  });

  it('a number update racing with a new workspace for the same number: one wins', async () => {
    const phone = uniquePhone();
    const { subscriberId } = await insertUser(db, c);
    const settled = await Promise.allSettled([
      call(partner.userId, c.orgId, 'cv.users.primaryNumber', updatePrimaryNumberSchema, updatePrimaryNumber, {
        subscriberId,
        primaryPhoneNumber: phone,
      }),
      workspace(partner, {
        name: `Desk ${next()}`,
        package: 'common_area_calling',
        locationId: c.hqId,
        extension: '',
        primaryPhoneNumber: phone,
      }),
    ]);
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    expect((settled.find((s) => s.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
  });
});

describe('changePackage and the ledger (SPEC §7.1)', () => {
  it('assign → change → remove leaves exactly the right intervals, split at one instant', async () => {
    const t0 = clock.now();
    const {
      results: [{ subscriberId }],
    } = await add(partner, [row({ package: 'webex_calling' })]);
    clock.advance(12 * 3_600_000);
    const t1 = clock.now();
    await change(partner, { subscriberId: subscriberId!, package: 'webex_suite' });
    clock.advance(6 * 3_600_000);
    const t2 = clock.now();
    await change(customerAdmin, { subscriberId: subscriberId!, package: 'webex_meetings' });
    const [afterMeetings] = await db.select().from(subscribers).where(eq(subscribers.id, subscriberId!));
    expect(afterMeetings).toMatchObject({ extension: null, primaryPhoneNumber: null });
    clock.advance(6 * 3_600_000);
    const t3 = clock.now();
    await remove(partner, subscriberId!);

    expect(await intervals(subscriberId!)).toEqual([
      { package: 'webex_calling', startedAt: t0, endedAt: t1 },
      { package: 'webex_suite', startedAt: t1, endedAt: t2 },
      { package: 'webex_meetings', startedAt: t2, endedAt: t3 },
    ]);
    const [removed] = await db.select().from(subscribers).where(eq(subscribers.id, subscriberId!));
    expect(removed).toMatchObject({ status: 'removed', removedAt: t3 });
  });

  it('meetings → calling needs an extension or a number; removal releases them for reuse', async () => {
    const { subscriberId } = await insertUser(db, c, { package: 'webex_meetings' });
    expect(await rejection(change(partner, { subscriberId, package: 'webex_calling' }))).toBeInstanceOf(ValidationError);
    const ext = String(8000 + next());
    await change(partner, { subscriberId, package: 'webex_calling', extension: ext });
    await remove(partner, subscriberId);
    const r = await add(partner, [row({ extension: ext })]);
    expect(at(r.results, 0).ok).toBe(true);
  });

  it("refuses packages outside the customer's set and Common Area Calling for users, changing nothing", async () => {
    const { subscriberId } = await insertUser(db, c);
    const before = await snapshot(db, c.orgId);
    expect(await rejection(change(partner, { subscriberId, package: 'cx_essentials' }))).toBeInstanceOf(ValidationError);
    expect(await rejection(change(partner, { subscriberId, package: 'common_area_calling' }))).toBeInstanceOf(ValidationError);
    expect(await snapshot(db, c.orgId)).toEqual(before);
  });

  it('refuses moving an administrator below the creation package', async () => {
    const admin = await insertUser(db, c, { package: 'webex_calling' });
    await db.insert(roleGrants).values({ userId: admin.userId, orgId: c.orgId, role: 'customer_full_admin' });
    const before = await snapshot(db, c.orgId);
    const err = await rejection(change(partner, { subscriberId: admin.subscriberId, package: 'webex_voice' }));
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).message).toBe("Administrators can't be moved to a lower package.");
    expect(await snapshot(db, c.orgId)).toEqual(before);
    await expect(change(partner, { subscriberId: admin.subscriberId, package: 'webex_suite' })).resolves.toMatchObject({
      package: 'webex_suite',
    });
  });

  it('a subscriber of another customer is not found', async () => {
    const other = await setupCustomer(db, partnerId, { rbpm: false });
    const { subscriberId } = await insertUser(db, other);
    await expect(change(partner, { subscriberId, package: 'webex_suite' })).rejects.toMatchObject({ status: 404 });
  });
});

describe('audit and locations', () => {
  it('records the acting partner org when cross-launched, the customer org for its own admin', async () => {
    const a = await add(partner, [row()]);
    const b = await add(customerAdmin, [row()]);
    const rows = await db.select().from(auditLog).where(eq(auditLog.action, 'subscriber.create'));
    expect(rows.find((r) => r.targetId === at(a.results, 0).subscriberId)).toMatchObject({
      orgId: c.orgId,
      actorOrgId: partnerId,
      actorUserId: partner.userId,
    });
    expect(rows.find((r) => r.targetId === at(b.results, 0).subscriberId)).toMatchObject({
      orgId: c.orgId,
      actorOrgId: c.orgId,
      actorUserId: customerAdmin.userId,
    });
  });

  it('location names are unique per org, case-insensitively', async () => {
    const loc = {
      name: 'Warehouse',
      timeZone: 'Europe/London',
      language: 'en_GB',
      address: { addressLine1: '3 Dock Rd', addressLine2: '', city: 'London', stateOrProvince: '', postalCode: 'E1 1AA', country: 'GB' },
    };
    const addLoc = (name: string) => call(partner.userId, c.orgId, 'cv.locations.manage', addLocationSchema, addLocation, { ...loc, name });
    await addLoc('Warehouse');
    const err = await rejection(addLoc('warehouse'));
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).fieldErrors?.name).toEqual(['A location with this name already exists.']);
    expect(
      await rejection(
        call(partner.userId, c.orgId, 'cv.locations.manage', addLocationSchema, addLocation, { ...loc, name: 'X', timeZone: 'Mars/Base' }),
      ),
    ).toBeInstanceOf(ValidationError);
  });
});
