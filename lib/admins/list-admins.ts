import { asc, eq, sql } from 'drizzle-orm';
import { invitations, roleGrants, users } from '@/db/schema';
import { PARTNER_ROLES, type PartnerRole } from '@/lib/domain/roles';
import type { ServiceCtx } from '@/lib/platform/service-ctx';

export interface AdminListItem {
  userId: string;
  name: string;
  email: string;
  roles: PartnerRole[];
  status: 'active' | 'invited';
  lastSignInAt: Date | null;
  /** For invited admins: when the newest link expires (null = expired, re-send). */
  invitationExpiresAt: Date | null;
}

/** Settings → Administrators: the org's admins with their roles (one grouped query). */
export async function listAdmins(ctx: Pick<ServiceCtx, 'db' | 'access' | 'clock'>): Promise<AdminListItem[]> {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select({
      userId: users.id,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      displayName: users.displayName,
      invited: sql<boolean>`${users.passwordHash} is null`,
      lastSignInAt: users.lastSignInAt,
      roles: sql<string[]>`array_agg(${roleGrants.role}::text order by ${roleGrants.role})`,
      invitationExpiresAt: sql<string | null>`(select max(${invitations.expiresAt}) from ${invitations}
        where ${invitations.userId} = ${users.id} and ${invitations.acceptedAt} is null and ${invitations.expiresAt} > ${now.toISOString()})`,
    })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(eq(roleGrants.orgId, ctx.access.org.id))
    .groupBy(users.id)
    .orderBy(asc(sql`lower(${users.lastName})`), asc(sql`lower(${users.firstName})`), asc(users.email));
  return rows
    .map((r) => ({
      userId: r.userId,
      email: r.email,
      name: r.displayName || `${r.firstName} ${r.lastName}`.trim() || r.email,
      roles: r.roles.filter((x): x is PartnerRole => (PARTNER_ROLES as readonly string[]).includes(x)),
      status: r.invited ? ('invited' as const) : ('active' as const),
      lastSignInAt: r.lastSignInAt,
      invitationExpiresAt: r.invitationExpiresAt ? new Date(r.invitationExpiresAt) : null,
    }))
    .filter((r) => r.roles.length > 0);
}
