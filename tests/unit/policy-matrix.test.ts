// SPEC §1.2, copied verbatim. Every cell is checked against the permission table, so
// changing any single cell in lib/auth/permissions.ts (or here) makes this test fail.
import { describe, expect, it } from 'vitest';
import { decide, partnerGrant, type AccessSubject } from '@/lib/auth/policy';
import type { PartnerCapability } from '@/lib/auth/permissions';
import { PARTNER_PERMISSIONS } from '@/lib/auth/permissions';
import { PARTNER_ROLES, type PartnerRole } from '@/lib/domain/roles';

const SPEC_MATRIX = `
| capability | full | wholesale | read-only | sales full | sales |
|---|---|---|---|---|---|
| see customers, templates, reports of own org | ✔ | ✔ | ✔ | ✔ | ✔ (own customers) |
| create / edit / delete onboarding templates | ✔ | ✔ | | | |
| create wholesale customer, set up customer, manage its users | ✔ | ✔ | | | |
| open a customer's view (cross-launch) | ✔ (write) | ✔ (write) | ✔ (read only) | ✔ (write, trials) | own customers |
| toggle Restricted by Partner Mode | ✔ | ✔ | | | |
| **Indirect providers** tab, cross-launch into a sub-partner, search sub-partners' customers | needs **both** \`partner_full_admin\` **and** \`wholesale_admin\` | | | | |
| set up a sub-partner (self-service, see §6.4) | ✔ (+ wholesale) | | | | |
| billing report create / delete | ✔ | ✔ | | | |
| billing report list / get / download | ✔ | ✔ | ✔ | | |
| manage partner admins, API tokens, branding | ✔ | | | | |
| start / manage trials (non-wholesale partners only) | | | | ✔ all customers | ✔ customers they created |
`;

const COLUMN_ROLES: PartnerRole[] = ['partner_full_admin', 'wholesale_admin', 'partner_readonly_admin', 'sales_full_admin', 'sales_admin'];

/** Which capabilities of our table implement each SPEC row. */
const ROW_CAPABILITIES: Record<string, { capabilities: PartnerCapability[]; writeOnly?: boolean }[]> = {
  'see customers, templates, reports of own org': [{ capabilities: ['org.read', 'customers.read', 'templates.read'] }],
  'create / edit / delete onboarding templates': [{ capabilities: ['templates.write'] }],
  'create wholesale customer, set up customer, manage its users': [{ capabilities: ['customers.write', 'customers.delete'] }],
  "open a customer's view (cross-launch)": [
    { capabilities: ['customerView.open'] },
    { capabilities: ['customerView.write'], writeOnly: true },
  ],
  'toggle Restricted by Partner Mode': [{ capabilities: ['customers.rbpm'] }],
  "**Indirect providers** tab, cross-launch into a sub-partner, search sub-partners' customers": [{ capabilities: ['subPartners.access'] }],
  'set up a sub-partner (self-service, see §6.4)': [{ capabilities: ['subPartners.manage'] }],
  'billing report create / delete': [{ capabilities: ['billing.reports.write'] }],
  'billing report list / get / download': [{ capabilities: ['billing.reports.read'] }],
  'manage partner admins, API tokens, branding': [{ capabilities: ['admins.manage', 'apiTokens.manage', 'branding.manage'] }],
  'start / manage trials (non-wholesale partners only)': [{ capabilities: ['trials.manage'] }],
};

interface Row {
  label: string;
  cells: string[];
}

function parseMatrix(text: string): Row[] {
  return text
    .trim()
    .split('\n')
    .slice(2)
    .map((line) => {
      const parts = line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      return { label: parts[0], cells: parts.slice(1) };
    });
}

type Expected = 'all' | 'own' | null;

/**
 * A cell as a grant at a wholesale and at a non-wholesale partner: blank = none; "own
 * customers" / "customers they created" = own; else all. A "trials" qualifier ("(write,
 * trials)") limits the grant to non-wholesale partners: trials exist only there (§9).
 */
