import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, orgs } from '@/db/schema';
import { isUuid, reachesOwnOnly, type OrgAccess } from '@/lib/auth/access';
import { decide } from '@/lib/auth/policy';
import type { PackageId } from '@/lib/domain/packages';
import type { CustomerStatus } from '@/lib/domain/statuses';
import { ForbiddenError } from '@/lib/platform/errors';
import { containsPattern, searchCondition, pageRequest, type PageResult } from '@/lib/paging/search-params';
import type { CustomerListParams } from './customer-list-params';

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
  /** The owning indirect provider, for a sub-partner's customer (indirect scope only). */
  owner: { id: string; name: string } | null;
}

export interface CustomerList extends PageResult<CustomerListRow> {
  /** Indirect scope without a query: nothing is searched (SPEC §4.2 needs an explicit search). */
  needsQuery: boolean;
}

/**
 * Whose customers are listed. Indirect scope ("Include indirect providers' customers")
 * adds the sub-partners, passed as a literal id list: the planner then runs the name
 * search once and filters by owner, instead of once per sub-partner.
 */
async function scopeCondition(db: DbOrTx, access: OrgAccess, params: CustomerListParams): Promise<SQL> {
  if (params.scope === 'indirect') {
    if (!decide(access, 'subPartners.access').allowed) {
      throw new ForbiddenError("You don't have permission to search indirect providers' customers.");
    }
    const subs = await db.select({ id: orgs.id }).from(orgs).where(and(eq(orgs.parentPartnerId, access.org.id), eq(orgs.kind, 'sub_partner')));
    return inArray(customers.partnerOrgId, [access.org.id, ...subs.map((s) => s.id)]);
  }
  const own = [eq(customers.partnerOrgId, access.org.id)];
  // Sales administrators reach only the customers they created.
  if (reachesOwnOnly(access)) {
    own.push(eq(customers.createdBy, access.actor.userId));
  }
  return and(...own)!;
}

/** ORDER BY over a set of columns: the inner page query and the outer one sort alike. */
function orderBy(params: CustomerListParams, c: { name: SQL | typeof customers.name; status: SQL | typeof customers.status; createdAt: SQL | typeof customers.createdAt; id: SQL | typeof customers.id }): SQL[] {
  const d = params.dir === 'asc' ? asc : desc;
  switch (params.sort) {
    case 'name':
      return [d(sql`lower(${c.name})`), d(c.id)];
    case 'status':
      // Matches customers_partner_status_idx (partner, status, created_at) in either direction.
      return [d(c.status), d(c.createdAt), d(c.id)];
    default:
      return [d(c.createdAt), d(c.id)];
  }
}

function filterConditions(params: CustomerListParams): SQL[] {
  const conditions: SQL[] = [];
  const q = params.q;
  if (q) {
    // Each branch has its index: trigram on lower(name), (partner, external_id), org_id.
    conditions.push(searchCondition(q, (term) => {
      const matches: SQL[] = [sql`lower(${customers.name}) like ${containsPattern(term)}`, eq(customers.externalId, term)];
      if (isUuid(term)) matches.push(eq(customers.orgId, term.toLowerCase()));
      return or(...matches)!;
    }));
  }
  if (params.status) conditions.push(eq(customers.status, params.status));
  if (params.package) conditions.push(sql`${customers.packages} @> array[${params.package}]::package_id[]`);
  return conditions;
}

/** From this offset on, the total is counted first so a page near the end can be read from the end. */
const DEEP_OFFSET = 2_500;

/** Which rows to read: the requested window, or the same rows counted from the other end. */
function pageWindow(offset: number, pageSize: number, total?: number) {
  if (total === undefined || offset < DEEP_OFFSET || offset <= total / 2) return { offset, limit: pageSize, reverse: false };
  const end = Math.min(offset + pageSize, total);
  return { offset: Math.max(0, total - end), limit: Math.max(0, end - offset), reverse: true };
}

/**
 * The page query and the count query, unexecuted (the bench EXPLAINs exactly these).
 * The page is picked in a derived table first, so the per-row user count and the owner
 * name are computed for its 25 rows only — not for every row an OFFSET skips. Given the
 * total, a page in the second half is read in reverse order from the end (OFFSET walks
 * an index, so the last page would otherwise cost the most) and put back in order outside.
 */
export async function customerListQueries(db: DbOrTx, access: OrgAccess, params: CustomerListParams) {
  const { pageSize, offset } = pageRequest(params.page, CUSTOMERS_PAGE_SIZE);
  const where = and(await scopeCondition(db, access, params), ...filterConditions(params))!;
  const count = db.select({ total: sql<number>`count(*)::int` }).from(customers).where(where);
  const rows = (total?: number) => {
    const w = pageWindow(offset, pageSize, total);
    const inner: CustomerListParams = w.reverse ? { ...params, dir: params.dir === 'asc' ? 'desc' : 'asc' } : params;
    const page = db
      .select({
        customerId: customers.id,
        orgId: customers.orgId,
        partnerOrgId: customers.partnerOrgId,
        name: customers.name,
        status: customers.status,
        packages: customers.packages,
        rbpm: customers.rbpm,
        externalId: customers.externalId,
        createdAt: customers.createdAt,
      })
      .from(customers)
      .where(where)
      .orderBy(...orderBy(inner, customers))
      .limit(w.limit)
      .offset(w.offset)
      .as('page');
    return db
      .select({
        customerId: page.customerId,
        orgId: page.orgId,
        name: page.name,
        status: page.status,
        packages: page.packages,
        rbpm: page.rbpm,
        externalId: page.externalId,
        createdAt: page.createdAt,
        ownerId: orgs.id,
        ownerName: orgs.name,
        // Index-only on subscribers_active_users_idx.
        activeUsers: sql<number>`(select count(*)::int from subscribers s where s.customer_id = ${page.customerId} and s.kind = 'user' and s.removed_at is null)`,
      })
      .from(page)
      .innerJoin(orgs, eq(orgs.id, page.partnerOrgId))
      .orderBy(...orderBy(params, { name: sql`${page.name}`, status: sql`${page.status}`, createdAt: sql`${page.createdAt}`, id: sql`${page.customerId}` }));
  };
  return { rows, count, pageSize, deep: offset >= DEEP_OFFSET };
}

/**
 * One page of the customer list (SPEC §4.2): the org's own customers by default; with
 * scope 'indirect', also its sub-partners' customers — only for a non-empty search.
 */
export async function listPartnerCustomers(db: DbOrTx, access: OrgAccess, params: CustomerListParams): Promise<CustomerList> {
  const { page, pageSize } = pageRequest(params.page, CUSTOMERS_PAGE_SIZE);
  if (params.scope === 'indirect' && !params.q) {
    if (!decide(access, 'subPartners.access').allowed) throw new ForbiddenError("You don't have permission to search indirect providers' customers.");
    return { rows: [], total: 0, page, pageSize, needsQuery: true };
  }
  const q = await customerListQueries(db, access, params);
  let rows: Awaited<ReturnType<typeof q.rows>>;
  let total: number;
  if (q.deep) {
    [{ total }] = await q.count;
    rows = await q.rows(total);
  } else {
    [rows, [{ total }]] = await Promise.all([q.rows(), q.count]);
  }
  return {
    rows: rows.map(({ ownerId, ownerName, ...r }) => ({ ...r, owner: ownerId !== access.org.id ? { id: ownerId, name: ownerName } : null })),
    total,
    page,
    pageSize,
    needsQuery: false,
  };
}
