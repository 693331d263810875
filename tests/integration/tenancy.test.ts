// Tenancy on real rows: who reaches which org, through which relation — and the 404s.
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveAccess, type Actor } from '@/lib/auth/access';
import { authorize } from '@/lib/server/guard';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '@/lib/platform/errors';
import { freshDb } from './support/test-db';
import { makeAdmin, makeCustomer, makePartner, makeSubPartner } from './support/fixtures';

const db = await freshDb();

let w: {
  parent: string;
  subA: string;
  subB: string;
  parentCustomer: string;
  subACustomer: string;
  subBCustomer: string;
  otherPartner: string;
  otherCustomer: string;
  nonWholesale: string;
  salesOwn: string;
  salesOther: string;
};
let actors: Record<
  'parentFull' | 'parentWholesaleOnly' | 'parentReadonly' | 'subAAdmin' | 'customerAdmin' | 'sales' | 'salesFull' | 'nobody',
  Actor
>;

beforeAll(async () => {
  const parent = await makePartner(db, { name: 'Parent' });
  const subA = await makeSubPartner(db, parent.id, 'Sub A');
  const subB = await makeSubPartner(db, parent.id, 'Sub B');
  const other = await makePartner(db, { name: 'Unrelated' });
  const nonWholesale = await makePartner(db, { name: 'Trials Co', wholesale: false });
  const parentCustomer = await makeCustomer(db, parent.id);
  const subACustomer = await makeCustomer(db, subA.id);
  const subBCustomer = await makeCustomer(db, subB.id);
  const otherCustomer = await makeCustomer(db, other.id);
  const sales = await makeAdmin(db, nonWholesale.id, ['sales_admin']);
  const salesOwn = await makeCustomer(db, nonWholesale.id, { createdBy: sales.userId });
  const salesOther = await makeCustomer(db, nonWholesale.id);
  actors = {
    parentFull: await makeAdmin(db, parent.id, ['partner_full_admin', 'wholesale_admin']),
    parentWholesaleOnly: await makeAdmin(db, parent.id, ['wholesale_admin']),
    parentReadonly: await makeAdmin(db, parent.id, ['partner_readonly_admin']),
    subAAdmin: await makeAdmin(db, subA.id, ['partner_full_admin', 'wholesale_admin']),
    customerAdmin: await makeAdmin(db, parentCustomer.org.id, ['customer_full_admin']),
    sales,
    salesFull: await makeAdmin(db, nonWholesale.id, ['sales_full_admin']),
    nobody: await makeAdmin(db, other.id, []),
  };
  w = {
    parent: parent.id,
    subA: subA.id,
    subB: subB.id,
    parentCustomer: parentCustomer.org.id,
    subACustomer: subACustomer.org.id,
    subBCustomer: subBCustomer.org.id,
    otherPartner: other.id,
    otherCustomer: otherCustomer.org.id,
    nonWholesale: nonWholesale.id,
    salesOwn: salesOwn.org.id,
    salesOther: salesOther.org.id,
  };
});

const relation = async (actor: Actor, orgId: string) => (await resolveAccess(db, actor, orgId))?.relation ?? null;

describe('a sub-partner admin sees only its own org and its own customers', () => {
  it('own org and own customer', async () => {
    expect(await relation(actors.subAAdmin, w.subA)).toBe('own');
    expect(await relation(actors.subAAdmin, w.subACustomer)).toBe('customer');
  });
  it('never the parent, a sibling, or their customers', async () => {
    for (const id of [w.parent, w.subB, w.subBCustomer, w.parentCustomer, w.otherPartner, w.otherCustomer]) {
      expect(await relation(actors.subAAdmin, id)).toBeNull();
    }
  });
});

describe('a parent partner', () => {
  it('full + wholesale admin cross-launches into sub-partners and their customers', async () => {
    expect(await relation(actors.parentFull, w.subA)).toBe('sub_partner');
    expect(await relation(actors.parentFull, w.subBCustomer)).toBe('sub_partner_customer');
    expect(await relation(actors.parentFull, w.parentCustomer)).toBe('customer');
  });
  it('without both roles, sub-partners and their customers do not exist for it', async () => {
    for (const a of [actors.parentWholesaleOnly, actors.parentReadonly]) {
      expect(await relation(a, w.subA)).toBeNull();
      expect(await relation(a, w.subACustomer)).toBeNull();
      expect(await relation(a, w.parentCustomer)).toBe('customer');
    }
  });
  it('never an unrelated partner or its customers', async () => {
    expect(await relation(actors.parentFull, w.otherPartner)).toBeNull();
    expect(await relation(actors.parentFull, w.otherCustomer)).toBeNull();
  });
});

describe('customer admins and sales admins', () => {
  it('a customer admin reaches only its own customer org', async () => {
    expect(await relation(actors.customerAdmin, w.parentCustomer)).toBe('own');
    expect(await relation(actors.customerAdmin, w.parent)).toBeNull();
    expect(await relation(actors.customerAdmin, w.subACustomer)).toBeNull();
  });
  it('a sales admin reaches the customers they created, a sales full admin all', async () => {
    expect(await relation(actors.sales, w.salesOwn)).toBe('customer');
    expect(await relation(actors.sales, w.salesOther)).toBeNull();
    expect(await relation(actors.salesFull, w.salesOther)).toBe('customer');
  });
  it('a person without roles reaches nothing, not even their own org', async () => {
    expect(await relation(actors.nobody, w.otherPartner)).toBeNull();
  });
});

describe('authorize(): the wrapper every action and route handler uses', () => {
  it('refuses without a session (401)', async () => {
    await expect(authorize({ db }, null, w.parent, 'org.read')).rejects.toBeInstanceOf(UnauthenticatedError);
  });
  it('answers 404 for an org without relation, or a malformed id', async () => {
    await expect(authorize({ db }, actors.subAAdmin.userId, w.parent, 'org.read')).rejects.toBeInstanceOf(NotFoundError);
    await expect(authorize({ db }, actors.subAAdmin.userId, 'not-a-uuid', 'org.read')).rejects.toBeInstanceOf(NotFoundError);
  });
  it('answers 403 with a clear message when the role lacks the capability', async () => {
    await expect(authorize({ db }, actors.parentReadonly.userId, w.parent, 'templates.write')).rejects.toThrow(ForbiddenError);
    await expect(authorize({ db }, actors.parentReadonly.userId, w.parent, 'templates.write')).rejects.toThrow("You don't have permission");
  });
  it('cross-launched, reports are not available', async () => {
    await expect(authorize({ db }, actors.parentFull.userId, w.subA, 'billing.reports.read')).rejects.toThrow(
      'Not available when cross-launched.',
    );
    const access = await authorize({ db }, actors.parentFull.userId, w.subA, 'templates.write');
    expect(access.actingPartner?.id).toBe(w.parent);
  });
});
