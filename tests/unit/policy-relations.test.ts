// The policy applied to org relations: who reaches which org, and what RBPM takes away.
import { describe, expect, it } from 'vitest';
import { can, canReach, decide, type AccessSubject } from '@/lib/auth/policy';
import { CUSTOMER_PERMISSIONS, type CustomerCapability, type CustomerRule } from '@/lib/auth/permissions';
import type { CustomerRole, PartnerRole } from '@/lib/domain/roles';

const ME = 'user-1';
const partnerOrg = { id: 'p', kind: 'partner' as const, wholesale: true };
const subOrg = { id: 's', kind: 'sub_partner' as const, wholesale: true };
const customerOrg = { id: 'c', kind: 'customer' as const, wholesale: true };

function subject(over: Partial<AccessSubject> & Pick<AccessSubject, 'org' | 'relation'>): AccessSubject {
  return { userId: ME, partnerRoles: [], customerRoles: [], partnerWholesale: true, ...over };
}
const FULL_WS: PartnerRole[] = ['partner_full_admin', 'wholesale_admin'];

describe('reaching an org (else 404)', () => {
  it('own org needs at least one role', () => {
    expect(canReach(subject({ org: partnerOrg, relation: 'own', partnerRoles: ['partner_readonly_admin'] }))).toBe(true);
    expect(canReach(subject({ org: partnerOrg, relation: 'own' }))).toBe(false);
  });

  it('a sub-partner (cross-launch) needs full + wholesale of the parent', () => {
    expect(canReach(subject({ org: subOrg, relation: 'sub_partner', partnerRoles: FULL_WS }))).toBe(true);
    for (const roles of [['partner_full_admin'], ['wholesale_admin'], ['partner_readonly_admin']] as PartnerRole[][]) {
      expect(canReach(subject({ org: subOrg, relation: 'sub_partner', partnerRoles: roles }))).toBe(false);
    }
  });

  it("a sub-partner's customer needs full + wholesale of the parent", () => {
    expect(
      canReach(
        subject({ org: customerOrg, relation: 'sub_partner_customer', partnerRoles: FULL_WS, customer: { rbpm: true, createdBy: null } }),
      ),
    ).toBe(true);
    expect(
      canReach(
        subject({
          org: customerOrg,
          relation: 'sub_partner_customer',
          partnerRoles: ['wholesale_admin'],
          customer: { rbpm: true, createdBy: null },
        }),
      ),
    ).toBe(false);
  });

  it('a sales admin reaches only customers they created', () => {
    const mine = subject({
      org: customerOrg,
      relation: 'customer',
      partnerRoles: ['sales_admin'],
      partnerWholesale: false,
      customer: { rbpm: false, createdBy: ME },
    });
    const other = subject({ ...mine, customer: { rbpm: false, createdBy: 'someone-else' } });
    expect(canReach(mine)).toBe(true);
    expect(canReach(other)).toBe(false);
  });
});

describe('partner admins in a customer view', () => {
  const view = (roles: PartnerRole[], rbpm = true) =>
    subject({ org: customerOrg, relation: 'customer', partnerRoles: roles, customer: { rbpm, createdBy: null } });

  it('full and wholesale admins open and change it; RBPM never restricts them', () => {
    for (const roles of [['partner_full_admin'], ['wholesale_admin']] as PartnerRole[][]) {
      expect(can(view(roles), 'customerView.open')).toBe(true);
      expect(can(view(roles), 'cv.users.manage')).toBe(true);
      expect(can(view(roles), 'cv.account.edit')).toBe(true);
    }
  });

  it('a read-only admin opens it read only', () => {
    expect(can(view(['partner_readonly_admin']), 'cv.read')).toBe(true);
    expect(decide(view(['partner_readonly_admin']), 'cv.users.manage')).toEqual({ allowed: false, reason: 'read_only' });
    expect(can(view(['partner_readonly_admin']), 'customers.rbpm')).toBe(false);
  });

  it('partner-only screens do not exist on a customer org', () => {
    expect(can(view(FULL_WS), 'templates.write')).toBe(false);
    expect(can(view(FULL_WS), 'billing.reports.read')).toBe(false);
  });

  it("partner use cases never run with a customer org's id (they run on the owning partner org)", () => {
    for (const c of ['customers.write', 'customers.rbpm', 'customers.read', 'subPartners.manage'] as const) {
      expect(can(view(FULL_WS), c)).toBe(false);
    }
  });
});

