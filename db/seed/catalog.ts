// The demo catalog: reference data, countries, names, package profiles, partners and their
// templates. The customers live in catalog-customers.ts.
import type { pstnProviders } from '@/db/schema';
import type { Locale } from '@/lib/domain/locales';
import type { PackageId } from '@/lib/domain/packages';
import type { PartnerRole } from '@/lib/domain/roles';
import type { AuthMode } from '@/lib/domain/statuses';
import type { Row } from './rows';

export const SUBSCRIPTION_ID = 'Sub-104221';
export const PLATFORM_DOMAIN = 'partnerhub.test';

// ---------------------------------------------------------------------------------
// Reference data

export const PSTN_PROVIDERS: Row<typeof pstnProviders>[] = [
  { id: 'pstn-northstar', name: 'NorthStar Voice', countries: ['US', 'CA'] },
  { id: 'pstn-eurolink', name: 'EuroLink Telecom', countries: ['GB', 'IE', 'DE', 'FR', 'NL', 'FI', 'SE'] },
  { id: 'pstn-southerncross', name: 'Southern Cross Voice', countries: ['AU', 'NZ'] },
  { id: 'pstn-nordic', name: 'Nordic Fjord Networks', countries: ['FI', 'SE', 'NO', 'DK'] },
];

/** Fictitious. Two seeded customers match: one pending review, one suspended after 72 h. */
export const RESTRICTED_PARTY_NAMES = ['Crimson Vortex Industries', 'Oceanic Shadow Trading Ltd.', 'Blackthorn Munitions & Co.'];

export interface City {
  city: string;
  state: string | null;
  postal: string;
  timeZone: string;
}
export interface CountryData {
  cities: City[];
  streets: string[];
  /** "12 High Street" (true) or "Hauptstraße 12" (false). */
  numberFirst: boolean;
  /** Fictitious-looking E.164 prefixes; none is a prefix of another, so numbers never collide. */
  phonePrefix: string;
  language: Locale;
}

const ENGLISH_STREETS = [
  'Market Street',
  'Station Road',
  'Park Avenue',
  'Mill Lane',
  'King Street',
  'Harbour Road',
  'Church Street',
  'Oak Avenue',
];

