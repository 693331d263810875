import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, onboardingTemplates, orgs } from '@/db/schema';
import { reachesOwnOnly, type OrgAccess } from '@/lib/auth/access';
import type { PackageId } from '@/lib/domain/packages';
import type { CustomerStatus } from '@/lib/domain/statuses';
import { currentSeatsByPackage } from '@/lib/ledger/seat-months';
import { customersByStatus } from './customer-months';
import { oneRow } from '@/db/one-row';

export interface PartnerOverview {
  customersByStatus: Partial<Record<CustomerStatus, number>>;
  totalCustomers: number;
  activeSeatsByPackage: Partial<Record<PackageId, number>>;
  totalActiveSeats: number;
  templates: number;
  subPartners: number;
}

/**
 * Real counts for the Overview page; every query is index-backed, seats come from counters.
 * `known.subPartners`: the org's indirect-provider count when the caller already has it (the
 * page: the layout counted them for the nav in the same request), so it isn't read twice.
 */
export async function getPartnerOverview(
  db: DbOrTx,
  access: OrgAccess,
  known: { subPartners?: Promise<number> } = {},
): Promise<PartnerOverview> {
  const orgId = access.org.id;
  // Sales administrators see only the customers they created.
  const ownOnly = reachesOwnOnly(access);
  const customerScope = ownOnly
    ? and(eq(customers.partnerOrgId, orgId), eq(customers.createdBy, access.actor.userId))
    : eq(customers.partnerOrgId, orgId);

  const [byStatus, seats, templates, subs] = await Promise.all([
    // The whole org: trigger-kept counters; a sales admin's own customers: counted (few).
    ownOnly
      ? db
          .select({ status: customers.status, n: sql<number>`count(*)::int` })
          .from(customers)
          .where(customerScope)
          .groupBy(customers.status)
      : customersByStatus(db, orgId),
    // Trigger-kept counters (lib/ledger/seat-months.ts), not a count of the open ledger.
    ownOnly ? Promise.resolve([] as { pkg: PackageId; n: number }[]) : currentSeatsByPackage(db, orgId),
    oneRow(
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(onboardingTemplates)
        .where(eq(onboardingTemplates.orgId, orgId)),
      'a count of templates',
    ),
    known.subPartners ??
      oneRow(
        db
          .select({ n: sql<number>`count(*)::int` })
          .from(orgs)
          .where(eq(orgs.parentPartnerId, orgId)),
        'a count of sub-partners',
      ).then((r) => r.n),
  ]);

  return {
    customersByStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.n])),
    totalCustomers: byStatus.reduce((a, r) => a + r.n, 0),
    activeSeatsByPackage: Object.fromEntries(seats.map((r) => [r.pkg, r.n])),
    totalActiveSeats: seats.reduce((a, r) => a + r.n, 0),
    templates: templates.n,
    subPartners: subs,
  };
}