describe('cross-launched into a sub-partner', () => {
  const cl = subject({ org: subOrg, relation: 'sub_partner', partnerRoles: FULL_WS });
  it('can create templates and customers on its behalf', () => {
    expect(can(cl, 'templates.write')).toBe(true);
    expect(can(cl, 'customers.write')).toBe(true);
  });
  it('reports are "Not available when cross-launched"', () => {
    expect(decide(cl, 'billing.reports.read')).toEqual({ allowed: false, reason: 'not_available_cross_launched' });
    expect(decide(cl, 'billing.reports.write')).toEqual({ allowed: false, reason: 'not_available_cross_launched' });
  });
});

describe('customer admins: role − RBPM restrictions (SPEC §5.2)', () => {
  const admin = (roles: CustomerRole[], rbpm: boolean, wholesale = true) =>
    subject({ org: { ...customerOrg, wholesale }, relation: 'own', customerRoles: roles, customer: { rbpm, createdBy: null } });
  const caps = Object.keys(CUSTOMER_PERMISSIONS) as CustomerCapability[];

  it('RBPM on: every RBPM-marked capability is refused as restricted_by_partner', () => {
    for (const c of caps) {
      const rule: CustomerRule = CUSTOMER_PERMISSIONS[c];
      const d = decide(admin(['customer_full_admin'], true), c);
      if (rule.wholesaleLocked) expect(d).toEqual({ allowed: false, reason: 'read_only' });
      else if (rule.rbpm) expect(d).toEqual({ allowed: false, reason: 'restricted_by_partner' });
      else expect(d.allowed).toBe(true);
    }
  });

  it('RBPM off: a full admin may manage users and account; wholesale-locked items stay read only', () => {
    const a = admin(['customer_full_admin'], false);
    expect(can(a, 'cv.users.manage')).toBe(true);
    expect(can(a, 'cv.account.edit')).toBe(true);
    expect(can(a, 'cv.calling.callPriority')).toBe(false);
    expect(can(a, 'cv.phoneNumbers.manage')).toBe(false);
  });

  it('names and primary e-mail stay editable under RBPM', () => {
    expect(can(admin(['customer_full_admin'], true), 'cv.users.editNames')).toBe(true);
  });

  it('a customer read-only admin can read and change nothing', () => {
    const ro = admin(['customer_readonly_admin'], false);
    expect(can(ro, 'cv.read')).toBe(true);
    for (const c of caps.filter((x) => x !== 'cv.read')) expect(can(ro, c)).toBe(false);
  });

  it('customer admins get no partner capability on their own org', () => {
    expect(can(admin(['customer_full_admin'], false), 'customers.rbpm')).toBe(false);
    expect(can(admin(['customer_full_admin'], false), 'customers.read')).toBe(false);
  });
});

describe('sub-partners are one level deep', () => {
  it("a sub-partner's own full + wholesale admin can't reach Indirect providers or set up sub-partners", () => {
    const own = subject({ org: subOrg, relation: 'own', partnerRoles: FULL_WS });
    expect(can(own, 'subPartners.access')).toBe(false);
    expect(can(own, 'subPartners.manage')).toBe(false);
  });
  it('nor can a parent cross-launched into one', () => {
    const cl = subject({ org: subOrg, relation: 'sub_partner', partnerRoles: FULL_WS });
    expect(can(cl, 'subPartners.manage')).toBe(false);
  });
  it("a top-level wholesale partner's full + wholesale admin can; a non-wholesale partner can't set one up", () => {
    expect(can(subject({ org: partnerOrg, relation: 'own', partnerRoles: FULL_WS }), 'subPartners.manage')).toBe(true);
    expect(
      can(
        subject({ org: { ...partnerOrg, wholesale: false }, relation: 'own', partnerRoles: FULL_WS, partnerWholesale: false }),
        'subPartners.manage',
      ),
    ).toBe(false);
  });
});
