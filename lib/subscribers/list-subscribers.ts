import { and, asc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { locations, subscribers, users } from '@/db/schema';
import type { OrgAccess } from '@/lib/auth/access';
import type { PackageId } from '@/lib/domain/packages';
import { containsPattern, searchCondition, pageRequest, type PageResult } from '@/lib/paging/search-params';
import { qualified } from '@/lib/sql/qualified';
import { oneRow } from '@/db/one-row';

export const SUBSCRIBERS_PAGE_SIZE = 50;

export interface SubscriberRow {
  id: string;
  /** User's name, or the workspace name. */
  name: string;
  email: string | null;
  package: PackageId;
  locationName: string;
  extension: string | null;
  phoneNumber: string | null;
  /** Holds a customer admin role on this org (users only). */
  isAdmin: boolean;
  /** The editable parts of a user's name (null for workspaces). */
  firstName: string | null;
  lastName: string | null;
  displayName: string | null;
}

/**
 * Users or workspaces of the customer org in the URL (removed ones are history, not listed).
 * Users are sorted by last name, workspaces by name.
 */
export async function listSubscribers(
  db: DbOrTx,
  access: OrgAccess,
  params: { kind: 'user' | 'workspace'; q: string; page: number },
): Promise<PageResult<SubscriberRow>> {
  const orgId = access.org.id;
  const { page, pageSize, offset } = pageRequest(params.page, SUBSCRIBERS_PAGE_SIZE);
  const conditions: SQL[] = [eq(subscribers.orgId, orgId), eq(subscribers.kind, params.kind), isNull(subscribers.removedAt)];
  if (params.q) {
    conditions.push(
      searchCondition(params.q, (q) => {
        const p = containsPattern(q);
        return params.kind === 'user'
          ? or(
              sql`lower(${users.firstName} || ' ' || ${users.lastName}) like ${p}`,
              sql`lower(coalesce(${users.displayName}, '')) like ${p}`,
              sql`lower(${users.email}) like ${p}`,
            )!
          : sql`lower(${subscribers.workspaceName}) like ${p}`;
      }),
    );
  }
  const where = and(...conditions);
  const isAdmin = sql<boolean>`exists (select 1 from role_grants g where g.user_id = ${qualified(subscribers.userId)} and g.org_id = ${orgId} and g.role in ('customer_full_admin', 'customer_readonly_admin'))`;
  const order =
    params.kind === 'user'
      ? [asc(sql`lower(${users.lastName})`), asc(sql`lower(${users.firstName})`), asc(subscribers.id)]
      : [asc(sql`lower(${subscribers.workspaceName})`), asc(subscribers.id)];

  const [rows, { total }] = await Promise.all([
    db
      .select({
        id: subscribers.id,
        workspaceName: subscribers.workspaceName,
        firstName: users.firstName,
        lastName: users.lastName,
        displayName: users.displayName,
        email: users.email,
        package: subscribers.package,
        locationName: locations.name,
        extension: subscribers.extension,
        phoneNumber: subscribers.primaryPhoneNumber,
        isAdmin,
      })
      .from(subscribers)
      .leftJoin(users, eq(users.id, subscribers.userId))
      .innerJoin(locations, eq(locations.id, subscribers.locationId))
      .where(where)
      .orderBy(...order)
      .limit(pageSize)
      .offset(offset),
    oneRow(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(subscribers)
        .leftJoin(users, eq(users.id, subscribers.userId))
        .where(where),
      'a count',
    ),
  ]);

  return {
    rows: rows.map((r) => ({
      id: r.id,
      name: r.workspaceName ?? (r.displayName || `${r.firstName ?? ''} ${r.lastName ?? ''}`.trim() || r.email || '—'),
      email: r.email,
      package: r.package,
      locationName: r.locationName,
      extension: r.extension,
      phoneNumber: r.phoneNumber,
      isAdmin: params.kind === 'user' && r.isAdmin,
      firstName: r.firstName,
      lastName: r.lastName,
      displayName: r.displayName,
    })),
    total,
    page,
    pageSize,
  };
}
