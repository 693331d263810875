import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, orgs } from '@/db/schema';
import { isUuid, type OrgAccess } from '@/lib/auth/access';
import { partnerGrant } from '@/lib/auth/policy';
import { PACKAGES, type PackageId } from '@/lib/domain/packages';
import type { CustomerStatus } from '@/lib/domain/statuses';
import { containsPattern, pageRequest, type PageResult } from '@/lib/paging/search-params';
import { qualified } from '@/lib/sql/qualified';

export const CUSTOMERS_PAGE_SIZE = 25;

export interface CustomerListRow {
  customerId: string;
  orgId: string;
  name: string;
  status: CustomerStatus;
  packages: PackageId[];
  activeUsers: number;
  rbpm: boolean;
  externalId: string;
  createdAt: Date;
}

const isPackage = (p: string): p is PackageId => (PACKAGES as readonly string[]).includes(p);

/**
 * The org's own customers (never its sub-partners' — SPEC §4.2), newest first.
 * Packages and user counts are correlated subqueries evaluated for the page's rows
 * only, so one round trip and no N+1.
 */
export async function listPartnerCustomers(
  db: DbOrTx,
  access: OrgAccess,
  params: { q: string; page: number },
): Promise<PageResult<CustomerListRow>> {
  const { page, pageSize, offset } = pageRequest(params.page, CUSTOMERS_PAGE_SIZE);
  const conditions: SQL[] = [eq(customers.partnerOrgId, access.org.id)];
  // Sales administrators reach only the customers they created.
  if (partnerGrant(access.partnerRoles, 'customers.read', access.partnerWholesale) === 'own') {
    conditions.push(eq(customers.createdBy, access.actor.userId));
  }
  const q = params.q;
  if (q) {
    // lower(name) LIKE matches the trigram index on lower(orgs.name).
    const matches: SQL[] = [sql`lower(${orgs.name}) like ${containsPattern(q)}`, eq(customers.externalId, q)];
    if (isUuid(q)) matches.push(eq(customers.orgId, q.toLowerCase()));
    conditions.push(or(...matches)!);
  }
  const where = and(...conditions);

  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        customerId: customers.id,
        orgId: customers.orgId,
        name: orgs.name,
        status: customers.status,
        rbpm: customers.rbpm,
        externalId: customers.externalId,
        createdAt: customers.createdAt,
        packages: sql<string[]>`coalesce((select array_agg(cp.package::text order by cp.package) from customer_packages cp where cp.customer_id = ${qualified(customers.id)}), '{}'::text[])`,
        activeUsers: sql<number>`(select count(*)::int from subscribers s where s.customer_id = ${qualified(customers.id)} and s.kind = 'user' and s.removed_at is null)`,
      })
      .from(customers)
      .innerJoin(orgs, eq(orgs.id, customers.orgId))
      .where(where)
      .orderBy(desc(customers.createdAt), desc(customers.id))
      .limit(pageSize)
      .offset(offset),
    db.select({ total: sql<number>`count(*)::int` }).from(customers).innerJoin(orgs, eq(orgs.id, customers.orgId)).where(where),
  ]);

  return {
    rows: rows.map((r) => ({ ...r, packages: r.packages.filter(isPackage) })),
    total,
    page,
    pageSize,
  };
}
