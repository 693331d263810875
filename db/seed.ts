// Demo data (SPEC §10): `npm start` on an empty database seeds it, `npm run db:reset`
// re-creates it. Everything is derived from a seeded PRNG and from `now`, so the same
// `now` always yields the same data (ids included) — only the password salt differs.
//
// The data is first built in memory (buildDemoData, no I/O) and then written in one
// transaction with a few bulk inserts, which keeps the whole seed to about a second.
import type { Db, Tx } from '@/db/client';
import {
  auditLog, customerPackages, customers, emailOutbox, locations, onboardingTemplates, orgRelations, orgSettings,
  orgs, packageAssignments, provisioningEvents, pstnProviders, restrictedParties, roleGrants,
  subPartnerSubscriptions, subscribers, subscriptions, trialDeviceShipments, trialServices, trials, users,
} from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { DEMO_ACCOUNTS, DEMO_ORG_IDS, DEMO_PASSWORD } from '@/lib/demo/accounts';
import { normalizeCompanyName } from '@/lib/domain/company-name';
import { dialInCode } from '@/lib/domain/countries';
import { meetingsLocale, type Locale } from '@/lib/domain/locales';
import { creationPackage, PACKAGE_INFO, PACKAGES, type PackageId } from '@/lib/domain/packages';
import type { CustomerRole, PartnerRole } from '@/lib/domain/roles';
import type { AuthMode, CustomerStatus, TrialService, TrialStatus } from '@/lib/domain/statuses';

// ---------------------------------------------------------------------------------
// Basics: time, PRNG, row containers

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Rows per INSERT: far below PostgreSQL's 65,535 bind parameters for every table here. */
const CHUNK = 1000;
const SUBSCRIPTION_ID = 'Sub-104221';
const PLATFORM_DOMAIN = 'partnerhub.test';

