// The demo customers: the wholesale partners' customers and Contoso's trials.
import { DEMO_ORG_IDS } from '@/lib/demo/accounts';
import type { PackageId } from '@/lib/domain/packages';
import type { CustomerStatus, TrialService, TrialStatus } from '@/lib/domain/statuses';
import { PROFILES, type Profile } from './catalog';

export interface AdminPerson {
  email: string;
  firstName: string;
  lastName: string;
}

export interface CustomerSpec {
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
  name,
  country,
  packages: [...PROFILES[profile]],
  status: 'provisioned',
  ...extra,
});

export const NORTHWIND_CUSTOMERS: CustomerSpec[] = [
  c('Acme Dental', 'US', 'suite', {
    orgId: DEMO_ORG_IDS.acmeDental,
    rbpm: true,
    daysAgo: 362,
    subscriberCount: 12,
    branch: 'Riverside Clinic',
    admin: { email: 'admin@acme-dental.test', firstName: 'Ada', lastName: 'Acme' },
  }),
  // Mixed, so its admin (RBPM off) has packages to move users between (e2e/customer-setup.spec.ts).
  c('Bluebird Bakery', 'US', 'mixed', {
    orgId: DEMO_ORG_IDS.bluebirdBakery,
    rbpm: false,
    daysAgo: 341,
    subscriberCount: 8,
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
    status: 'provisioned_with_errors',
    packages: ['webex_calling', 'webex_meetings', 'common_area_calling'],
    failedPackage: 'common_area_calling',
  }),
  c('Oceanic Shadow Trading Ltd', 'AU', 'calling', { status: 'suspended' }),
  c('Lakeside Florists', 'US', 'suite', { status: 'deprovisioned', daysAgo: 310 }),
];

export const FABRIKAM_CUSTOMERS: CustomerSpec[] = [
  c('Redwood Realty Group', 'US', 'calling'),
  c('Summit Dental Care', 'US', 'suite'),
  c('Blue Heron Cafe', 'US', 'voice'),
  c('Copperfield Law', 'US', 'mixed', { createdByParent: true }),
  c('Prairie Wind Insurance', 'US', 'cx'),
  c('Stonebridge Clinic', 'US', 'meetings'),
  c('Maplewood Montessori', 'CA', 'meetings'),
  c('Trailhead Outfitters', 'US', 'calling', { status: 'provisioning' }),
];

export const TAILSPIN_CUSTOMERS: CustomerSpec[] = [
  c('Revontuli Kahvila Oy', 'FI', 'calling'),
  c('Hämeen Puutarha Oy', 'FI', 'voice'),
  c('Nordljus Konsult AB', 'SE', 'suite'),
  c('Fjordline Frakt AS', 'NO', 'calling'),
  c('Havfrue Design ApS', 'DK', 'meetings'),
];

export interface TrialSpec {
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

export const CONTOSO_TRIALS: TrialSpec[] = [
  {
    name: 'Alpine Analytics',
    country: 'US',
    vertical: 'Technology',
    status: 'active',
    startedDaysAgo: 25,
    endsInDays: 5,
    services: ['meetings', 'messaging'],
    bySalesAdmin: false,
  },
  {
    name: 'Bayview Medical Group',
    country: 'US',
    vertical: 'Healthcare',
    status: 'active',
    startedDaysAgo: 12,
    endsInDays: 18,
    services: ['calling', 'messaging', 'devices'],
    bySalesAdmin: true,
  },
  {
    name: 'Cobalt Robotics',
    country: 'GB',
    vertical: 'Manufacturing',
    status: 'active',
    startedDaysAgo: 3,
    endsInDays: 27,
    services: ['meetings', 'messaging', 'calling'],
    bySalesAdmin: false,
  },
  {
    name: 'Delta Dance Academy',
    country: 'US',
    vertical: 'Education',
    status: 'pending_consent',
    startedDaysAgo: 2,
    endsInDays: null,
    services: [],
    bySalesAdmin: false,
  },
  {
    name: 'Evergreen Dental Studio',
    country: 'US',
    vertical: 'Healthcare',
    status: 'expired_grace',
    startedDaysAgo: 40,
    endsInDays: -10,
    services: ['calling', 'messaging'],
    bySalesAdmin: false,
  },
  {
    name: 'Foxglove Florists',
    country: 'US',
    vertical: 'Retail',
    status: 'pending_provisioning_details',
    startedDaysAgo: 4,
    endsInDays: null,
    services: [],
    bySalesAdmin: true,
  },
  {
    name: 'Granite Peak Outfitters',
    country: 'US',
    vertical: 'Retail',
    status: 'ended',
    startedDaysAgo: 95,
    endsInDays: -65,
    services: ['meetings'],
    bySalesAdmin: false,
  },
  {
    name: 'Hillside Café',
    country: 'US',
    vertical: 'Hospitality',
    status: 'converted',
    startedDaysAgo: 50,
    endsInDays: -20,
    services: ['meetings', 'messaging'],
    bySalesAdmin: false,
  },
  {
    name: 'Indigo Yoga Loft',
    country: 'US',
    vertical: 'Other',
    status: 'cancelled',
    startedDaysAgo: 20,
    endsInDays: null,
    services: [],
    bySalesAdmin: false,
  },
];
