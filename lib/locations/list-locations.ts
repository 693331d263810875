import { asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { locations } from '@/db/schema';
import type { OrgAccess } from '@/lib/auth/access';
import { qualified } from '@/lib/sql/qualified';

export type LocationRow = Pick<
  typeof locations.$inferSelect,
  | 'id'
  | 'name'
  | 'isHeadquarters'
  | 'addressLine1'
  | 'addressLine2'
  | 'city'
  | 'stateOrProvince'
  | 'postalCode'
  | 'country'
  | 'timeZone'
  | 'language'
> & { subscribers: number };

/** The customer org's locations, HQ first; customers have a handful, so no paging. */
export async function listLocations(db: DbOrTx, access: OrgAccess): Promise<LocationRow[]> {
  return db
    .select({
      id: locations.id,
      name: locations.name,
      isHeadquarters: locations.isHeadquarters,
      addressLine1: locations.addressLine1,
      addressLine2: locations.addressLine2,
      city: locations.city,
      stateOrProvince: locations.stateOrProvince,
      postalCode: locations.postalCode,
      country: locations.country,
      timeZone: locations.timeZone,
      language: locations.language,
      subscribers: sql<number>`(select count(*)::int from subscribers s where s.location_id = ${qualified(locations.id)} and s.removed_at is null)`,
    })
    .from(locations)
    .where(eq(locations.orgId, access.org.id))
    .orderBy(desc(locations.isHeadquarters), asc(sql`lower(${locations.name})`));
}