function cellGrant(cell: string, writeOnly: boolean): { wholesale: Expected; nonWholesale: Expected } {
  const grant: Expected =
    !cell || (writeOnly && /read only/.test(cell)) ? null : /own customers|customers they created/.test(cell) ? 'own' : 'all';
  // "(write, trials)": the write is limited to trials; opening the view is not.
  const trialsOnly = writeOnly && /\(([^)]*,\s*)?trials\)/.test(cell);
  return { wholesale: trialsOnly ? null : grant, nonWholesale: grant };
}

/**
 * Sales administrators hold a subset of sales full administrators' rights, so a trials
 * qualifier on the sales-full cell of a row also limits the sales cell.
 */
function cellFor(row: Row, i: number): string {
  const salesFull = COLUMN_ROLES.indexOf('sales_full_admin');
  const inherited = COLUMN_ROLES[i] === 'sales_admin' && /trials\)/.test(row.cells[salesFull]) ? ' (write, trials)' : '';
  return row.cells[i] ? row.cells[i] + inherited : '';
}

const rows = parseMatrix(SPEC_MATRIX);

describe('SPEC §1.2 permission matrix', () => {
  it('maps every SPEC row and every capability of the table', () => {
    expect(rows.map((r) => r.label).sort()).toEqual(Object.keys(ROW_CAPABILITIES).sort());
    const covered = new Set(Object.values(ROW_CAPABILITIES).flatMap((m) => m.flatMap((x) => x.capabilities)));
    const extra = Object.keys(PARTNER_PERMISSIONS).filter((c) => !covered.has(c as PartnerCapability));
    // activity.read and analytics.read are our decisions where the SPEC is silent; tested below.
    expect(extra.sort()).toEqual(['activity.read', 'analytics.read', 'trials.read', 'webhooks.manage']);
  });

  for (const row of rows) {
    const needsBoth = row.cells[0].includes('needs **both**') || row.cells[0].includes('(+ wholesale)');
    const nonWholesaleOnly = row.label.includes('non-wholesale partners only');
    for (const mapping of ROW_CAPABILITIES[row.label]) {
      for (const capability of mapping.capabilities) {
        describe(`${row.label} → ${capability}`, () => {
          COLUMN_ROLES.forEach((role, i) => {
            const expected = needsBoth ? { wholesale: null, nonWholesale: null } : cellGrant(cellFor(row, i), !!mapping.writeOnly);
            if (!nonWholesaleOnly) {
              it(`${role} alone at a wholesale partner: ${expected.wholesale ?? 'denied'}`, () => {
                expect(partnerGrant([role], capability, true)).toBe(expected.wholesale);
              });
            }
            if (!row.cells[0].includes('(+ wholesale)')) {
              it(`${role} alone at a non-wholesale partner: ${expected.nonWholesale ?? 'denied'}`, () => {
                expect(partnerGrant([role], capability, false)).toBe(expected.nonWholesale);
              });
            }
          });
          if (needsBoth) {
            it('full + wholesale together: allowed', () => {
              expect(partnerGrant(['partner_full_admin', 'wholesale_admin'], capability, true)).toBe('all');
            });
            it('every other pair of roles: denied', () => {
              for (const a of PARTNER_ROLES)
                for (const b of PARTNER_ROLES) {
                  const both = new Set([a, b]);
                  if (both.has('partner_full_admin') && both.has('wholesale_admin')) continue;
                  expect(partnerGrant([a, b], capability, true)).toBeNull();
                }
            });
          }
          if (nonWholesaleOnly) {
            it('no role has it at a wholesale partner', () => {
              for (const role of PARTNER_ROLES) expect(partnerGrant([role], capability, true)).toBeNull();
            });
          }
        });
      }
    }
  }

  it('roles combine: the widest reach wins', () => {
    expect(partnerGrant(['sales_admin', 'partner_readonly_admin'], 'customers.read', true)).toBe('all');
    expect(partnerGrant(['sales_admin'], 'customers.read', true)).toBe('own');
    expect(partnerGrant([], 'customers.read', true)).toBeNull();
  });

  it('activity (our decision): full, wholesale and read-only admins; not sales', () => {
    expect(COLUMN_ROLES.map((r) => partnerGrant([r], 'activity.read', true))).toEqual(['all', 'all', 'all', null, null]);
  });

  it('analytics (issue 15): full, wholesale and read-only admins; not sales; not cross-launched', () => {
    expect(COLUMN_ROLES.map((r) => partnerGrant([r], 'analytics.read', true))).toEqual(['all', 'all', 'all', null, null]);
    expect(PARTNER_PERMISSIONS['analytics.read'].unavailableCrossLaunched).toBe(true);
  });

  it('webhooks (SPEC §8.4): partner full admins only, not cross-launched', () => {
    expect(COLUMN_ROLES.map((r) => partnerGrant([r], 'webhooks.manage', true))).toEqual(['all', null, null, null, null]);
    expect(PARTNER_PERMISSIONS['webhooks.manage'].unavailableCrossLaunched).toBe(true);
  });

  it('parses the trials qualifier: sales roles write on trials only, never on wholesale customers', () => {
    expect(cellGrant('✔ (write, trials)', true)).toEqual({ wholesale: null, nonWholesale: 'all' });
    expect(partnerGrant(['sales_full_admin'], 'customerView.write', true)).toBeNull();
    expect(partnerGrant(['sales_admin'], 'customerView.write', true)).toBeNull();
    expect(partnerGrant(['sales_full_admin'], 'customerView.write', false)).toBe('all');
    expect(partnerGrant(['sales_admin'], 'customerView.write', false)).toBe('own');
  });
  it('trials.read (our decision): sales roles as trials.manage, plus full and read-only admins to see; never at a wholesale partner', () => {
    expect(COLUMN_ROLES.map((r) => partnerGrant([r], 'trials.read', false))).toEqual(['all', null, 'all', 'all', 'own']);
    expect(COLUMN_ROLES.map((r) => partnerGrant([r], 'trials.read', true))).toEqual([null, null, null, null, null]);
  });
});

