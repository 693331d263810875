// Demo accounts (SPEC §10). Shown on the sign-in page in demo mode, so this module
// must stay free of database imports. db/seed/ creates exactly these accounts.

export const DEMO_PASSWORD = 'Password123!';

/** Fixed org ids so tests, docs and bookmarks survive a re-seed. */
export const DEMO_ORG_IDS = {
  northwind: '0b1e0000-0000-4000-8000-000000000001',
  fabrikam: '0b1e0000-0000-4000-8000-000000000002',
  tailspin: '0b1e0000-0000-4000-8000-000000000003',
  contoso: '0b1e0000-0000-4000-8000-000000000004',
  acmeDental: '0b1e0000-0000-4000-8000-000000000005',
  bluebirdBakery: '0b1e0000-0000-4000-8000-000000000006',
  litware: '0b1e0000-0000-4000-8000-000000000007',
  harborLaw: '0b1e0000-0000-4000-8000-000000000008',
} as const;

export type DemoOrgKey = keyof typeof DEMO_ORG_IDS;

export interface DemoAccount {
  email: string;
  /** What the account can do, in the words of the sign-in page. */
  label: string;
  /** Name of the organisation the account belongs to. */
  org: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'full.admin@northwind.test', label: 'Partner full + wholesale administrator', org: 'Northwind Telecom' },
  { email: 'wholesale.admin@northwind.test', label: 'Wholesale administrator', org: 'Northwind Telecom' },
  { email: 'readonly@northwind.test', label: 'Partner read-only administrator', org: 'Northwind Telecom' },
  { email: 'admin@fabrikam.test', label: 'Indirect provider full + wholesale administrator', org: 'Fabrikam Networks' },
  { email: 'admin@tailspin.test', label: 'Indirect provider full + wholesale administrator', org: 'Tailspin Telecom' },
  { email: 'sales.full@contoso.test', label: 'Sales full administrator (trials)', org: 'Contoso Solutions' },
  { email: 'sales@contoso.test', label: 'Sales administrator (trials)', org: 'Contoso Solutions' },
  { email: 'admin@acme-dental.test', label: 'Customer full administrator (Restricted by Partner Mode on)', org: 'Acme Dental' },
  { email: 'admin@bluebird-bakery.test', label: 'Customer full administrator (Restricted by Partner Mode off)', org: 'Bluebird Bakery' },
  { email: 'sales.full@litware.test', label: 'Sales full administrator (trials, tier-2 partner)', org: 'Litware Reseller' },
  { email: 'admin@harbor-law.test', label: 'Full administrator of an existing organisation (no partner)', org: 'Harbor Law Group' },
];
