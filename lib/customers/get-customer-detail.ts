import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customerPackages, locations, onboardingTemplates, orgs, provisioningEvents, subscribers } from '@/db/schema';
import type { OrgAccess } from '@/lib/auth/access';
import type { PackageId } from '@/lib/domain/packages';
import type { CustomerStatus, PackageStatus } from '@/lib/domain/statuses';
import { getCustomerOrThrow } from './get-customer-or-throw';
import { provisioningRequestSchema } from './provisioning-request';
import { oneRow } from '@/db/one-row';

type ApiError = { errorCode: number; description: string };

export interface CustomerAddressView {
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  stateOrProvince: string | null;
  postalCode: string;
  country: string;
}

/** The customer panel (SPEC §4.3), JSON-safe (dates as ISO strings): the page renders it and the route handler polls it. */
export interface CustomerDetail {
  customerId: string;
  orgId: string;
  name: string;
  externalId: string;
  status: CustomerStatus;
  statusChangedAt: string;
  rbpm: boolean;
  attached: boolean;
  subscriptionId: string | null;
  templateName: string | null;
  adminEmail: string;
  /** The first administrator's name as given at creation ('' when not given). */
  adminName: string;
  language: string | null;
  sipDomain: string | null;
  meetingsSiteUrl: string | null;
  createdAt: string;
  deprovisionedAt: string | null;
  errors: ApiError[];
  packages: { package: PackageId; status: PackageStatus; errors: ApiError[] }[];
  address: CustomerAddressView | null;
  usersByPackage: { package: PackageId; users: number }[];
  activeUsers: number;
  events: { id: number; at: string; step: string; level: 'info' | 'warning' | 'error'; message: string }[];
}

/** The log is short for a real customer; the cap only guards the panel against a runaway one. */
const EVENTS_SHOWN = 100;

export async function getCustomerDetail(db: DbOrTx, access: OrgAccess, customerId: string): Promise<CustomerDetail> {
  const c = await getCustomerOrThrow(db, access, customerId);
  const [org, [template], packages, [hq], usersByPackage, events] = await Promise.all([
    oneRow(db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, c.orgId)), 'the customer org'),
    c.templateId
      ? db.select({ name: onboardingTemplates.name }).from(onboardingTemplates).where(eq(onboardingTemplates.id, c.templateId))
      : Promise.resolve([]),
    db
      .select({ package: customerPackages.package, status: customerPackages.status, errors: customerPackages.errors })
      .from(customerPackages)
      .where(eq(customerPackages.customerId, c.id))
      .orderBy(asc(customerPackages.package)),
    db
      .select()
      .from(locations)
      .where(and(eq(locations.orgId, c.orgId), eq(locations.isHeadquarters, true))),
    db
      .select({ package: subscribers.package, users: sql<number>`count(*)::int` })
      .from(subscribers)
      .where(and(eq(subscribers.customerId, c.id), eq(subscribers.kind, 'user'), isNull(subscribers.removedAt)))
      .groupBy(subscribers.package)
      .orderBy(asc(subscribers.package)),
    db
      .select({
        id: provisioningEvents.id,
        at: provisioningEvents.at,
        step: provisioningEvents.step,
        level: provisioningEvents.level,
        message: provisioningEvents.message,
      })
      .from(provisioningEvents)
      .where(eq(provisioningEvents.customerId, c.id))
      .orderBy(desc(provisioningEvents.at), desc(provisioningEvents.id))
      .limit(EVENTS_SHOWN),
  ]);
  // Until the job creates the HQ location, the address is the one given at creation.
  const requested = provisioningRequestSchema.safeParse(c.provisioningRequest);
  const address: CustomerAddressView | null = hq
    ? {
        addressLine1: hq.addressLine1,
        addressLine2: hq.addressLine2,
        city: hq.city,
        stateOrProvince: hq.stateOrProvince,
        postalCode: hq.postalCode,
        country: hq.country,
      }
    : requested.success
      ? {
          ...requested.data.address,
          addressLine2: requested.data.address.addressLine2 || null,
          stateOrProvince: requested.data.address.stateOrProvince || null,
        }
      : null;

  return {
    customerId: c.id,
    orgId: c.orgId,
    name: org.name,
    externalId: c.externalId,
    status: c.status,
    statusChangedAt: c.statusChangedAt.toISOString(),
    rbpm: c.rbpm,
    attached: c.attached,
    subscriptionId: c.subscriptionId,
    templateName: template?.name ?? null,
    adminEmail: c.adminEmail,
    adminName: requested.success ? `${requested.data.adminFirstName ?? ''} ${requested.data.adminLastName ?? ''}`.trim() : '',
    language: c.language,
    sipDomain: c.sipDomain,
    meetingsSiteUrl: c.meetingsSiteUrl,
    createdAt: c.createdAt.toISOString(),
    deprovisionedAt: c.deprovisionedAt?.toISOString() ?? null,
    errors: c.errors,
    packages,
    address,
    usersByPackage,
    activeUsers: usersByPackage.reduce((n, r) => n + r.users, 0),
    events: events.reverse().map((e) => ({ ...e, at: e.at.toISOString() })),
  };
}
