// Issue 17.9: a refused page names the way forward that fits who is refused and why.
import { describe, expect, it } from 'vitest';
import { denialNextStep } from '@/lib/auth/denial-next-step';
import { rbpmRestrictions } from '@/lib/customer-view/customer-home-steps';
import { CUSTOMER_PERMISSIONS } from '@/lib/auth/permissions';

const org = (kind: 'partner' | 'sub_partner' | 'customer') => ({
  id: 'o',
  name: 'Fabrikam Networks',
  kind,
  wholesale: true,
  state: 'active' as const,
  parentPartnerId: null,
});
const northwind = { id: 'p', name: 'Northwind Telecom' };

describe('denialNextStep', () => {
  it('cross-launched: not a missing role, so it points back to the acting partner', () => {
    const next = denialNextStep(
      { org: org('sub_partner'), relation: 'sub_partner', actingPartner: northwind },
      'not_available_cross_launched',
    );
    expect(next).toBe("It is for Fabrikam Networks's own administrators. Go back to Northwind Telecom to use yours.");
    expect(next).not.toMatch(/Ask a partner full administrator/);
  });

  it('a missing role on the own org: ask a full administrator of the right kind', () => {
    expect(denialNextStep({ org: org('partner'), relation: 'own', actingPartner: null }, 'forbidden')).toBe(
      'Ask a partner full administrator of your organisation if you need this access.',
    );
    expect(denialNextStep({ org: org('customer'), relation: 'own', actingPartner: null }, 'read_only')).toBe(
      'Ask a full administrator of your organisation if you need this access.',
    );
    expect(denialNextStep({ org: org('customer'), relation: 'customer', actingPartner: northwind }, 'read_only')).toBe(
      'Ask a partner full administrator of Northwind Telecom if you need this access.',
    );
  });

  it('under RBPM it sends the customer admin to the partner', () => {
    expect(denialNextStep({ org: org('customer'), relation: 'own', actingPartner: null }, 'restricted_by_partner')).toMatch(
      /ask your partner/,
    );
  });
});

describe('rbpmRestrictions', () => {
  it('lists every capability the policy table marks as restricted by RBPM, and nothing else', () => {
    const listed = rbpmRestrictions().flatMap((g) => g.items).length;
    expect(listed).toBe(Object.values(CUSTOMER_PERMISSIONS).filter((r) => 'rbpm' in r && r.rbpm).length);
    expect(rbpmRestrictions().map((g) => g.section)).toEqual([
      'Users',
      'Locations',
      'Account',
      'Organisation settings',
      'Calling',
      'Services',
    ]);
  });
});
