// Delete (SPEC §4.5), Restricted by Partner Mode (§5.1), the panel's data (§4.3) and
// tenancy of every customer action (§1.2): through the real authorised path.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { auditLog, customers, emailOutbox, locations, packageAssignments, subscribers, users } from '@/db/schema';
import { provisionCustomer } from '@/jobs/handlers/provision-customer';
import type { Actor } from '@/lib/auth/access';
import { createCustomer } from '@/lib/customers/create-customer';
import { customerIdSchema, customerRbpmSchema } from '@/lib/customers/customer-id-schema';
import { createCustomerSchema } from '@/lib/customers/customer-schema';
import { deleteCustomer } from '@/lib/customers/delete-customer';
import { getCustomerDetail } from '@/lib/customers/get-customer-detail';
import { retryCustomer } from '@/lib/customers/retry-customer';
import { setCustomerRbpm } from '@/lib/customers/set-customer-rbpm';
import { fixedClock } from '@/lib/platform/clock';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/platform/errors';
import { customerInput, makeTemplate, recordingJobs, serviceCaller } from './support/customer-fixtures';
import { makeAdmin, makeCustomer, makePartner, makeSubPartner } from './support/fixtures';
import { freshDb } from './support/test-db';
import { oneRow } from '@/db/one-row';

const db = await freshDb();
const clock = fixedClock('2030-06-01T09:00:00Z');
const jobs = recordingJobs();
const deps = { db, clock, jobs };
const call = serviceCaller(db, { clock, jobs });

let parent: string;
let subA: string;
let subB: string;
let actors: Record<'full' | 'wholesale' | 'readonly' | 'subA' | 'subB', Actor>;
let template: { id: string };

const rbpm = (a: Actor, orgId: string, customerId: string, value: boolean) =>
  call(a.userId, orgId, 'customers.rbpm', customerRbpmSchema, setCustomerRbpm, { customerId, rbpm: value });
const remove = (a: Actor, orgId: string, customerId: string) =>
  call(a.userId, orgId, 'customers.delete', customerIdSchema, deleteCustomer, { customerId });
const detail = (a: Actor, orgId: string, customerId: string) =>
  call(
    a.userId,
    orgId,
    'customers.read',
    customerIdSchema,
    (ctx, i: z.output<typeof customerIdSchema>) => getCustomerDetail(ctx.db, ctx.access, i.customerId),
    { customerId },
  );

let phoneSeq = 1;

/** A provisioned customer of the parent with two more subscribers holding numbers. */
async function provisionedCustomer() {
  const { customerId, orgId } = await call(
    actors.full.userId,
    parent,
    'customers.write',
    createCustomerSchema,
    createCustomer,
    customerInput(template.id),
  );
  await provisionCustomer(deps, customerId);
  const hq = await oneRow(db.select().from(locations).where(eq(locations.orgId, orgId)), 'hq');
  for (const i of [0, 1]) {
    const u = await oneRow(
      db
        .insert(users)
        .values({ orgId, email: `user${i}-${customerId.slice(0, 6)}@customer.test` })
        .returning(),
      'u',
    );
    const s = await oneRow(
      db
        .insert(subscribers)
        .values({
          customerId,
          orgId,
          kind: 'user',
          userId: u.id,
          package: 'webex_calling',
          locationId: hq.id,
          extension: String(2000 + i),
          primaryPhoneNumber: `+1555${String(phoneSeq++).padStart(7, '0')}`,
        })
        .returning(),
      's',
    );
    await db.insert(packageAssignments).values({
      subscriberId: s.id,
      customerId,
      partnerOrgId: parent,
      locationId: hq.id,
      package: 'webex_calling',
      startedAt: new Date('2030-05-01T00:00:00Z'),
    });
  }
  return { customerId, orgId, hqId: hq.id };
}

beforeAll(async () => {
  parent = (await makePartner(db, { name: 'Manage Parent' })).id;
  subA = (await makeSubPartner(db, parent, 'Sub A')).id;
  subB = (await makeSubPartner(db, parent, 'Sub B')).id;
  actors = {
    full: await makeAdmin(db, parent, ['partner_full_admin', 'wholesale_admin']),
    wholesale: await makeAdmin(db, parent, ['wholesale_admin']),
    readonly: await makeAdmin(db, parent, ['partner_readonly_admin']),
    subA: await makeAdmin(db, subA, ['partner_full_admin', 'wholesale_admin']),
    subB: await makeAdmin(db, subB, ['partner_full_admin', 'wholesale_admin']),
  };
  template = await makeTemplate(db, parent, actors.full.userId);
});