export const COUNTRY_DATA: Record<string, CountryData> = {
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
    numberFirst: true,
    phonePrefix: '+1555',
    language: 'en_US',
  },
  CA: {
    cities: [
      { city: 'Toronto', state: 'ON', postal: 'M5H 2N2', timeZone: 'America/Toronto' },
      { city: 'Vancouver', state: 'BC', postal: 'V6B 1A1', timeZone: 'America/Vancouver' },
    ],
    streets: ['Queen Street West', 'Granville Street', 'Yonge Street'],
    numberFirst: true,
    phonePrefix: '+1647555',
    language: 'en_CA',
  },
  GB: {
    cities: [
      { city: 'London', state: null, postal: 'EC1A 1BB', timeZone: 'Europe/London' },
      { city: 'Manchester', state: null, postal: 'M1 1AE', timeZone: 'Europe/London' },
      { city: 'Bristol', state: null, postal: 'BS1 4DJ', timeZone: 'Europe/London' },
    ],
    streets: ENGLISH_STREETS,
    numberFirst: true,
    phonePrefix: '+4420',
    language: 'en_GB',
  },
  IE: {
    cities: [{ city: 'Dublin', state: null, postal: 'D02 X285', timeZone: 'Europe/Dublin' }],
    streets: ['Grafton Street', 'Baggot Street', 'Dame Street'],
    numberFirst: true,
    phonePrefix: '+3531',
    language: 'en_GB',
  },
  DE: {
    cities: [
      { city: 'Berlin', state: null, postal: '10115', timeZone: 'Europe/Berlin' },
      { city: 'München', state: null, postal: '80331', timeZone: 'Europe/Berlin' },
      { city: 'Hamburg', state: null, postal: '20095', timeZone: 'Europe/Berlin' },
    ],
    streets: ['Hauptstraße', 'Bahnhofstraße', 'Lindenweg', 'Gartenstraße'],
    numberFirst: false,
    phonePrefix: '+4930',
    language: 'de_DE',
  },
  NL: {
    cities: [{ city: 'Amsterdam', state: null, postal: '1012 AB', timeZone: 'Europe/Amsterdam' }],
    streets: ['Damrak', 'Keizersgracht', 'Prinsengracht'],
    numberFirst: false,
    phonePrefix: '+3120',
    language: 'nl_NL',
  },
  FI: {
    cities: [
      { city: 'Helsinki', state: null, postal: '00100', timeZone: 'Europe/Helsinki' },
      { city: 'Tampere', state: null, postal: '33100', timeZone: 'Europe/Helsinki' },
      { city: 'Turku', state: null, postal: '20100', timeZone: 'Europe/Helsinki' },
    ],
    // No Finnish locale in SPEC §7.4: Finnish customers default to British English.
    streets: ['Mannerheimintie', 'Aleksanterinkatu', 'Hämeenkatu', 'Puistokatu'],
    numberFirst: false,
    phonePrefix: '+3589',
    language: 'en_GB',
  },
  SE: {
    cities: [{ city: 'Stockholm', state: null, postal: '111 22', timeZone: 'Europe/Stockholm' }],
    streets: ['Drottninggatan', 'Storgatan'],
    numberFirst: false,
    phonePrefix: '+468',
    language: 'sv_SE',
  },
  NO: {
    cities: [{ city: 'Oslo', state: null, postal: '0150', timeZone: 'Europe/Oslo' }],
    streets: ['Karl Johans gate', 'Storgata'],
    numberFirst: false,
    phonePrefix: '+4722',
    language: 'nb_NO',
  },
  DK: {
    cities: [{ city: 'København', state: null, postal: '1050', timeZone: 'Europe/Copenhagen' }],
    streets: ['Strøget', 'Nørregade'],
    numberFirst: false,
    phonePrefix: '+4533',
    language: 'da_DK',
  },
  AU: {
    cities: [
      { city: 'Sydney', state: 'NSW', postal: '2000', timeZone: 'Australia/Sydney' },
      { city: 'Melbourne', state: 'VIC', postal: '3000', timeZone: 'Australia/Melbourne' },
      { city: 'Brisbane', state: 'QLD', postal: '4000', timeZone: 'Australia/Brisbane' },
    ],
    streets: ['George Street', 'Collins Street', 'Queen Street', 'Harbour Road'],
    numberFirst: true,
    phonePrefix: '+6128',
    language: 'en_AU',
  },
  NZ: {
    cities: [{ city: 'Auckland', state: null, postal: '1010', timeZone: 'Pacific/Auckland' }],
    streets: ['Queen Street', 'Ponsonby Road'],
    numberFirst: true,
    phonePrefix: '+6495',
    language: 'en_AU',
  },
};

/** The seed's data for a country code; every spec names a country listed in COUNTRY_DATA. */
export function countryData(code: string): CountryData {
  const data = COUNTRY_DATA[code];
  if (!data) throw new Error(`The seed has no country data for "${code}".`);
  return data;
}

