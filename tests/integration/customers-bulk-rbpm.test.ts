// Bulk Restricted by Partner Mode from the customer list (issue 17.5, SPEC §5.1): one action
// through the policy table, applying the single toggle's rules per customer with a result
// per row; tenancy all-or-nothing (another tenant's real id refuses the whole request).
import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, customers, emailOutbox } from '@/db/schema';
import type { Actor } from '@/lib/auth/access';
import { customersRbpmSchema } from '@/lib/customers/customer-id-schema';
import { setCustomersRbpm } from '@/lib/customers/set-customers-rbpm';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/platform/errors';
import { rejection, serviceCaller } from './support/customer-fixtures';
import { setupCustomer } from './support/customer-view-fixtures';
import { makeAdmin, makePartner, makeSubPartner } from './support/fixtures';
import { freshDb } from './support/test-db';

const db = await freshDb();
const call = serviceCaller(db);

let partner: string;
let full: Actor;
let readonly: Actor;
let ids: { a: string; b: string; on: string; attached: string; gone: string };
let foreign: string;
let sub: { id: string; admin: Actor; customerId: string };

const bulk = (who: Actor, orgId: string, input: unknown) =>
  call(who.userId, orgId, 'customers.rbpm', customersRbpmSchema, setCustomersRbpm, input);
const rbpmOf = async (list: string[]) =>
  Object.fromEntries(
    (await db.select({ id: customers.id, rbpm: customers.rbpm }).from(customers).where(inArray(customers.id, list))).map((r) => [
      r.id,
      r.rbpm,
    ]),
  );
const audits = async (list: string[]) =>
  (
    await db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'customer.rbpm.update'), inArray(auditLog.targetId, list)))
  )[0]!.n;

beforeAll(async () => {
  partner = (await makePartner(db, { name: 'Bulk Partner' })).id;
  full = await makeAdmin(db, partner, ['partner_full_admin', 'wholesale_admin']);
  readonly = await makeAdmin(db, partner, ['partner_readonly_admin']);
  const mk = async (rbpm: boolean) => (await setupCustomer(db, partner, { rbpm })).customerId;
  ids = { a: await mk(false), b: await mk(false), on: await mk(true), attached: await mk(false), gone: await mk(true) };
  await db.update(customers).set({ attached: true }).where(eq(customers.id, ids.attached));
  await db.update(customers).set({ status: 'deprovisioned' }).where(eq(customers.id, ids.gone));
  const other = await makePartner(db, { name: 'Other tenant' });
  foreign = (await setupCustomer(db, other.id, { rbpm: false })).customerId;
  const s = await makeSubPartner(db, partner, 'Bulk Sub');
  sub = {
    id: s.id,
    admin: await makeAdmin(db, s.id, ['partner_full_admin', 'wholesale_admin']),
    customerId: (await setupCustomer(db, s.id, { rbpm: false })).customerId,
  };
});

describe('bulk Restricted by Partner Mode', () => {
  it('applies per customer with the single toggle’s rules and reports each row', async () => {
    const mailsBefore = (await db.select({ n: sql<number>`count(*)::int` }).from(emailOutbox))[0]!.n;
    const out = await bulk(full, partner, { customerIds: [ids.a, ids.b, ids.on, ids.attached, ids.gone], rbpm: true });
    expect(out).toEqual([
      { customerId: ids.a, ok: true, rbpm: true, changed: true },
      { customerId: ids.b, ok: true, rbpm: true, changed: true },
      { customerId: ids.on, ok: true, rbpm: true, changed: false },
      { customerId: ids.attached, ok: false, message: expect.stringMatching(/^Managed through the API/) },
      { customerId: ids.gone, ok: false, message: 'Not applicable: the customer is deprovisioned.' },
    ]);
    expect(await rbpmOf([ids.a, ids.b, ids.attached, ids.gone])).toEqual({
      [ids.a]: true,
      [ids.b]: true,
      [ids.attached]: false,
      [ids.gone]: true,
    });
    // Audited with before/after and e-mailed, once per customer that changed — as the single toggle does.
    expect(await audits([ids.a, ids.b])).toBe(2);
    expect(await audits([ids.on, ids.attached, ids.gone])).toBe(0);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'customer.rbpm.update'), eq(auditLog.targetId, ids.a)));
    expect(entry).toMatchObject({ before: { rbpm: false }, after: { rbpm: true } });
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(emailOutbox))[0]!.n).toBeGreaterThanOrEqual(mailsBefore + 2);

    const off = await bulk(full, partner, { customerIds: [ids.a, ids.b], rbpm: false });
    expect(off.every((o) => o.ok && o.changed && !o.rbpm)).toBe(true);
    expect(await rbpmOf([ids.a, ids.b])).toEqual({ [ids.a]: false, [ids.b]: false });
  });

  it('a read-only administrator is refused (403) and nothing changes', async () => {
    expect(await rejection(bulk(readonly, partner, { customerIds: [ids.a], rbpm: true }))).toBeInstanceOf(ForbiddenError);
    expect(await rbpmOf([ids.a])).toEqual({ [ids.a]: false });
  });

  it('another tenant’s real customer id among its own: the whole request is a 404 and nothing changes', async () => {
    const before = await audits([ids.a, ids.b, foreign, sub.customerId]);
    for (const list of [[ids.a, foreign], [foreign], [ids.b, sub.customerId]]) {
      expect(await rejection(bulk(full, partner, { customerIds: list, rbpm: true }))).toBeInstanceOf(NotFoundError);
    }
    // An indirect provider reaches neither its parent's customers nor another tenant's.
    expect(await rejection(bulk(sub.admin, sub.id, { customerIds: [sub.customerId, ids.a], rbpm: true }))).toBeInstanceOf(NotFoundError);
    // Aimed at the other org itself: no access there at all.
    expect(await rejection(bulk(sub.admin, partner, { customerIds: [ids.a], rbpm: true }))).toBeInstanceOf(NotFoundError);
    expect(await rbpmOf([ids.a, ids.b, foreign, sub.customerId])).toEqual({
      [ids.a]: false,
      [ids.b]: false,
      [foreign]: false,
      [sub.customerId]: false,
    });
    expect(await audits([ids.a, ids.b, foreign, sub.customerId])).toBe(before);
  });

  it('bad input is a clear 400 and changes nothing', async () => {
    for (const input of [
      { customerIds: [], rbpm: true },
      { customerIds: [ids.a, ids.a], rbpm: true },
      { customerIds: [ids.a] },
      { customerIds: ids.a, rbpm: true },
    ]) {
      expect(await rejection(bulk(full, partner, input))).toBeInstanceOf(ValidationError);
    }
    expect(await rbpmOf([ids.a])).toEqual({ [ids.a]: false });
  });
});