/** Whole seconds: the UI shows times to the second, and ties stay exact. */
const toDate = (ms: number) => new Date(Math.round(ms / 1000) * 1000);
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** mulberry32: tiny, fast and good enough for demo data; the seed fixes the whole data set. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  /** Milliseconds in [from, to). */
  between(from: number, to: number): number {
    return from + this.next() * Math.max(0, to - from);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  hex(length: number): string {
    let out = '';
    while (out.length < length) out += Math.floor(this.next() * 0x10000).toString(16).padStart(4, '0');
    return out.slice(0, length);
  }
  /** A v4-shaped UUID from the PRNG, so re-seeding with the same `now` gives the same ids. */
  uuid(): string {
    const h = this.hex(32);
    const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface DemoRows {
  pstnProviders: Row<typeof pstnProviders>[];
  restrictedParties: Row<typeof restrictedParties>[];
  orgs: Row<typeof orgs>[];
  orgRelations: Row<typeof orgRelations>[];
  subscriptions: Row<typeof subscriptions>[];
  subPartnerSubscriptions: Row<typeof subPartnerSubscriptions>[];
  users: Row<typeof users>[];
  roleGrants: Row<typeof roleGrants>[];
  templates: Row<typeof onboardingTemplates>[];
  customers: Row<typeof customers>[];
  orgSettings: Row<typeof orgSettings>[];
  locations: Row<typeof locations>[];
  customerPackages: Row<typeof customerPackages>[];
  provisioningEvents: Row<typeof provisioningEvents>[];
  subscribers: Row<typeof subscribers>[];
  packageAssignments: Row<typeof packageAssignments>[];
  trials: Row<typeof trials>[];
  trialServices: Row<typeof trialServices>[];
  trialDeviceShipments: Row<typeof trialDeviceShipments>[];
  auditLog: Row<typeof auditLog>[];
  emailOutbox: Row<typeof emailOutbox>[];
}

function emptyRows(): DemoRows {
  return {
    pstnProviders: [], restrictedParties: [], orgs: [], orgRelations: [], subscriptions: [],
    subPartnerSubscriptions: [], users: [], roleGrants: [], templates: [], customers: [], orgSettings: [],
    locations: [], customerPackages: [], provisioningEvents: [], subscribers: [], packageAssignments: [],
    trials: [], trialServices: [], trialDeviceShipments: [], auditLog: [], emailOutbox: [],
  };
}

// ---------------------------------------------------------------------------------
// Reference data

const PSTN_PROVIDERS: Row<typeof pstnProviders>[] = [
  { id: 'pstn-northstar', name: 'NorthStar Voice', countries: ['US', 'CA'] },
  { id: 'pstn-eurolink', name: 'EuroLink Telecom', countries: ['GB', 'IE', 'DE', 'FR', 'NL', 'FI', 'SE'] },
  { id: 'pstn-southerncross', name: 'Southern Cross Voice', countries: ['AU', 'NZ'] },
  { id: 'pstn-nordic', name: 'Nordic Fjord Networks', countries: ['FI', 'SE', 'NO', 'DK'] },
];

/** Fictitious. Two seeded customers match: one pending review, one suspended after 72 h. */
const RESTRICTED_PARTY_NAMES = ['Crimson Vortex Industries', 'Oceanic Shadow Trading Ltd.', 'Blackthorn Munitions & Co.'];

interface City { city: string; state: string | null; postal: string; timeZone: string }
interface CountryData {
  cities: City[];
  streets: string[];
  /** "12 High Street" (true) or "Hauptstraße 12" (false). */
  numberFirst: boolean;
  /** Fictitious-looking E.164 prefixes; none is a prefix of another, so numbers never collide. */
  phonePrefix: string;
  language: Locale;
}

const ENGLISH_STREETS = ['Market Street', 'Station Road', 'Park Avenue', 'Mill Lane', 'King Street', 'Harbour Road', 'Church Street', 'Oak Avenue'];

const COUNTRY_DATA: Record<string, CountryData> = {
  US: {
    cities: [
      { city: 'Seattle', state: 'WA', postal: '98101', timeZone: 'America/Los_Angeles' },
      { city: 'Portland', state: 'OR', postal: '97204', timeZone: 'America/Los_Angeles' },
      { city: 'Austin', state: 'TX', postal: '78701', timeZone: 'America/Chicago' },
      { city: 'Denver', state: 'CO', postal: '80202', timeZone: 'America/Denver' },
      { city: 'Columbus', state: 'OH', postal: '43215', timeZone: 'America/New_York' },
      { city: 'Raleigh', state: 'NC', postal: '27601', timeZone: 'America/New_York' },
    ],
    streets: ['Main Street', 'Elm Street', 'Pine Avenue', 'Maple Drive', 'Lake Road', 'Washington Avenue', 'Cedar Lane'],
    numberFirst: true, phonePrefix: '+1555', language: 'en_US',
  },
  CA: {
    cities: [
      { city: 'Toronto', state: 'ON', postal: 'M5H 2N2', timeZone: 'America/Toronto' },
      { city: 'Vancouver', state: 'BC', postal: 'V6B 1A1', timeZone: 'America/Vancouver' },
    ],
    streets: ['Queen Street West', 'Granville Street', 'Yonge Street'],
    numberFirst: true, phonePrefix: '+1647555', language: 'en_CA',
  },
  GB: {
    cities: [
      { city: 'London', state: null, postal: 'EC1A 1BB', timeZone: 'Europe/London' },
      { city: 'Manchester', state: null, postal: 'M1 1AE', timeZone: 'Europe/London' },
      { city: 'Bristol', state: null, postal: 'BS1 4DJ', timeZone: 'Europe/London' },
    ],
    streets: ENGLISH_STREETS, numberFirst: true, phonePrefix: '+4420', language: 'en_GB',
  },
  IE: {
    cities: [{ city: 'Dublin', state: null, postal: 'D02 X285', timeZone: 'Europe/Dublin' }],
    streets: ['Grafton Street', 'Baggot Street', 'Dame Street'], numberFirst: true, phonePrefix: '+3531', language: 'en_GB',
  },
  DE: {
    cities: [
      { city: 'Berlin', state: null, postal: '10115', timeZone: 'Europe/Berlin' },
      { city: 'München', state: null, postal: '80331', timeZone: 'Europe/Berlin' },
      { city: 'Hamburg', state: null, postal: '20095', timeZone: 'Europe/Berlin' },
    ],
    streets: ['Hauptstraße', 'Bahnhofstraße', 'Lindenweg', 'Gartenstraße'], numberFirst: false, phonePrefix: '+4930', language: 'de_DE',
  },
  NL: {
    cities: [{ city: 'Amsterdam', state: null, postal: '1012 AB', timeZone: 'Europe/Amsterdam' }],
    streets: ['Damrak', 'Keizersgracht', 'Prinsengracht'], numberFirst: false, phonePrefix: '+3120', language: 'nl_NL',
  },
  FI: {
    cities: [
      { city: 'Helsinki', state: null, postal: '00100', timeZone: 'Europe/Helsinki' },
      { city: 'Tampere', state: null, postal: '33100', timeZone: 'Europe/Helsinki' },
      { city: 'Turku', state: null, postal: '20100', timeZone: 'Europe/Helsinki' },
    ],
    // No Finnish locale in SPEC §7.4: Finnish customers default to British English.
    streets: ['Mannerheimintie', 'Aleksanterinkatu', 'Hämeenkatu', 'Puistokatu'], numberFirst: false, phonePrefix: '+3589', language: 'en_GB',
  },
  SE: {
    cities: [{ city: 'Stockholm', state: null, postal: '111 22', timeZone: 'Europe/Stockholm' }],
    streets: ['Drottninggatan', 'Storgatan'], numberFirst: false, phonePrefix: '+468', language: 'sv_SE',
  },
  NO: {
    cities: [{ city: 'Oslo', state: null, postal: '0150', timeZone: 'Europe/Oslo' }],
    streets: ['Karl Johans gate', 'Storgata'], numberFirst: false, phonePrefix: '+4722', language: 'nb_NO',
  },
  DK: {
    cities: [{ city: 'København', state: null, postal: '1050', timeZone: 'Europe/Copenhagen' }],
    streets: ['Strøget', 'Nørregade'], numberFirst: false, phonePrefix: '+4533', language: 'da_DK',
  },
  AU: {
    cities: [
      { city: 'Sydney', state: 'NSW', postal: '2000', timeZone: 'Australia/Sydney' },
      { city: 'Melbourne', state: 'VIC', postal: '3000', timeZone: 'Australia/Melbourne' },
      { city: 'Brisbane', state: 'QLD', postal: '4000', timeZone: 'Australia/Brisbane' },
    ],
    streets: ['George Street', 'Collins Street', 'Queen Street', 'Harbour Road'], numberFirst: true, phonePrefix: '+6128', language: 'en_AU',
  },
  NZ: {
    cities: [{ city: 'Auckland', state: null, postal: '1010', timeZone: 'Pacific/Auckland' }],
    streets: ['Queen Street', 'Ponsonby Road'], numberFirst: true, phonePrefix: '+6495', language: 'en_AU',
  },
};

const FIRST_NAMES = [
  'Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'Mateo', 'Sofia', 'Lucas', 'Mia', 'Ethan', 'Amara', 'Kenji', 'Priya',
  'Omar', 'Chloe', 'Daniel', 'Aino', 'Elias', 'Freya', 'Hugo', 'Ingrid', 'Jonas', 'Leila', 'Marcus', 'Nadia',
  'Oscar', 'Paula', 'Rafael', 'Sanna', 'Tariq', 'Uma', 'Viktor', 'Wren', 'Yusuf', 'Zoe', 'Grace', 'Henrik',
  'Isla', 'Jamal', 'Keira',
];
const LAST_NAMES = [
  'Anderson', 'Baker', 'Carter', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ito', 'Jensen', 'Kowalski',
  'Larsen', 'Martin', 'Nguyen', 'Okafor', 'Patel', 'Quinn', 'Rossi', 'Schmidt', 'Taylor', 'Ueda', 'Virtanen',
  'Walsh', 'Xu', 'Young', 'Zimmermann', 'Lindqvist', 'Murphy', 'Novak', "O'Brien", 'Pereira', 'Reyes',
  'Svensson', 'Thompson', 'Brooks', 'Chen', 'Dalton', 'Ellis', 'Foster', 'Khan',
];
const WORKSPACE_NAMES = ['Reception', 'Lobby phone', 'Break room', 'Front desk', 'Warehouse door', 'Conference room', 'Kitchen'];

const PROFILES = {
  calling: ['webex_calling', 'common_area_calling'],
  suite: ['webex_suite', 'webex_calling', 'common_area_calling'],
  voice: ['webex_voice', 'webex_meetings', 'common_area_calling'],
  meetings: ['webex_meetings'],
  cx: ['cx_essentials', 'webex_calling'],
  mixed: ['webex_calling', 'webex_meetings', 'webex_voice', 'common_area_calling'],
} satisfies Record<string, PackageId[]>;
type Profile = keyof typeof PROFILES;

// ---------------------------------------------------------------------------------
// Partners, their admins and templates

type PartnerKey = 'northwind' | 'fabrikam' | 'tailspin' | 'contoso';
type WholesaleKey = Exclude<PartnerKey, 'contoso'>;

interface PartnerSpec {
  key: PartnerKey;
  name: string;
  kind: 'partner' | 'sub_partner';
  wholesale: boolean;
  country: string;
  language: Locale;
  createdDaysAgo: number;
  externalPrefix: string;
  externalStart: number;
}

const PARTNERS: PartnerSpec[] = [
  { key: 'northwind', name: 'Northwind Telecom', kind: 'partner', wholesale: true, country: 'US', language: 'en_US', createdDaysAgo: 730, externalPrefix: 'NW-', externalStart: 1001 },
  { key: 'contoso', name: 'Contoso Solutions', kind: 'partner', wholesale: false, country: 'US', language: 'en_US', createdDaysAgo: 600, externalPrefix: 'CT-', externalStart: 2001 },
  { key: 'fabrikam', name: 'Fabrikam Networks', kind: 'sub_partner', wholesale: true, country: 'US', language: 'en_US', createdDaysAgo: 420, externalPrefix: 'FAB-', externalStart: 501 },
  { key: 'tailspin', name: 'Tailspin Telecom', kind: 'sub_partner', wholesale: true, country: 'FI', language: 'en_GB', createdDaysAgo: 390, externalPrefix: 'TS-', externalStart: 301 },
];

interface PartnerAdminSpec {
  partner: PartnerKey;
  email: string;
  firstName: string;
  lastName: string;
  roles: PartnerRole[];
}

/** The partner-side demo accounts (plus one non-demo admin for variety), roles per SPEC §10. */
const PARTNER_ADMINS: PartnerAdminSpec[] = [
  { partner: 'northwind', email: 'full.admin@northwind.test', firstName: 'Nora', lastName: 'Northwind', roles: ['partner_full_admin', 'wholesale_admin'] },
  { partner: 'northwind', email: 'wholesale.admin@northwind.test', firstName: 'Wes', lastName: 'Wholesale', roles: ['wholesale_admin'] },
  { partner: 'northwind', email: 'readonly@northwind.test', firstName: 'Rita', lastName: 'Reader', roles: ['partner_readonly_admin'] },
  { partner: 'northwind', email: 'olivia.ops@northwind.test', firstName: 'Olivia', lastName: 'Ops', roles: ['partner_full_admin'] },
  { partner: 'fabrikam', email: 'admin@fabrikam.test', firstName: 'Fiona', lastName: 'Fabrikam', roles: ['partner_full_admin', 'wholesale_admin'] },
  { partner: 'tailspin', email: 'admin@tailspin.test', firstName: 'Tomi', lastName: 'Tailspin', roles: ['partner_full_admin', 'wholesale_admin'] },
  { partner: 'contoso', email: 'sales.full@contoso.test', firstName: 'Sasha', lastName: 'Sales', roles: ['sales_full_admin'] },
  { partner: 'contoso', email: 'sales@contoso.test', firstName: 'Sid', lastName: 'Seller', roles: ['sales_admin'] },
];

interface TemplateSpec {
  partner: WholesaleKey;
  name: string;
  country: string;
  pstnProviderId: string | null;
  authMode: AuthMode;
  idpEntityId?: string;
  language: Locale;
  brandName: string;
  /** Countries whose calling customers use this template (empty for meetings-only). */
  covers: string[];
}

const TEMPLATES: TemplateSpec[] = [
  { partner: 'northwind', name: 'Standard calling – US', country: 'US', pstnProviderId: 'pstn-northstar', authMode: 'webex', language: 'en_US', brandName: 'Northwind Voice', covers: ['US', 'CA'] },
  { partner: 'northwind', name: 'Calling – Europe (SSO)', country: 'GB', pstnProviderId: 'pstn-eurolink', authMode: 'saml', idpEntityId: 'https://sso.northwind.test/saml2/metadata', language: 'en_GB', brandName: 'Northwind Voice Europe', covers: ['GB', 'IE', 'DE', 'NL', 'FI', 'SE'] },
  { partner: 'northwind', name: 'Calling – Australia', country: 'AU', pstnProviderId: 'pstn-southerncross', authMode: 'webex', language: 'en_AU', brandName: 'Northwind Voice ANZ', covers: ['AU', 'NZ'] },
  { partner: 'northwind', name: 'Meetings only', country: 'US', pstnProviderId: null, authMode: 'webex', language: 'en_US', brandName: 'Northwind Meetings', covers: [] },
  { partner: 'fabrikam', name: 'Fabrikam Calling', country: 'US', pstnProviderId: 'pstn-northstar', authMode: 'webex', language: 'en_US', brandName: 'Fabrikam Connect', covers: ['US', 'CA'] },
  { partner: 'fabrikam', name: 'Fabrikam Meetings only', country: 'US', pstnProviderId: null, authMode: 'webex', language: 'en_US', brandName: 'Fabrikam Connect', covers: [] },
  { partner: 'tailspin', name: 'Tailspin Calling – Nordics', country: 'FI', pstnProviderId: 'pstn-nordic', authMode: 'webex', language: 'en_GB', brandName: 'Tailspin Voice', covers: ['FI', 'SE', 'NO', 'DK'] },
  { partner: 'tailspin', name: 'Tailspin Meetings only', country: 'FI', pstnProviderId: null, authMode: 'webex', language: 'en_GB', brandName: 'Tailspin Meet', covers: [] },
];

// ---------------------------------------------------------------------------------
// Customers

interface AdminPerson { email: string; firstName: string; lastName: string }

interface CustomerSpec {
  name: string;
  country: string;
  packages: PackageId[];
  status: CustomerStatus;
  /** Default: on for 85 % (SPEC §5.1 makes it the default for wholesale customers). */
  rbpm?: boolean;
  orgId?: string;
  daysAgo?: number;
  admin?: AdminPerson;
  subscriberCount?: number;
  /** A second location, for customers whose users sit in two places. */
  branch?: string;
  /** For provisioned_with_errors: the package whose provisioning failed. */
  failedPackage?: PackageId;
  /** Created by the parent partner's admin while cross-launched (audited as such). */
  createdByParent?: boolean;
}

const c = (name: string, country: string, profile: Profile, extra: Partial<CustomerSpec> = {}): CustomerSpec => ({
  name, country, packages: [...PROFILES[profile]], status: 'provisioned', ...extra,
});

const NORTHWIND_CUSTOMERS: CustomerSpec[] = [
  c('Acme Dental', 'US', 'suite', {
    orgId: DEMO_ORG_IDS.acmeDental, rbpm: true, daysAgo: 362, subscriberCount: 12, branch: 'Riverside Clinic',
    admin: { email: 'admin@acme-dental.test', firstName: 'Ada', lastName: 'Acme' },
  }),
  c('Bluebird Bakery', 'US', 'calling', {
    orgId: DEMO_ORG_IDS.bluebirdBakery, rbpm: false, daysAgo: 341, subscriberCount: 8,
    admin: { email: 'admin@bluebird-bakery.test', firstName: 'Bella', lastName: 'Bluebird' },
  }),
  c('Cedar Grove Veterinary', 'US', 'calling'),
  c('Driftwood Coffee Roasters', 'US', 'voice'),
  c('Evergreen Landscaping', 'US', 'calling'),
  c('Foxglove Interiors', 'US', 'meetings'),
  c('Golden Gate Tutoring', 'US', 'meetings'),
  c('Hillside Physiotherapy', 'US', 'suite', { branch: 'Northside Clinic' }),
  c('Ironwood Carpentry', 'US', 'voice'),
  c('Juniper Yoga Studio', 'US', 'meetings'),
  c('Kestrel Accounting', 'US', 'mixed'),
  c('Lighthouse Legal LLP', 'US', 'suite'),
  c('Maple Street Pharmacy', 'CA', 'calling'),
  c('Northgate Auto Repair', 'CA', 'voice'),
  c('Orchard Lane Nursery', 'US', 'calling'),
  c('Pebble Beach Surf School', 'US', 'meetings'),
  c('Quill & Ink Bookshop', 'US', 'voice'),
  c('Riverside Chiropractic', 'US', 'cx'),
  c('Silverline Architects', 'US', 'suite'),
  c('Union Square Opticians', 'US', 'calling'),
  c('Velvet Note Music School', 'US', 'meetings'),
  c('Willow Creek Farm Shop', 'US', 'calling'),
  c('Yellowfin Seafood', 'US', 'cx'),
  c('Zephyr Travel Agency', 'US', 'mixed'),
  c('Thistle & Rose Florists', 'GB', 'calling'),
  c('Brightwater Plumbing', 'GB', 'voice'),
  c('Camden Print Studio', 'GB', 'suite', { branch: 'Shoreditch Studio' }),
  c('Erle Fahrradwerkstatt GmbH', 'DE', 'calling'),
  c('Bergmann Elektrik GmbH', 'DE', 'mixed'),
  c('Koivu Design Oy', 'FI', 'suite'),
  c('Sauna Works Oy', 'FI', 'voice'),
  c('Kookaburra Catering', 'AU', 'calling'),
  c('Wattle & Daub Builders', 'AU', 'voice'),
  c('Harbour Bridge Dental', 'AU', 'suite'),
  // One customer in every other status (SPEC §4.1).
  c('Harbor Logistics', 'US', 'calling', { status: 'provisioning' }),
  c('Pinecrest Realty', 'US', 'meetings', { status: 'error' }),
  c('Crimson Vortex Industries', 'GB', 'calling', { status: 'pending_rpl_review' }),
  c('Granite Peak Fitness', 'US', 'calling', {
    status: 'provisioned_with_errors', packages: ['webex_calling', 'webex_meetings', 'common_area_calling'], failedPackage: 'common_area_calling',
  }),
  c('Oceanic Shadow Trading Ltd', 'AU', 'calling', { status: 'suspended' }),
  c('Lakeside Florists', 'US', 'suite', { status: 'deprovisioned', daysAgo: 310 }),
];

const FABRIKAM_CUSTOMERS: CustomerSpec[] = [
  c('Redwood Realty Group', 'US', 'calling'),
  c('Summit Dental Care', 'US', 'suite'),
  c('Blue Heron Cafe', 'US', 'voice'),
  c('Copperfield Law', 'US', 'mixed', { createdByParent: true }),
  c('Prairie Wind Insurance', 'US', 'cx'),
  c('Stonebridge Clinic', 'US', 'meetings'),
  c('Maplewood Montessori', 'CA', 'meetings'),
  c('Trailhead Outfitters', 'US', 'calling', { status: 'provisioning' }),
];

const TAILSPIN_CUSTOMERS: CustomerSpec[] = [
  c('Revontuli Kahvila Oy', 'FI', 'calling'),
  c('Hämeen Puutarha Oy', 'FI', 'voice'),
  c('Nordljus Konsult AB', 'SE', 'suite'),
  c('Fjordline Frakt AS', 'NO', 'calling'),
  c('Havfrue Design ApS', 'DK', 'meetings'),
];

interface TrialSpec {
  name: string;
  country: string;
  vertical: string;
  status: TrialStatus;
  startedDaysAgo: number;
  /** Days until the trial ends (null while consent is pending). */
  endsInDays: number | null;
  services: TrialService[];
  bySalesAdmin: boolean;
}

const CONTOSO_TRIALS: TrialSpec[] = [
  { name: 'Alpine Analytics', country: 'US', vertical: 'Technology', status: 'active', startedDaysAgo: 25, endsInDays: 5, services: ['meetings', 'messaging'], bySalesAdmin: false },
  { name: 'Bayview Medical Group', country: 'US', vertical: 'Healthcare', status: 'active', startedDaysAgo: 12, endsInDays: 18, services: ['calling', 'messaging', 'devices'], bySalesAdmin: true },
  { name: 'Cobalt Robotics', country: 'GB', vertical: 'Manufacturing', status: 'active', startedDaysAgo: 3, endsInDays: 27, services: ['meetings', 'messaging', 'calling'], bySalesAdmin: false },
  { name: 'Delta Dance Academy', country: 'US', vertical: 'Education', status: 'pending_customer_consent', startedDaysAgo: 2, endsInDays: null, services: ['meetings', 'messaging'], bySalesAdmin: false },
];

// ---------------------------------------------------------------------------------
// Small pure helpers

/** "Quill & Ink Bookshop" → "quill-and-ink-bookshop": DNS-safe, used for domains and e-mails. */
function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const emailLocalPart = (s: string) => slugify(s).replace(/-/g, '');
const isCalling = (p: PackageId) => PACKAGE_INFO[p].calling;
const hasMeetings = (packages: readonly PackageId[]) => packages.some((p) => PACKAGE_INFO[p].meetings);
/** Statuses in which provisioning got through and the customer had users. */
const SERVED: readonly CustomerStatus[] = ['provisioned', 'provisioned_with_errors', 'deprovisioned'];

interface Timeline {
  createdAt: number;
  /** When provisioning finished (admin created, billing starts). */
  readyAt: number;
  statusChangedAt: number;
  rplReviewStartedAt: number | null;
  deprovisionedAt: number | null;
}

/** Customer life times per status, all relative to `now`, all within the past year. */
function customerTimeline(spec: CustomerSpec, rng: Rng, now: number): Timeline {
  const base = { rplReviewStartedAt: null, deprovisionedAt: null };
  switch (spec.status) {
    case 'provisioning': {
      const createdAt = now - 3 * MINUTE;
      return { ...base, createdAt, readyAt: createdAt, statusChangedAt: createdAt };
    }
    case 'error': {
      const createdAt = now - 2 * DAY + rng.between(0, 6 * HOUR);
      return { ...base, createdAt, readyAt: createdAt, statusChangedAt: createdAt + 2 * MINUTE };
    }
    case 'pending_rpl_review': {
      const createdAt = now - DAY - 10 * MINUTE;
      return { ...base, createdAt, readyAt: createdAt, statusChangedAt: createdAt + MINUTE, rplReviewStartedAt: createdAt + MINUTE };
    }
    case 'suspended': {
      const createdAt = now - 6 * DAY;
      return { ...base, createdAt, readyAt: createdAt, statusChangedAt: createdAt + MINUTE + 72 * HOUR, rplReviewStartedAt: createdAt + MINUTE };
    }
    default: {
      const createdAt = now - (spec.daysAgo ?? rng.int(20, 358)) * DAY - rng.between(0, 8 * HOUR);
      const readyAt = createdAt + 3 * MINUTE;
      const deprovisionedAt = spec.status === 'deprovisioned' ? now - 21 * DAY : null;
      return { ...base, createdAt, readyAt, statusChangedAt: deprovisionedAt ?? readyAt, deprovisionedAt };
    }
  }
}

interface Interval { pkg: PackageId; start: number; end: number | null }

interface LedgerPlan {
  intervals: Interval[];
  removedAt: number | null;
}

/**
 * One subscriber's billing history: one interval, or two when the package changed
 * (the old one ends at the instant the new one starts), ending early when the
 * subscriber was removed, and closed at `closeAt` when the customer was deprovisioned.
 */
function planLedger(
  rng: Rng,
  opts: { start: number; until: number; pkg: PackageId; alternatives: PackageId[]; mayChange: boolean; mayRemove: boolean; closeAt: number | null },
): LedgerPlan {
  const roomy = opts.until - opts.start > 4 * HOUR;
  const change = roomy && opts.mayChange && opts.alternatives.length > 0 && rng.chance(0.2);
  const remove = roomy && opts.mayRemove && rng.chance(0.05);
  const intervals: Interval[] = [];
  let pkg = opts.pkg;
  let t = opts.start;
  if (change) {
    // Leave room for a removal after the change.
    const latest = remove ? t + (opts.until - t) / 2 : opts.until - HOUR;
    const changedAt = Math.round(rng.between(t + HOUR, latest) / 1000) * 1000;
    intervals.push({ pkg, start: t, end: changedAt });
    pkg = rng.pick(opts.alternatives);
    t = changedAt;
  }
  if (remove) {
    const removedAt = Math.round(rng.between(t + HOUR, opts.until - MINUTE) / 1000) * 1000;
    intervals.push({ pkg, start: t, end: removedAt });
    return { intervals, removedAt };
  }
  intervals.push({ pkg, start: t, end: opts.closeAt });
  return { intervals, removedAt: opts.closeAt };
}

// ---------------------------------------------------------------------------------
// The builder

interface TemplateRef { id: string; spec: TemplateSpec }
interface PartnerRef { spec: PartnerSpec; orgId: string; adminIds: string[]; templates: TemplateRef[] }
interface LocationRef { id: string; country: string; extensions: number }
interface BuiltCustomer { customerId: string; orgId: string; name: string; slug: string; adminEmail: string; timeline: Timeline }
interface CustomerOrgRef extends BuiltCustomer { admin: AdminPerson; hq: LocationRef; branch: LocationRef | null }

class DemoBuilder {
  readonly rows = emptyRows();
  private readonly rng: Rng;
  private readonly now: number;
  private readonly emails = new Set<string>();
  private readonly userIdByEmail = new Map<string, string>();
  private readonly partners = new Map<PartnerKey, PartnerRef>();
  private phoneCounter = 0;

  constructor(now: Date, private readonly passwordHash: string) {
    this.now = Math.floor(now.getTime() / 1000) * 1000;
    this.rng = new Rng(0x5eed_2024);
  }

  private partner(key: PartnerKey): PartnerRef {
    const ref = this.partners.get(key);
    if (!ref) throw new Error(`partner ${key} not built yet`);
    return ref;
  }

  userId(email: string): string {
    const id = this.userIdByEmail.get(email.toLowerCase());
    if (!id) throw new Error(`no seeded user ${email}`);
    return id;
  }

  // -- reference data ---------------------------------------------------------------

  referenceData(): void {
    this.rows.pstnProviders.push(...PSTN_PROVIDERS);
    for (const name of RESTRICTED_PARTY_NAMES) {
      this.rows.restrictedParties.push({ id: this.rng.uuid(), name, normalizedName: normalizeCompanyName(name) });
    }
  }

  // -- people -----------------------------------------------------------------------

  /** A users row; demo accounts get the shared password hash, everyone else none. */
  private addUser(orgId: string, person: AdminPerson, createdAt: number): string {
    const id = this.rng.uuid();
    const key = person.email.toLowerCase();
    if (this.emails.has(key)) throw new Error(`duplicate seeded e-mail ${person.email}`);
    this.emails.add(key);
    this.userIdByEmail.set(key, id);
    const isDemo = DEMO_ACCOUNTS.some((a) => a.email === key);
    this.rows.users.push({
      id, orgId, email: person.email, firstName: person.firstName, lastName: person.lastName,
      displayName: `${person.firstName} ${person.lastName}`, passwordHash: isDemo ? this.passwordHash : null,
      createdAt: toDate(createdAt), updatedAt: toDate(createdAt),
    });
    return id;
  }

  private grant(userId: string, orgId: string, roles: (PartnerRole | CustomerRole)[], at: number): void {
    for (const role of roles) this.rows.roleGrants.push({ userId, orgId, role, createdAt: toDate(at) });
  }

  /** A made-up person with an e-mail unique platform-wide (firstname.lastname@domain). */
  private person(domain: string): AdminPerson {
    const firstName = this.rng.pick(FIRST_NAMES);
    const lastName = this.rng.pick(LAST_NAMES);
    const local = `${emailLocalPart(firstName)}.${emailLocalPart(lastName)}`;
    let email = `${local}@${domain}`;
    for (let n = 2; this.emails.has(email); n++) email = `${local}${n}@${domain}`;
    return { email, firstName, lastName };
  }

  // -- partners ---------------------------------------------------------------------

  partnersAndAdmins(): void {
    for (const spec of PARTNERS) {
      const orgId = DEMO_ORG_IDS[spec.key];
      const parentPartnerId = spec.kind === 'sub_partner' ? DEMO_ORG_IDS.northwind : null;
      const createdAt = this.now - spec.createdDaysAgo * DAY;
      this.rows.orgs.push({
        id: orgId, kind: spec.kind, name: spec.name, parentPartnerId, wholesale: spec.wholesale, state: 'active',
        country: spec.country, language: spec.language,
        billingStartDate: spec.kind === 'sub_partner' ? isoDate(createdAt + 14 * DAY) : null,
        createdAt: toDate(createdAt), updatedAt: toDate(createdAt),
      });
      if (parentPartnerId) this.rows.orgRelations.push({ managerOrgId: parentPartnerId, managedOrgId: orgId, createdAt: toDate(createdAt) });
      const adminIds = PARTNER_ADMINS.filter((a) => a.partner === spec.key).map((a) => {
        const id = this.addUser(orgId, a, createdAt + HOUR);
        this.grant(id, orgId, a.roles, createdAt + HOUR);
        return id;
      });
      this.partners.set(spec.key, { spec, orgId, adminIds, templates: [] });
    }
  }

  subscriptionsAndTemplates(): void {
    const northwind = this.partner('northwind');
    const subCreated = this.now - 700 * DAY;
    this.rows.subscriptions.push({ id: SUBSCRIPTION_ID, partnerOrgId: northwind.orgId, packages: [...PACKAGES], createdAt: toDate(subCreated) });
    for (const key of ['fabrikam', 'tailspin'] as const) {
      this.rows.subPartnerSubscriptions.push({ subPartnerOrgId: this.partner(key).orgId, subscriptionId: SUBSCRIPTION_ID });
    }
    TEMPLATES.forEach((spec, i) => {
      const owner = this.partner(spec.partner);
      const id = this.rng.uuid();
      const createdAt = this.now - (370 - i) * DAY;
      this.rows.templates.push({
        id, orgId: owner.orgId, name: spec.name, country: spec.country, serviceProviderAdminId: owner.adminIds[0],
        subscriptionId: SUBSCRIPTION_ID, authMode: spec.authMode, idpEntityId: spec.idpEntityId ?? null,
        pstnProviderId: spec.pstnProviderId, allowAdminInviteEmails: i % 3 === 0, brandName: spec.brandName,
        defaultLanguage: spec.language, provisioningId: this.rng.hex(24), createdBy: owner.adminIds[0],
        createdAt: toDate(createdAt), updatedAt: toDate(createdAt),
      });
      owner.templates.push({ id, spec });
      this.audit(owner.orgId, owner.adminIds[0], owner.orgId, createdAt, 'template.create', 'template', id, `Created onboarding template "${spec.name}"`);
    });
  }

  /** Meetings-only customers use a template without PSTN; calling ones the template for their country. */
  private templateFor(owner: PartnerRef, packages: PackageId[], country: string): TemplateRef {
    const meetingsOnly = packages.every((p) => p === 'webex_meetings');
    const fit = meetingsOnly
      ? owner.templates.find((t) => t.spec.pstnProviderId === null)
      : owner.templates.find((t) => t.spec.covers.includes(country)) ?? owner.templates.find((t) => t.spec.pstnProviderId !== null);
    if (!fit) throw new Error(`no template of ${owner.spec.name} fits ${packages.join(',')} in ${country}`);
    return fit;
  }

  // -- wholesale customers ----------------------------------------------------------

  wholesaleCustomers(ownerKey: WholesaleKey, specs: CustomerSpec[]): void {
    const owner = this.partner(ownerKey);
    // External ids follow creation order, as a partner's back office would number them.
    const timed = specs.map((spec) => ({ spec, timeline: customerTimeline(spec, this.rng, this.now) }));
    timed.sort((a, b) => a.timeline.createdAt - b.timeline.createdAt);
    timed.forEach(({ spec, timeline }, i) => {
      this.wholesaleCustomer(owner, spec, timeline, `${owner.spec.externalPrefix}${owner.spec.externalStart + i}`);
    });
  }

  private wholesaleCustomer(owner: PartnerRef, spec: CustomerSpec, timeline: Timeline, externalId: string): void {
    const served = SERVED.includes(spec.status);
    const built = this.customerOrg({ ...spec, wholesale: true }, timeline);
    const template = this.templateFor(owner, spec.packages, spec.country);
    const language = COUNTRY_DATA[spec.country].language;
    const meetings = served && hasMeetings(spec.packages);
    const northwind = this.partner('northwind');
    const creator = spec.createdByParent ? northwind.adminIds[0] : this.rng.pick(owner.adminIds.slice(0, 2));

    this.rows.customers.push({
      id: built.customerId, orgId: built.orgId, partnerOrgId: owner.orgId, templateId: template.id, subscriptionId: SUBSCRIPTION_ID,
      externalId, status: spec.status, statusChangedAt: toDate(timeline.statusChangedAt), rbpm: spec.rbpm ?? this.rng.chance(0.85),
      adminEmail: built.adminEmail, language, creationPackage: creationPackage(spec.packages),
      sipDomain: served ? `${built.slug}.sip.${PLATFORM_DOMAIN}` : null,
      meetingsSiteUrl: meetings ? `${built.slug}.webex.test` : null,
      meetingsDialInCode: meetings ? dialInCode(spec.country) : null,
      meetingsLanguage: meetings ? meetingsLocale(language) : null,
      rplReviewStartedAt: timeline.rplReviewStartedAt === null ? null : toDate(timeline.rplReviewStartedAt),
      errors: spec.status === 'error' ? [{ errorCode: 10450, description: 'The headquarters address could not be validated by the PSTN provider.' }] : [],
      createdBy: creator, createdAt: toDate(timeline.createdAt),
      deprovisionedAt: timeline.deprovisionedAt === null ? null : toDate(timeline.deprovisionedAt),
    });
    // The creator manages the customer; a sub-partner's parent does too (SPEC §1).
    this.relate(owner.orgId, built.orgId, timeline.createdAt);
    if (owner.spec.kind === 'sub_partner') this.relate(northwind.orgId, built.orgId, timeline.createdAt);
    this.rows.orgSettings.push({
      orgId: built.orgId, domain: served ? `${built.slug}.test` : null, emailLanguage: language,
      sso: template.spec.authMode === 'saml' ? { mode: 'saml', idpEntityId: template.spec.idpEntityId } : { mode: 'webex' },
      updatedAt: toDate(timeline.createdAt),
    });
    this.customerPackages(built.customerId, spec, timeline);
    this.provisioningLog(built, spec, template);

    const actorOrg = spec.createdByParent ? northwind.orgId : owner.orgId;
    this.audit(owner.orgId, creator, actorOrg, timeline.createdAt, 'customer.create', 'customer', built.customerId, `Created customer "${spec.name}" (${externalId})`);
    if (spec.rbpm === false) {
      this.audit(owner.orgId, creator, actorOrg, timeline.readyAt + 2 * DAY, 'customer.rbpm.update', 'customer', built.customerId,
        `Turned Restricted by Partner Mode off for "${spec.name}"`, { rbpm: true }, { rbpm: false });
    }
    if (timeline.deprovisionedAt !== null) {
      this.audit(owner.orgId, creator, actorOrg, timeline.deprovisionedAt, 'customer.delete', 'customer', built.customerId, `Removed wholesale services from "${spec.name}"`);
    }
    if (served) this.subscribersOf(owner, built, spec);
  }

  /** The customer org, its HQ location and its admin's address; shared by wholesale and trial customers. */
  private customerOrg(spec: { name: string; country: string; orgId?: string; admin?: AdminPerson; branch?: string; wholesale: boolean }, timeline: Timeline): CustomerOrgRef {
    const orgId = spec.orgId ?? this.rng.uuid();
    const slug = slugify(spec.name);
    const country = COUNTRY_DATA[spec.country];
    this.rows.orgs.push({
      // Customers provisioned through wholesale are wholesale orgs (SPEC §5.2's always-read-only items).
      id: orgId, kind: 'customer', name: spec.name, country: spec.country, language: country.language, wholesale: spec.wholesale,
      createdAt: toDate(timeline.createdAt), updatedAt: toDate(timeline.statusChangedAt),
    });
    const city = this.rng.pick(country.cities);
    const hq = this.location(orgId, 'Headquarters', true, spec.country, city, timeline.createdAt);
    const branch = spec.branch ? this.location(orgId, spec.branch, false, spec.country, city, timeline.readyAt + 30 * DAY) : null;
    // Only a provisioned customer gets the admin's users row; the address is known from creation.
    const admin = spec.admin ?? this.person(`${slug}.test`);
    return { customerId: this.rng.uuid(), orgId, name: spec.name, slug, adminEmail: admin.email, admin, timeline, hq, branch };
  }

  private location(orgId: string, name: string, isHeadquarters: boolean, countryCode: string, city: City, createdAt: number): LocationRef {
    const country = COUNTRY_DATA[countryCode];
    const street = this.rng.pick(country.streets);
    const number = this.rng.int(1, 240);
    const id = this.rng.uuid();
    this.rows.locations.push({
      id, orgId, name, isHeadquarters, addressLine1: country.numberFirst ? `${number} ${street}` : `${street} ${number}`,
      addressLine2: this.rng.chance(0.3) ? `Suite ${this.rng.int(100, 900)}` : null, city: city.city, stateOrProvince: city.state,
      postalCode: city.postal, country: countryCode, timeZone: city.timeZone, language: country.language, createdAt: toDate(createdAt),
    });
    // Extension plans differ per site: some 3-digit, some 4-digit.
    return { id, country: countryCode, extensions: this.rng.pick([100, 200, 1000, 2000, 5000]) };
  }

  private relate(managerOrgId: string, managedOrgId: string, at: number): void {
    this.rows.orgRelations.push({ managerOrgId, managedOrgId, createdAt: toDate(at) });
  }

  private customerPackages(customerId: string, spec: CustomerSpec, timeline: Timeline): void {
    for (const pkg of spec.packages) {
      const failed = pkg === spec.failedPackage;
      const done = SERVED.includes(spec.status);
      this.rows.customerPackages.push({
        customerId, package: pkg,
        status: failed ? 'error' : done ? 'provisioned' : 'provisioning',
        errors: failed ? [{ errorCode: 10720, description: `${PACKAGE_INFO[pkg].name} could not be enabled: the PSTN provider rejected the number block.` }] : [],
        updatedAt: toDate(timeline.statusChangedAt),
      });
    }
  }

  /** The provisioning log the customer panel shows: how far the job got, per status. */
  private provisioningLog(built: BuiltCustomer, spec: CustomerSpec, template: TemplateRef): void {
    const { timeline } = built;
    let t = timeline.createdAt;
    const log = (step: string, message: string, level: 'info' | 'warning' | 'error' = 'info', at?: number) => {
      t = at ?? t + this.rng.int(2, 20) * 1000;
      this.rows.provisioningEvents.push({ customerId: built.customerId, at: toDate(t), step, level, message });
    };
    log('accepted', `Customer accepted for provisioning from template "${template.spec.name}"`, 'info', timeline.createdAt);
    if (spec.status === 'pending_rpl_review' || spec.status === 'suspended') {
      log('rpl_check', 'Company name matched the restricted-party list; compliance review started', 'warning', timeline.rplReviewStartedAt ?? t);
      if (spec.status === 'suspended') log('rpl_check', 'Still under review after 72 hours; customer suspended for compliance review', 'error', timeline.statusChangedAt);
      return;
    }
    log('rpl_check', 'Restricted-party check passed');
    log('create_org', 'Organisation created');
    if (spec.status === 'provisioning') return;
    if (spec.status === 'error') {
      log('create_location', 'Headquarters address could not be validated by the PSTN provider (error 10450)', 'error', timeline.statusChangedAt);
      return;
    }
    log('create_location', 'Headquarters location created');
    log('create_admin', `Administrator ${built.adminEmail} created with ${PACKAGE_INFO[creationPackage(spec.packages) ?? 'webex_meetings'].name}`);
    log('attach_subscription', `Subscription ${SUBSCRIPTION_ID} attached`);
    log('sip_domain', `SIP domain ${built.slug}.sip.${PLATFORM_DOMAIN} assigned`);
    if (hasMeetings(spec.packages)) log('meetings_site', `Meetings site ${built.slug}.webex.test created`);
    if (spec.failedPackage) {
      log('packages', `${PACKAGE_INFO[spec.failedPackage].name} could not be enabled (error 10720)`, 'error');
      log('completed', 'Provisioning completed with errors', 'warning');
    } else {
      log('completed', 'Provisioning completed');
    }
    if (timeline.deprovisionedAt !== null) log('deprovision', 'Wholesale services removed; billing stopped', 'info', timeline.deprovisionedAt);
  }

  // -- subscribers and the billing ledger --------------------------------------------

  private subscribersOf(owner: PartnerRef, built: CustomerOrgRef, spec: CustomerSpec): void {
    const { timeline } = built;
    const until = timeline.deprovisionedAt ?? this.now;
    const userPackages = spec.packages.filter((p) => p !== 'common_area_calling' && p !== spec.failedPackage);
    const adminPackage = creationPackage(userPackages);
    if (!adminPackage) throw new Error(`${spec.name} has no package for its administrator`);
    const locations = built.branch ? [built.hq, built.branch] : [built.hq];
    const domain = `${built.slug}.test`;
    const count = spec.subscriberCount ?? this.rng.int(3, 15);

    // The administrator is the first subscriber, with the creation package (SPEC §2).
    const admin = built.admin;
    const adminId = this.addUser(built.orgId, admin, timeline.readyAt);
    this.grant(adminId, built.orgId, ['customer_full_admin'], timeline.readyAt);
    this.welcomeEmail(built, admin);
    this.subscriber(owner, built, { userId: adminId }, built.hq, adminPackage, [], timeline.readyAt, until, false);

    for (let i = 1; i < count; i++) {
      const start = this.laterStart(timeline.readyAt, until);
      const person = this.person(domain);
      const userId = this.addUser(built.orgId, person, start);
      const pkg = this.rng.pick(userPackages);
      const location = this.rng.pick(locations);
      this.subscriber(owner, built, { userId }, location, pkg, userPackages.filter((p) => p !== pkg), start, until, true);
    }
    if (spec.packages.includes('common_area_calling') && spec.failedPackage !== 'common_area_calling') {
      const names = [...WORKSPACE_NAMES];
      for (let i = this.rng.int(0, 2); i > 0; i--) {
        const workspaceName = names.splice(this.rng.int(0, names.length - 1), 1)[0];
        const start = this.laterStart(timeline.readyAt, until);
        this.subscriber(owner, built, { workspaceName }, built.hq, 'common_area_calling', [], start, until, true);
      }
    }
  }

  /** Most users arrive in the first weeks after provisioning; a few much later. */
  private laterStart(readyAt: number, until: number): number {
    const span = until - readyAt - 20 * MINUTE;
    return Math.round((readyAt + 10 * MINUTE + Math.pow(this.rng.float(), 2) * span * 0.9) / 1000) * 1000;
  }

  private subscriber(
    owner: PartnerRef, built: BuiltCustomer, who: { userId: string } | { workspaceName: string }, location: LocationRef,
    pkg: PackageId, alternatives: PackageId[], start: number, until: number, ordinary: boolean,
  ): void {
    const id = this.rng.uuid();
    const plan = planLedger(this.rng, {
      start, until, pkg, alternatives, mayChange: ordinary && 'userId' in who, mayRemove: ordinary, closeAt: built.timeline.deprovisionedAt,
    });
    const current = plan.intervals[plan.intervals.length - 1].pkg;
    const calling = isCalling(current);
    const lastChange = plan.removedAt ?? plan.intervals[plan.intervals.length - 1].start;
    this.rows.subscribers.push({
      id, customerId: built.customerId, orgId: built.orgId,
      kind: 'userId' in who ? 'user' : 'workspace',
      userId: 'userId' in who ? who.userId : null,
      workspaceName: 'workspaceName' in who ? who.workspaceName : null,
      package: current, locationId: location.id,
      // Calling needs an extension and/or a number (SPEC §2); meetings-only seats have neither.
      extension: calling ? String(location.extensions++) : null,
      primaryPhoneNumber: calling && this.rng.chance(0.5) ? this.nextPhoneNumber(location) : null,
      status: plan.removedAt === null ? 'provisioned' : 'removed',
      createdAt: toDate(start), lastStatusChangeAt: toDate(lastChange),
      removedAt: plan.removedAt === null ? null : toDate(plan.removedAt),
    });
    for (const interval of plan.intervals) {
      this.rows.packageAssignments.push({
        subscriberId: id, customerId: built.customerId, partnerOrgId: owner.orgId, locationId: location.id,
        package: interval.pkg, startedAt: toDate(interval.start), endedAt: interval.end === null ? null : toDate(interval.end),
      });
    }
  }

  /** A global counter behind per-country prefixes keeps numbers unique platform-wide. */
  private nextPhoneNumber(location: LocationRef): string {
    this.phoneCounter++;
    return `${COUNTRY_DATA[location.country].phonePrefix}${String(this.phoneCounter).padStart(6, '0')}`;
  }

  private welcomeEmail(built: BuiltCustomer, admin: AdminPerson): void {
    const at = built.timeline.readyAt;
    this.rows.emailOutbox.push({
      id: this.rng.uuid(), orgId: built.orgId, to: admin.email, kind: 'welcome', status: 'sent', attempts: 1,
      subject: `Welcome to Webex, ${built.name}`,
      body: `Hello ${admin.firstName},\n\nYour Webex services for ${built.name} are ready. Sign in with ${admin.email} to get started.\n`,
      createdAt: toDate(at), sentAt: toDate(at + 20_000),
    });
  }

  // -- trials (Contoso, non-wholesale) -----------------------------------------------

  trialCustomers(): void {
    const contoso = this.partner('contoso');
    const [salesFull, sales] = contoso.adminIds;
    CONTOSO_TRIALS.forEach((spec, i) => {
      const createdAt = this.now - spec.startedDaysAgo * DAY - 2 * HOUR;
      const timeline: Timeline = { createdAt, readyAt: createdAt, statusChangedAt: createdAt, rplReviewStartedAt: null, deprovisionedAt: null };
      const built = this.customerOrg({ ...spec, wholesale: false }, timeline);
      const createdBy = spec.bySalesAdmin ? sales : salesFull;
      this.rows.customers.push({
        id: built.customerId, orgId: built.orgId, partnerOrgId: contoso.orgId, templateId: null, subscriptionId: null,
        externalId: `${contoso.spec.externalPrefix}${contoso.spec.externalStart + i}`, status: 'provisioned',
        statusChangedAt: toDate(createdAt), rbpm: false, adminEmail: built.adminEmail, language: COUNTRY_DATA[spec.country].language,
        createdBy, createdAt: toDate(createdAt),
      });
      this.relate(contoso.orgId, built.orgId, createdAt);
      this.rows.orgSettings.push({ orgId: built.orgId, emailLanguage: COUNTRY_DATA[spec.country].language, sso: { mode: 'webex' }, updatedAt: toDate(createdAt) });
      const adminId = this.addUser(built.orgId, built.admin, createdAt);
      this.grant(adminId, built.orgId, ['customer_full_admin'], createdAt);
      this.trial(contoso, built, spec, createdBy);
    });
  }

  private trial(contoso: PartnerRef, built: BuiltCustomer, spec: TrialSpec, createdBy: string): void {
    const id = this.rng.uuid();
    const pending = spec.status === 'pending_customer_consent';
    const startsAt = this.now - spec.startedDaysAgo * DAY;
    this.rows.trials.push({
      id, partnerOrgId: contoso.orgId, customerOrgId: built.orgId, status: spec.status, businessVertical: spec.vertical,
      consentEmail: pending ? built.adminEmail : null, consentRequestedAt: pending ? toDate(startsAt) : null,
      startsAt: pending ? null : toDate(startsAt),
      endsAt: spec.endsInDays === null ? null : toDate(this.now + spec.endsInDays * DAY),
      createdBy, createdAt: toDate(startsAt - HOUR),
    });
    for (const service of spec.services) {
      const settings = service === 'meetings' ? { edition: 'enterprise', siteUrl: `${built.slug}.webex.test`, timeZone: 'America/New_York' }
        : service === 'devices' ? { devices: ['Webex Desk Pro', 'Webex Room Kit Mini'] } : {};
      this.rows.trialServices.push({ trialId: id, customerOrgId: built.orgId, service, settings, active: true });
    }
    if (spec.services.includes('devices')) {
      for (const deviceType of ['Webex Desk Pro', 'Webex Room Kit Mini']) {
        this.rows.trialDeviceShipments.push({ trialId: id, customerOrgId: built.orgId, deviceType, shippedAt: toDate(startsAt + DAY) });
      }
    }
    const summary = pending ? `Sent a trial request to ${built.adminEmail} for "${built.name}"` : `Started a trial for "${built.name}"`;
    this.audit(contoso.orgId, createdBy, contoso.orgId, startsAt, pending ? 'trial.request' : 'trial.start', 'trial', id, summary);
    if (pending) {
      this.rows.emailOutbox.push({
        id: this.rng.uuid(), orgId: built.orgId, to: built.adminEmail, kind: 'trial_consent_request', status: 'sent', attempts: 1,
        subject: `Contoso Solutions would like to start a Webex trial for ${built.name}`,
        body: `Contoso Solutions has requested a trial of Webex services for ${built.name}. Open Control Hub to accept or decline.\n`,
        createdAt: toDate(startsAt), sentAt: toDate(startsAt + 15_000),
      });
    }
  }

  // -- platform rows ------------------------------------------------------------------

  /** Sub-partner setup as the parent would have done it (SPEC §6.4): audit entry and invitation. */
  subPartnerSetupTrail(): void {
    const northwind = this.partner('northwind');
    for (const key of ['fabrikam', 'tailspin'] as const) {
      const sub = this.partner(key);
      const at = this.now - sub.spec.createdDaysAgo * DAY;
      const admin = PARTNER_ADMINS.find((a) => a.partner === key);
      if (!admin) throw new Error(`no admin for ${key}`);
      this.audit(northwind.orgId, northwind.adminIds[0], northwind.orgId, at, 'sub_partner.create', 'org', sub.orgId, `Set up indirect provider "${sub.spec.name}"`);
      this.rows.emailOutbox.push({
        id: this.rng.uuid(), orgId: sub.orgId, to: admin.email, kind: 'invitation', status: 'sent', attempts: 1,
        subject: `You're invited to manage ${sub.spec.name} in Partner Hub`,
        body: `Hello ${admin.firstName},\n\nNorthwind Telecom has set up ${sub.spec.name} as an indirect provider. Sign in to Partner Hub with ${admin.email}.\n`,
        createdAt: toDate(at + HOUR), sentAt: toDate(at + HOUR + 10_000),
      });
    }
  }

  private audit(
    orgId: string, actorUserId: string, actorOrgId: string, at: number, action: string, targetType: string, targetId: string,
    summary: string, before?: Record<string, unknown>, after?: Record<string, unknown>,
  ): void {
    this.rows.auditLog.push({
      at: toDate(at), orgId, actorUserId, actorOrgId, action, targetType, targetId, summary, before: before ?? null, after: after ?? null,
    });
  }
}

/** Builds every demo row in memory (no I/O); `now` anchors all times. */
export function buildDemoData(now: Date, passwordHash: string): DemoRows {
  const b = new DemoBuilder(now, passwordHash);
  b.referenceData();
  b.partnersAndAdmins();
  b.subscriptionsAndTemplates();
  b.subPartnerSetupTrail();
  b.wholesaleCustomers('northwind', NORTHWIND_CUSTOMERS);
  b.wholesaleCustomers('fabrikam', FABRIKAM_CUSTOMERS);
  b.wholesaleCustomers('tailspin', TAILSPIN_CUSTOMERS);
  b.trialCustomers();
  // Every account the sign-in page advertises must exist.
  for (const account of DEMO_ACCOUNTS) b.userId(account.email);
  // The audit log is read newest-first by time; insert in time order so ids agree.
  b.rows.auditLog.sort((x, y) => (x.at?.getTime() ?? 0) - (y.at?.getTime() ?? 0));
  return b.rows;
}

// ---------------------------------------------------------------------------------
// Writing

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => PromiseLike<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Inserts in foreign-key order. */
async function insertAll(tx: Tx, rows: DemoRows): Promise<void> {
  await inChunks(rows.pstnProviders, (r) => tx.insert(pstnProviders).values(r));
  await inChunks(rows.restrictedParties, (r) => tx.insert(restrictedParties).values(r));
  // A trigger checks that a sub-partner's parent is an existing partner: parents first.
  for (const kind of ['partner', 'sub_partner', 'customer'] as const) {
    await inChunks(rows.orgs.filter((o) => o.kind === kind), (r) => tx.insert(orgs).values(r));
  }
  await inChunks(rows.orgRelations, (r) => tx.insert(orgRelations).values(r));
  await inChunks(rows.subscriptions, (r) => tx.insert(subscriptions).values(r));
  await inChunks(rows.subPartnerSubscriptions, (r) => tx.insert(subPartnerSubscriptions).values(r));
  await inChunks(rows.users, (r) => tx.insert(users).values(r));
  await inChunks(rows.roleGrants, (r) => tx.insert(roleGrants).values(r));
  await inChunks(rows.templates, (r) => tx.insert(onboardingTemplates).values(r));
  await inChunks(rows.customers, (r) => tx.insert(customers).values(r));
  await inChunks(rows.orgSettings, (r) => tx.insert(orgSettings).values(r));
  await inChunks(rows.locations, (r) => tx.insert(locations).values(r));
  await inChunks(rows.customerPackages, (r) => tx.insert(customerPackages).values(r));
  await inChunks(rows.provisioningEvents, (r) => tx.insert(provisioningEvents).values(r));
  await inChunks(rows.subscribers, (r) => tx.insert(subscribers).values(r));
  await inChunks(rows.packageAssignments, (r) => tx.insert(packageAssignments).values(r));
  await inChunks(rows.trials, (r) => tx.insert(trials).values(r));
  await inChunks(rows.trialServices, (r) => tx.insert(trialServices).values(r));
  await inChunks(rows.trialDeviceShipments, (r) => tx.insert(trialDeviceShipments).values(r));
  await inChunks(rows.auditLog, (r) => tx.insert(auditLog).values(r));
  await inChunks(rows.emailOutbox, (r) => tx.insert(emailOutbox).values(r));
}

/** Seeds the demo data set into an empty, migrated database, all or nothing. */
export async function seedDemo(db: Db, now: Date = new Date()): Promise<void> {
  // scrypt is deliberately slow: hash once and share the string across the demo accounts.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const rows = buildDemoData(now, passwordHash);
  await db.transaction(async (tx) => {
    await insertAll(tx, rows);
  });
}