export const FIRST_NAMES = [
  'Emma',
  'Liam',
  'Olivia',
  'Noah',
  'Ava',
  'Mateo',
  'Sofia',
  'Lucas',
  'Mia',
  'Ethan',
  'Amara',
  'Kenji',
  'Priya',
  'Omar',
  'Chloe',
  'Daniel',
  'Aino',
  'Elias',
  'Freya',
  'Hugo',
  'Ingrid',
  'Jonas',
  'Leila',
  'Marcus',
  'Nadia',
  'Oscar',
  'Paula',
  'Rafael',
  'Sanna',
  'Tariq',
  'Uma',
  'Viktor',
  'Wren',
  'Yusuf',
  'Zoe',
  'Grace',
  'Henrik',
  'Isla',
  'Jamal',
  'Keira',
];
export const LAST_NAMES = [
  'Anderson',
  'Baker',
  'Carter',
  'Dubois',
  'Evans',
  'Fischer',
  'Garcia',
  'Hughes',
  'Ito',
  'Jensen',
  'Kowalski',
  'Larsen',
  'Martin',
  'Nguyen',
  'Okafor',
  'Patel',
  'Quinn',
  'Rossi',
  'Schmidt',
  'Taylor',
  'Ueda',
  'Virtanen',
  'Walsh',
  'Xu',
  'Young',
  'Zimmermann',
  'Lindqvist',
  'Murphy',
  'Novak',
  "O'Brien",
  'Pereira',
  'Reyes',
  'Svensson',
  'Thompson',
  'Brooks',
  'Chen',
  'Dalton',
  'Ellis',
  'Foster',
  'Khan',
];
export const WORKSPACE_NAMES = ['Reception', 'Lobby phone', 'Break room', 'Front desk', 'Warehouse door', 'Conference room', 'Kitchen'];

export const PROFILES = {
  calling: ['webex_calling', 'common_area_calling'],
  suite: ['webex_suite', 'webex_calling', 'common_area_calling'],
  voice: ['webex_voice', 'webex_meetings', 'common_area_calling'],
  meetings: ['webex_meetings'],
  cx: ['cx_essentials', 'webex_calling'],
  mixed: ['webex_calling', 'webex_meetings', 'webex_voice', 'common_area_calling'],
} satisfies Record<string, PackageId[]>;
export type Profile = keyof typeof PROFILES;

// ---------------------------------------------------------------------------------
// Partners, their admins and templates

export type PartnerKey = 'northwind' | 'fabrikam' | 'tailspin' | 'contoso' | 'litware';
export type WholesaleKey = Exclude<PartnerKey, 'contoso' | 'litware'>;

export interface PartnerSpec {
  key: PartnerKey;
  name: string;
  kind: 'partner' | 'sub_partner';
  wholesale: boolean;
  country: string;
  language: Locale;
  createdDaysAgo: number;
  externalPrefix: string;
  externalStart: number;
  /** Tier-1 partners convert trials themselves; tier 2 go through a distributor (SPEC §9). */
  tier?: '1' | '2';
}

export const PARTNERS: PartnerSpec[] = [
  {
    key: 'northwind',
    name: 'Northwind Telecom',
    kind: 'partner',
    wholesale: true,
    country: 'US',
    language: 'en_US',
    createdDaysAgo: 730,
    externalPrefix: 'NW-',
    externalStart: 1001,
  },
  {
    key: 'contoso',
    name: 'Contoso Solutions',
    kind: 'partner',
    wholesale: false,
    country: 'US',
    language: 'en_US',
    createdDaysAgo: 600,
    externalPrefix: 'CT-',
    externalStart: 2001,
  },
  {
    key: 'litware',
    name: 'Litware Reseller',
    kind: 'partner',
    wholesale: false,
    country: 'US',
    language: 'en_US',
    createdDaysAgo: 300,
    externalPrefix: 'LW-',
    externalStart: 3001,
    tier: '2',
  },
  {
    key: 'fabrikam',
    name: 'Fabrikam Networks',
    kind: 'sub_partner',
    wholesale: true,
    country: 'US',
    language: 'en_US',
    createdDaysAgo: 420,
    externalPrefix: 'FAB-',
    externalStart: 501,
  },
  {
    key: 'tailspin',
    name: 'Tailspin Telecom',
    kind: 'sub_partner',
    wholesale: true,
    country: 'FI',
    language: 'en_GB',
    createdDaysAgo: 390,
    externalPrefix: 'TS-',
    externalStart: 301,
  },
];

export interface PartnerAdminSpec {
  partner: PartnerKey;
  email: string;
  firstName: string;
  lastName: string;
  roles: PartnerRole[];
}

