// SPEC §1.2, copied verbatim. Every cell is checked against the permission table, so
// changing any single cell in lib/auth/permissions.ts (or here) makes this test fail.
import { describe, expect, it } from 'vitest';
import { partnerGrant } from '@/lib/auth/policy';
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
  'create wholesale customer, set up customer, manage its users': [{ capabilities: ['customers.write'] }],
  "open a customer's view (cross-launch)": [{ capabilities: ['customerView.open'] }, { capabilities: ['customerView.write'], writeOnly: true }],
  'toggle Restricted by Partner Mode': [{ capabilities: ['customers.rbpm'] }],
  "**Indirect providers** tab, cross-launch into a sub-partner, search sub-partners' customers": [{ capabilities: ['subPartners.access'] }],
  'set up a sub-partner (self-service, see §6.4)': [{ capabilities: ['subPartners.manage'] }],
  'billing report create / delete': [{ capabilities: ['billing.reports.write'] }],
  'billing report list / get / download': [{ capabilities: ['billing.reports.read'] }],
  'manage partner admins, API tokens, branding': [{ capabilities: ['admins.manage', 'apiTokens.manage', 'branding.manage'] }],
  'start / manage trials (non-wholesale partners only)': [{ capabilities: ['trials.manage'] }],
};

interface Row { label: string; cells: string[] }

function parseMatrix(text: string): Row[] {
  return text
    .trim()
    .split('\n')
    .slice(2)
    .map((line) => {
      const parts = line.split('|').slice(1, -1).map((c) => c.trim());
      return { label: parts[0], cells: parts.slice(1) };
    });
}

type Expected = 'all' | 'own' | null;

/** A cell as a grant: blank = none; "own customers" / "customers they created" = own; else all. */
function cellGrant(cell: string, writeOnly: boolean): Expected {
  if (!cell) return null;
  if (writeOnly && /read only/.test(cell)) return null;
  if (/own customers|customers they created/.test(cell)) return 'own';
  return 'all';
}

const rows = parseMatrix(SPEC_MATRIX);

describe('SPEC §1.2 permission matrix', () => {
  it('maps every SPEC row and every capability of the table', () => {
    expect(rows.map((r) => r.label).sort()).toEqual(Object.keys(ROW_CAPABILITIES).sort());
    const covered = new Set(Object.values(ROW_CAPABILITIES).flatMap((m) => m.flatMap((x) => x.capabilities)));
    const extra = Object.keys(PARTNER_PERMISSIONS).filter((c) => !covered.has(c as PartnerCapability));
    // activity.read and analytics.read are our decisions where the SPEC is silent; tested below.
    expect(extra).toEqual(['activity.read', 'analytics.read']);
  });

  for (const row of rows) {
    const needsBoth = row.cells[0].includes('needs **both**') || row.cells[0].includes('(+ wholesale)');
    const nonWholesaleOnly = row.label.includes('non-wholesale partners only');
    for (const mapping of ROW_CAPABILITIES[row.label]) {
      for (const capability of mapping.capabilities) {
        describe(`${row.label} → ${capability}`, () => {
          COLUMN_ROLES.forEach((role, i) => {
            const expected = needsBoth ? null : cellGrant(row.cells[i], !!mapping.writeOnly);
            it(`${role} alone: ${expected ?? 'denied'}`, () => {
              expect(partnerGrant([role], capability, !nonWholesaleOnly)).toBe(expected);
            });
          });
          if (needsBoth) {
            it('full + wholesale together: allowed', () => {
              expect(partnerGrant(['partner_full_admin', 'wholesale_admin'], capability, true)).toBe('all');
            });
            it('every other pair of roles: denied', () => {
              for (const a of PARTNER_ROLES) for (const b of PARTNER_ROLES) {
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
});
