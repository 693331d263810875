import { asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { orgs, roleGrants, users } from '@/db/schema';
import type { OrgAccess } from '@/lib/auth/access';
import { ROLES, type Role } from '@/lib/domain/roles';
import type { OrgKind, OrgState } from '@/lib/domain/statuses';
import { oneRow } from '@/db/one-row';

export interface OrgAdmin {
  userId: string;
  name: string;
  email: string;
  roles: Role[];
}

export interface OrgProfile {
  id: string;
  name: string;
  kind: OrgKind;
  state: OrgState;
  wholesale: boolean;
  country: string | null;
  language: string | null;
  billingStartDate: string | null;
  createdAt: Date;
  parent: { id: string; name: string } | null;
  admins: OrgAdmin[];
}

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

/** The Settings page: org profile plus its administrators with their roles (one grouped query). */
export async function getOrgProfile(db: DbOrTx, access: OrgAccess): Promise<OrgProfile> {
  const orgId = access.org.id;
  const parent = alias(orgs, 'parent');
  const [org, admins] = await Promise.all([
    oneRow(
      db
        .select({
          id: orgs.id,
          name: orgs.name,
          kind: orgs.kind,
          state: orgs.state,
          wholesale: orgs.wholesale,
          country: orgs.country,
          language: orgs.language,
          billingStartDate: orgs.billingStartDate,
          createdAt: orgs.createdAt,
          parentId: parent.id,
          parentName: parent.name,
        })
        .from(orgs)
        .leftJoin(parent, eq(parent.id, orgs.parentPartnerId))
        .where(eq(orgs.id, orgId)),
      'the org',
    ),
    db
      .select({
        userId: users.id,
        email: users.email,
        firstName: users.firstName,
        lastName: users.lastName,
        displayName: users.displayName,
        roles: sql<string[]>`array_agg(${roleGrants.role}::text order by ${roleGrants.role})`,
      })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(eq(roleGrants.orgId, orgId))
      .groupBy(users.id)
      .orderBy(asc(sql`lower(${users.lastName})`), asc(sql`lower(${users.firstName})`), asc(users.email)),
  ]);
  const { parentId, parentName, ...rest } = org;
  return {
    ...rest,
    parent: parentId && parentName ? { id: parentId, name: parentName } : null,
    admins: admins.map((a) => ({
      userId: a.userId,
      email: a.email,
      name: a.displayName || `${a.firstName} ${a.lastName}`.trim() || a.email,
      roles: a.roles.filter(isRole),
    })),
  };
}
