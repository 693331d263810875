// Snapshots of resources as the API's GET returns them (SHAPES), read inside the
// transaction of the change so an event shows exactly the committed state.
// At the merge the API's own serialisers may replace these; the field names match.
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { billingReports, customerPackages, customers, locations, onboardingTemplates, orgs, subscribers, users } from '@/db/schema';
import type { BillingReportResource, CustomerResource, SubscriberResource } from './event-schemas';

const iso = (d: Date) => d.toISOString();

export async function customerResource(db: DbOrTx, customerId: string): Promise<CustomerResource | null> {
  const [c] = await db
    .select({
      id: customers.id, orgId: customers.orgId, externalId: customers.externalId, status: customers.status, errors: customers.errors,
      createdAt: customers.createdAt, statusChangedAt: customers.statusChangedAt, provisioningId: onboardingTemplates.provisioningId,
      ownerKind: orgs.kind, ownerId: orgs.id, sipDomain: customers.sipDomain, meetingsSiteUrl: customers.meetingsSiteUrl,
      subscriptionId: customers.subscriptionId,
    })
    .from(customers)
    .innerJoin(orgs, eq(orgs.id, customers.partnerOrgId))
    .leftJoin(onboardingTemplates, eq(onboardingTemplates.id, customers.templateId))
    .where(eq(customers.id, customerId));
  if (!c) return null;
  const [hq] = await db.select().from(locations).where(and(eq(locations.orgId, c.orgId), eq(locations.isHeadquarters, true)));
  const pkgs = await db.select().from(customerPackages).where(eq(customerPackages.customerId, c.id)).orderBy(customerPackages.package);
  const href = `/v1/wholesale/customers/${c.id}`;
  return {
    id: c.id,
    orgId: c.orgId,
    externalId: c.externalId,
    status: c.status,
    address: hq
      ? { addressLine1: hq.addressLine1, addressLine2: hq.addressLine2, city: hq.city, stateOrProvince: hq.stateOrProvince, zipOrPostalCode: hq.postalCode, country: hq.country }
      : null,
    packages: pkgs.map((p) => ({ name: p.package, status: p.status, warnings: p.warnings, errors: p.errors })),
    errors: c.errors,
    provisioningId: c.provisioningId ?? null,
    subPartnerOrgId: c.ownerKind === 'sub_partner' ? c.ownerId : null,
    created: iso(c.createdAt),
    lastStatusChange: iso(c.statusChangedAt),
    resourceDetails: { subscriptionId: c.subscriptionId, sipDomain: c.sipDomain, meetingsSiteUrl: c.meetingsSiteUrl },
    links: [
      { rel: 'self', href, method: 'GET' },
      { rel: 'update', href, method: 'PUT' },
      { rel: 'delete', href, method: 'DELETE' },
    ],
  };
}

export async function subscriberResource(db: DbOrTx, subscriberId: string): Promise<SubscriberResource | null> {
  const [s] = await db
    .select({ s: subscribers, email: users.email, firstName: users.firstName, lastName: users.lastName })
    .from(subscribers)
    .leftJoin(users, eq(users.id, subscribers.userId))
    .where(eq(subscribers.id, subscriberId));
  if (!s) return null;
  return {
    id: s.s.id,
    customerId: s.s.customerId,
    email: s.email ?? null,
    package: s.s.package,
    status: s.s.status,
    firstName: s.s.kind === 'workspace' ? s.s.workspaceName : (s.firstName ?? null),
    lastName: s.s.kind === 'workspace' ? null : (s.lastName ?? null),
    primaryPhoneNumber: s.s.primaryPhoneNumber,
    extension: s.s.extension,
    locationId: s.s.locationId,
    created: iso(s.s.createdAt),
    lastStatusChange: iso(s.s.lastStatusChangeAt),
    errors: s.s.errors,
  };
}

/** The live subscribers of a customer (for subscriber.deleted when a customer is removed). */
export async function activeSubscriberIds(db: DbOrTx, customerId: string): Promise<string[]> {
  const rows = await db.select({ id: subscribers.id }).from(subscribers).where(and(eq(subscribers.customerId, customerId), isNull(subscribers.removedAt)));
  return rows.map((r) => r.id);
}

export async function billingReportResource(db: DbOrTx, reportId: string): Promise<BillingReportResource | null> {
  const [r] = await db.select().from(billingReports).where(eq(billingReports.id, reportId));
  if (!r) return null;
  return {
    id: r.id, billingStartDate: r.billingStartDate, billingEndDate: r.billingEndDate, type: r.type, created: iso(r.createdAt),
    createdBy: r.createdBy, status: r.status, errors: r.errors,
  };
}