describe('delete (SPEC §4.5)', () => {
  it('deprovisions: every open interval ends now, subscribers are removed and their numbers released; history stays', async () => {
    const { customerId, orgId, hqId } = await provisionedCustomer();
    const numbers = (await db.select({ p: subscribers.primaryPhoneNumber }).from(subscribers).where(eq(subscribers.customerId, customerId)))
      .map((r) => r.p)
      .filter(Boolean);
    clock.advance(3_600_000);
    const r = await remove(actors.wholesale, parent, customerId);
    expect(r).toMatchObject({ closedAssignments: 3, removedSubscribers: 3 });

    const c = await oneRow(db.select().from(customers).where(eq(customers.id, customerId)), 'c');
    expect(c).toMatchObject({ status: 'deprovisioned' });
    expect(c.deprovisionedAt).toEqual(clock.now());
    expect(c.statusChangedAt).toEqual(clock.now());
    const intervals = await db.select().from(packageAssignments).where(eq(packageAssignments.customerId, customerId));
    expect(intervals).toHaveLength(3); // closed, not deleted
    expect(intervals.every((a) => a.endedAt?.getTime() === clock.now().getTime())).toBe(true);
    const subs = await db.select().from(subscribers).where(eq(subscribers.customerId, customerId));
    expect(subs.every((s) => s.status === 'removed' && s.removedAt?.getTime() === clock.now().getTime())).toBe(true);

    // Released: the same numbers and extensions can be given to someone else now.
    const u = await oneRow(
      db
        .insert(users)
        .values({ orgId, email: `reuse-${customerId}@customer.test` })
        .returning(),
      'u',
    );
    await db.insert(subscribers).values({
      customerId,
      orgId,
      kind: 'user',
      userId: u.id,
      package: 'webex_calling',
      locationId: hqId,
      extension: '1001',
      primaryPhoneNumber: numbers[0],
    });

    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'customer.delete'), eq(auditLog.targetId, customerId)));
    expect(entry).toMatchObject({
      actorUserId: actors.wholesale.userId,
      before: { status: 'provisioned' },
      after: { status: 'deprovisioned', closedAssignments: 3 },
    });
  });

  it('refuses a second delete and a delete while provisioning runs (409), changing nothing', async () => {
    const { customerId } = await provisionedCustomer();
    await remove(actors.full, parent, customerId);
    await expect(remove(actors.full, parent, customerId)).rejects.toBeInstanceOf(ConflictError);
    const fresh = await call(
      actors.full.userId,
      parent,
      'customers.write',
      createCustomerSchema,
      createCustomer,
      customerInput(template.id),
    );
    await expect(remove(actors.full, parent, fresh.customerId)).rejects.toThrow(/can’t be deleted while it is provisioning/);
    const c = await oneRow(db.select().from(customers).where(eq(customers.id, fresh.customerId)), 'c');
    expect(c.status).toBe('provisioning');
  });

  it('a deprovisioned customer cannot be retried or revived (illegal transition)', async () => {
    const { customerId } = await provisionedCustomer();
    await remove(actors.full, parent, customerId);
    await expect(
      call(actors.full.userId, parent, 'customers.write', customerIdSchema, retryCustomer, { customerId }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await provisionCustomer(deps, customerId)).toBe('skipped');
  });

  it('is refused to a read-only admin (403) and leaves billing running', async () => {
    const { customerId } = await provisionedCustomer();
    await expect(remove(actors.readonly, parent, customerId)).rejects.toBeInstanceOf(ForbiddenError);
    const open = await db
      .select()
      .from(packageAssignments)
      .where(and(eq(packageAssignments.customerId, customerId), isNull(packageAssignments.endedAt)));
    expect(open).toHaveLength(3);
  });
});

