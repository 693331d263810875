import { asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, locations } from '@/db/schema';
import type { OrgAccess } from '@/lib/auth/access';
import { PACKAGES, type PackageId } from '@/lib/domain/packages';

/** What the management forms offer: the customer's packages (in rank order) and its locations, HQ first. */
export async function getManagementOptions(
  db: DbOrTx,
  access: OrgAccess,
): Promise<{ packages: PackageId[]; locations: { id: string; name: string }[] }> {
  const [pkgRows, locs] = await Promise.all([
    access.customer
      ? db.select({ packages: customers.packages }).from(customers).where(eq(customers.id, access.customer.id))
      : Promise.resolve([]),
    db
      .select({ id: locations.id, name: locations.name })
      .from(locations)
      .where(eq(locations.orgId, access.org.id))
      .orderBy(desc(locations.isHeadquarters), asc(sql`lower(${locations.name})`)),
  ]);
  const owned = new Set(pkgRows[0]?.packages ?? []);
  return { packages: PACKAGES.filter((p) => owned.has(p)), locations: locs };
}
