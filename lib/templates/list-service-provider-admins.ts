import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { roleGrants, users } from '@/db/schema';
import { PARTNER_ROLES } from '@/lib/domain/roles';

export interface ServiceProviderAdmin {
  id: string;
  name: string;
  email: string;
}

/**
 * People who may be a template's service provider administrator: holders of a partner
 * role on this very org (a cross-launched parent admin is not one of the sub-partner's).
 * `onlyId` narrows the check to one person for server-side validation.
 */
export async function listServiceProviderAdmins(db: DbOrTx, orgId: string, onlyId?: string): Promise<ServiceProviderAdmin[]> {
  const rows = await db
    .select({ id: users.id, email: users.email, firstName: users.firstName, lastName: users.lastName, displayName: users.displayName })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.orgId, orgId), inArray(roleGrants.role, [...PARTNER_ROLES]), onlyId ? eq(users.id, onlyId) : undefined))
    // One row per person however many partner roles they hold.
    .groupBy(users.id)
    .orderBy(sql`lower(${users.lastName})`, sql`lower(${users.firstName})`, asc(users.email));
  return rows.map((u) => ({ id: u.id, email: u.email, name: u.displayName || `${u.firstName} ${u.lastName}`.trim() || u.email }));
}