describe('Restricted by Partner Mode (SPEC §5.1)', () => {
  it('full and wholesale admins toggle it; audited with before/after; customer admins are e-mailed', async () => {
    const { customerId, orgId } = await provisionedCustomer();
    expect((await rbpm(actors.full, parent, customerId, false)).rbpm).toBe(false);
    expect((await rbpm(actors.wholesale, parent, customerId, true)).rbpm).toBe(true);
    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'customer.rbpm.update'), eq(auditLog.targetId, customerId)))
      .orderBy(auditLog.id);
    expect(entries.map((e) => [e.actorUserId, e.before, e.after])).toEqual([
      [actors.full.userId, { rbpm: true }, { rbpm: false }],
      [actors.wholesale.userId, { rbpm: false }, { rbpm: true }],
    ]);
    const mails = await db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.orgId, orgId), eq(emailOutbox.kind, 'rbpm_changed')));
    expect(mails).toHaveLength(2);
    const adminUser = await oneRow(db.select().from(users).where(eq(users.orgId, orgId)).limit(1), 'adminUser');
    expect(mails.every((m) => m.to === adminUser.email)).toBe(true);
  });

  it('setting the current value is a no-op (no audit, no e-mail)', async () => {
    const { customerId } = await provisionedCustomer();
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    await rbpm(actors.full, parent, customerId, true);
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(auditLog)).toEqual(before);
  });

  it('is refused to a read-only admin, changing nothing', async () => {
    const { customerId } = await provisionedCustomer();
    await expect(rbpm(actors.readonly, parent, customerId, false)).rejects.toBeInstanceOf(ForbiddenError);
    const c = await oneRow(db.select().from(customers).where(eq(customers.id, customerId)), 'c');
    expect(c.rbpm).toBe(true);
  });

  it('is not available for an org attached through the API', async () => {
    const { customer } = await makeCustomer(db, parent);
    await db.update(customers).set({ attached: true, rbpm: false }).where(eq(customers.id, customer.id));
    await expect(rbpm(actors.full, parent, customer.id, true)).rejects.toMatchObject({
      errorCode: 10114,
      message: expect.stringMatching(/^Managed through the API/),
    });
  });
});

describe('the detail panel', () => {
  it('shows packages, address, users by package and the provisioning log', async () => {
    const { customerId, orgId } = await provisionedCustomer();
    const d = await detail(actors.readonly, parent, customerId);
    expect(d).toMatchObject({
      customerId,
      orgId,
      status: 'provisioned',
      rbpm: true,
      activeUsers: 3,
      subscriptionId: expect.stringMatching(/^Sub-/),
    });
    expect(d.usersByPackage).toEqual([{ package: 'webex_calling', users: 3 }]);
    expect(d.address).toMatchObject({ addressLine1: '1 Main Street', country: 'US' });
    expect(d.events.map((e) => e.step)).toContain('completed');
    expect(d.packages.map((p) => p.status)).toEqual(['provisioned', 'provisioned']);
  });
});

describe('tenancy: another org’s customer does not exist (404) by any id', () => {
  let parentCustomer: string;
  let subBCustomer: string;
  beforeAll(async () => {
    parentCustomer = (await makeCustomer(db, parent)).customer.id;
    subBCustomer = (await makeCustomer(db, subB)).customer.id;
  });

  it('a sub-partner admin can’t see, toggle or delete the parent’s or a sibling’s customers', async () => {
    for (const id of [parentCustomer, subBCustomer]) {
      await expect(detail(actors.subA, subA, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(rbpm(actors.subA, subA, id, false)).rejects.toBeInstanceOf(NotFoundError);
      await expect(remove(actors.subA, subA, id)).rejects.toBeInstanceOf(NotFoundError);
    }
    // …nor act in the parent's or the sibling's org at all.
    await expect(rbpm(actors.subA, parent, parentCustomer, false)).rejects.toBeInstanceOf(NotFoundError);
    await expect(remove(actors.subA, subB, subBCustomer)).rejects.toBeInstanceOf(NotFoundError);
    const rows = await db
      .select({ rbpm: customers.rbpm, status: customers.status })
      .from(customers)
      .where(sql`${customers.id} in (${parentCustomer}, ${subBCustomer})`);
    expect(rows.every((r) => r.rbpm && r.status === 'provisioned')).toBe(true);
  });

  it('the parent reaches a sub-partner’s customer only cross-launched into that sub-partner, not from its own org', async () => {
    await expect(detail(actors.full, parent, subBCustomer)).rejects.toBeInstanceOf(NotFoundError);
    await expect(detail(actors.full, subB, subBCustomer)).resolves.toMatchObject({ customerId: subBCustomer });
  });

  it('a malformed id is a 404 too', async () => {
    await expect(detail(actors.full, parent, 'not-a-uuid')).rejects.toBeInstanceOf(NotFoundError);
  });
});