describe('a suspended owner (SPEC §8: a suspended indirect provider can only delete customers)', () => {
  const READS: PartnerCapability[] = [
    'org.read',
    'customers.read',
    'templates.read',
    'customerView.open',
    'billing.reports.read',
    'activity.read',
    'analytics.read',
  ];
  const subject = (ownerSuspended: boolean): AccessSubject => ({
    userId: 'u',
    org: { id: 'o', kind: 'partner', wholesale: true },
    relation: 'own',
    partnerRoles: ['partner_full_admin', 'wholesale_admin'],
    customerRoles: [],
    partnerWholesale: true,
    ownerSuspended,
  });

  it('keeps reading and deleting customers only — declared in the permission table', () => {
    const kept = (Object.keys(PARTNER_PERMISSIONS) as PartnerCapability[]).filter(
      (c) => (PARTNER_PERMISSIONS[c] as { allowedWhileOwnerSuspended?: boolean }).allowedWhileOwnerSuspended,
    );
    expect(kept.sort()).toEqual([...READS, 'customers.delete'].sort());
  });

  for (const capability of Object.keys(PARTNER_PERMISSIONS) as PartnerCapability[]) {
    if (
      (PARTNER_PERMISSIONS[capability] as { partnerKind?: string }).partnerKind === 'non_wholesale' ||
      capability.startsWith('customerView.')
    )
      continue; // not on a wholesale partner org
    const kept = READS.includes(capability) || capability === 'customers.delete';
    it(`${capability}: ${kept ? 'still allowed' : 'refused'} while suspended`, () => {
      expect(decide(subject(false), capability).allowed).toBe(true);
      expect(decide(subject(true), capability)).toEqual(
        kept ? { allowed: true, reach: 'all' } : { allowed: false, reason: 'owner_suspended' },
      );
    });
  }

  it("refuses writes in a suspended owner's customer view but still opens it", () => {
    const inView: AccessSubject = {
      ...subject(true),
      org: { id: 'c', kind: 'customer', wholesale: true },
      relation: 'customer',
      customer: { rbpm: false, createdBy: null },
    };
    expect(decide(inView, 'cv.read').allowed).toBe(true);
    for (const c of ['cv.users.manage', 'cv.locations.manage', 'cv.account.edit', 'cv.users.editNames'] as const) {
      expect(decide(inView, c)).toEqual({ allowed: false, reason: 'owner_suspended' });
    }
  });
});
