import { and, eq, sql } from 'drizzle-orm';
import { orgs, roleGrants, users } from '@/db/schema';
import type { PartnerRole } from '@/lib/domain/roles';
import { isPartnerRole } from '@/lib/domain/roles';
import { NotFoundError } from '@/lib/platform/errors';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import { ADMIN_ERRORS } from '@/lib/platform/error-codes';
import { oneRow } from '@/db/one-row';

export interface OrgAdminRow {
  userId: string;
  email: string;
  name: string;
  homeOrgId: string;
  invited: boolean;
  roles: PartnerRole[];
}

/**
 * Locks the org row first, so every change to an org's administrators runs one after the
 * other (the last-full-admin rule is then decided by the database, not by timing), and
 * returns the admin with their roles on this org. Not an admin of this org → 404.
 */
export async function lockOrgAdmin(ctx: ServiceCtx, userId: string): Promise<OrgAdminRow> {
  const orgId = ctx.access.org.id;
  await ctx.db.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, orgId)).for('update');
  const rows = await ctx.db
    .select({
      userId: users.id,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      homeOrgId: users.orgId,
      passwordHash: users.passwordHash,
      role: roleGrants.role,
    })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.orgId, orgId), eq(roleGrants.userId, userId)));
  const roles = rows.map((r) => r.role).filter(isPartnerRole) as PartnerRole[];
  const [u] = rows;
  if (!u || !roles.length) throw new NotFoundError('Administrator not found.', ADMIN_ERRORS.adminNotFound);
  return {
    userId: u.userId,
    email: u.email,
    name: `${u.firstName} ${u.lastName}`.trim() || u.email,
    homeOrgId: u.homeOrgId,
    invited: u.passwordHash === null,
    roles,
  };
}

/** Partner full administrators of the org other than userId who can sign in (invited ones can't yet). */
export async function otherActiveFullAdmins(ctx: ServiceCtx, userId: string): Promise<number> {
  const { n } = await oneRow(
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(
        and(
          eq(roleGrants.orgId, ctx.access.org.id),
          eq(roleGrants.role, 'partner_full_admin'),
          sql`${roleGrants.userId} <> ${userId}`,
          sql`${users.passwordHash} is not null`,
        ),
      ),
    'a count of full administrators',
  );
  return n;
}

export const LAST_FULL_ADMIN_MESSAGE =
  'This is the last partner full administrator of the organisation. Make someone else a partner full administrator first.';
