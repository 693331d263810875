import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { roleGrants, users } from '@/db/schema';
import { PARTNER_PERMISSIONS } from '@/lib/auth/permissions';
import type { PartnerRole } from '@/lib/domain/roles';

/**
 * The roles that make someone eligible: those that may create and manage wholesale
 * customers (SPEC §1.2), read from the policy table — a read-only or sales administrator
 * could not act on the customers the template creates.
 */
export const SERVICE_PROVIDER_ADMIN_ROLES = Object.keys(PARTNER_PERMISSIONS['customers.write'].grants) as PartnerRole[];

export interface ServiceProviderAdmin {
  id: string;
  name: string;
  email: string;
}

/**
 * People who may be a template's service provider administrator: holders of an eligible
 * partner role on this very org (a cross-launched parent admin is not one of the sub-partner's).
 * `onlyId` narrows the check to one person for server-side validation.
 */
export async function listServiceProviderAdmins(db: DbOrTx, orgId: string, onlyId?: string): Promise<ServiceProviderAdmin[]> {
  const rows = await db
    .select({ id: users.id, email: users.email, firstName: users.firstName, lastName: users.lastName, displayName: users.displayName })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(eq(roleGrants.orgId, orgId), inArray(roleGrants.role, SERVICE_PROVIDER_ADMIN_ROLES), onlyId ? eq(users.id, onlyId) : undefined),
    )
    // One row per person however many partner roles they hold.
    .groupBy(users.id)
    .orderBy(sql`lower(${users.lastName})`, sql`lower(${users.firstName})`, asc(users.email));
  return rows.map((u) => ({ id: u.id, email: u.email, name: u.displayName || `${u.firstName} ${u.lastName}`.trim() || u.email }));
}