/** The partner-side demo accounts (plus one non-demo admin for variety), roles per SPEC §10. */
export const PARTNER_ADMINS: PartnerAdminSpec[] = [
  {
    partner: 'northwind',
    email: 'full.admin@northwind.test',
    firstName: 'Nora',
    lastName: 'Northwind',
    roles: ['partner_full_admin', 'wholesale_admin'],
  },
  { partner: 'northwind', email: 'wholesale.admin@northwind.test', firstName: 'Wes', lastName: 'Wholesale', roles: ['wholesale_admin'] },
  { partner: 'northwind', email: 'readonly@northwind.test', firstName: 'Rita', lastName: 'Reader', roles: ['partner_readonly_admin'] },
  { partner: 'northwind', email: 'olivia.ops@northwind.test', firstName: 'Olivia', lastName: 'Ops', roles: ['partner_full_admin'] },
  {
    partner: 'fabrikam',
    email: 'admin@fabrikam.test',
    firstName: 'Fiona',
    lastName: 'Fabrikam',
    roles: ['partner_full_admin', 'wholesale_admin'],
  },
  {
    partner: 'tailspin',
    email: 'admin@tailspin.test',
    firstName: 'Tomi',
    lastName: 'Tailspin',
    roles: ['partner_full_admin', 'wholesale_admin'],
  },
  { partner: 'contoso', email: 'sales.full@contoso.test', firstName: 'Sasha', lastName: 'Sales', roles: ['sales_full_admin'] },
  { partner: 'contoso', email: 'sales@contoso.test', firstName: 'Sid', lastName: 'Seller', roles: ['sales_admin'] },
  { partner: 'litware', email: 'sales.full@litware.test', firstName: 'Lena', lastName: 'Litware', roles: ['sales_full_admin'] },
];

export interface TemplateSpec {
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

export const TEMPLATES: TemplateSpec[] = [
  {
    partner: 'northwind',
    name: 'Standard calling – US',
    country: 'US',
    pstnProviderId: 'pstn-northstar',
    authMode: 'webex',
    language: 'en_US',
    brandName: 'Northwind Voice',
    covers: ['US', 'CA'],
  },
  {
    partner: 'northwind',
    name: 'Calling – Europe (SSO)',
    country: 'GB',
    pstnProviderId: 'pstn-eurolink',
    authMode: 'saml',
    idpEntityId: 'https://sso.northwind.test/saml2/metadata',
    language: 'en_GB',
    brandName: 'Northwind Voice Europe',
    covers: ['GB', 'IE', 'DE', 'NL', 'FI', 'SE'],
  },
  {
    partner: 'northwind',
    name: 'Calling – Australia',
    country: 'AU',
    pstnProviderId: 'pstn-southerncross',
    authMode: 'webex',
    language: 'en_AU',
    brandName: 'Northwind Voice ANZ',
    covers: ['AU', 'NZ'],
  },
  {
    partner: 'northwind',
    name: 'Meetings only',
    country: 'US',
    pstnProviderId: null,
    authMode: 'webex',
    language: 'en_US',
    brandName: 'Northwind Meetings',
    covers: [],
  },
  {
    partner: 'fabrikam',
    name: 'Fabrikam Calling',
    country: 'US',
    pstnProviderId: 'pstn-northstar',
    authMode: 'webex',
    language: 'en_US',
    brandName: 'Fabrikam Connect',
    covers: ['US', 'CA'],
  },
  {
    partner: 'fabrikam',
    name: 'Fabrikam Meetings only',
    country: 'US',
    pstnProviderId: null,
    authMode: 'webex',
    language: 'en_US',
    brandName: 'Fabrikam Connect',
    covers: [],
  },
  {
    partner: 'tailspin',
    name: 'Tailspin Calling – Nordics',
    country: 'FI',
    pstnProviderId: 'pstn-nordic',
    authMode: 'webex',
    language: 'en_GB',
    brandName: 'Tailspin Voice',
    covers: ['FI', 'SE', 'NO', 'DK'],
  },
  {
    partner: 'tailspin',
    name: 'Tailspin Meetings only',
    country: 'FI',
    pstnProviderId: null,
    authMode: 'webex',
    language: 'en_GB',
    brandName: 'Tailspin Meet',
    covers: [],
  },
];
