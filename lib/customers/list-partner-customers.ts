import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, orgs } from '@/db/schema';
import { isUuid, reachesOwnOnly, type OrgAccess } from '@/lib/auth/access';
import { decide } from '@/lib/auth/policy';
import type { PackageId } from '@/lib/domain/packages';
import type { CustomerStatus } from '@/lib/domain/statuses';
import { ForbiddenError } from '@/lib/platform/errors';
import { containsPattern, searchCondition, type PageResult } from '@/lib/paging/search-params';
import { customerTotal } from '@/lib/overview/customer-months';
import type { CustomerListParams } from './customer-list-params';
import { oneRow } from '@/db/one-row';

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
  /** `total` is counted up to CUSTOMER_COUNT_CAP + 1 unless the page needed it exactly. */
  totalCapped: boolean;
  /** Keyset cursors for Next / Previous (null at that end). */
  nextCursor: string | null;
  prevCursor: string | null;
  /** The last page's number, when the total is exact. */
  lastPage: number | null;
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
    const subs = await db
      .select({ id: orgs.id })
      .from(orgs)
      .where(and(eq(orgs.parentPartnerId, access.org.id), eq(orgs.kind, 'sub_partner')));
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
function orderBy(
  params: CustomerListParams,
  c: {
    name: SQL | typeof customers.name;
    status: SQL | typeof customers.status;
    createdAt: SQL | typeof customers.createdAt;
    id: SQL | typeof customers.id;
  },
): SQL[] {
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
    conditions.push(
      searchCondition(q, (term) => {
        const matches: SQL[] = [sql`lower(${customers.name}) like ${containsPattern(term)}`, eq(customers.externalId, term)];
        if (isUuid(term)) matches.push(eq(customers.orgId, term.toLowerCase()));
        return or(...matches)!;
      }),
    );
  }
  if (params.status) conditions.push(eq(customers.status, params.status));
  if (params.package) conditions.push(sql`${customers.packages} @> array[${params.package}]::package_id[]`);
  return conditions;
}

/** From this offset on (without a cursor), the total is counted first so a page near the end can be read from the end. */
const DEEP_OFFSET = 2_500;
/** Counting stops here ("10,000+"); the last page and deep page numbers count exactly. */
export const CUSTOMER_COUNT_CAP = 10_000;

/** Which rows to read: the requested window, or the same rows counted from the other end. */
function pageWindow(offset: number, pageSize: number, total?: number) {
  if (total === undefined || offset < DEEP_OFFSET || offset <= total / 2) return { offset, limit: pageSize, reverse: false };
  const end = Math.min(offset + pageSize, total);
  return { offset: Math.max(0, total - end), limit: Math.max(0, end - offset), reverse: true };
}

const flip = (p: CustomerListParams): CustomerListParams => ({ ...p, dir: p.dir === 'asc' ? 'desc' : 'asc' });

/**
 * Rows after (or, reading backwards, before) the cursor customer in the list order: a row
 * comparison on the sort key, which the (partner, key…, id) indexes answer in order.
 */
function keysetCondition(params: CustomerListParams, cursorId: string, forward: boolean): SQL {
  const ascending = (params.dir === 'asc') === forward;
  const op = sql.raw(ascending ? '>' : '<');
  const c = sql`(select c.id, c.created_at, lower(c.name) as lname, c.status from customers c where c.id = ${cursorId})`;
  switch (params.sort) {
    case 'name':
      return sql`(lower(${customers.name}), ${customers.id}) ${op} (select k.lname, k.id from ${c} k)`;
    case 'status':
      return sql`(${customers.status}, ${customers.createdAt}, ${customers.id}) ${op} (select k.status, k.created_at, k.id from ${c} k)`;
    default:
      return sql`(${customers.createdAt}, ${customers.id}) ${op} (select k.created_at, k.id from ${c} k)`;
  }
}

interface Window {
  /** Order the inner read walks the index in (reversed for "from the end" and "Previous"). */
  inner: CustomerListParams;
  offset: number;
  limit: number;
  keyset: SQL | null;
}

/**
 * The page and count queries, unexecuted (the bench EXPLAINs exactly these). The page is
 * picked in a derived table that reads only the ids and sort keys (an index scan, no
 * heap for the skipped rows); the 25 rows are then joined back for their columns, the
 * per-row user count and the owner name.
 */
export async function customerListQueries(db: DbOrTx, access: OrgAccess, params: CustomerListParams) {
  const where = and(await scopeCondition(db, access, params), ...filterConditions(params))!;
  const count = db
    .select({ total: sql<number>`count(*)::int` })
    .from(customers)
    .where(where);
  const cappedCount = db.select({ total: sql<number>`count(*)::int` }).from(
    db
      .select({ one: sql`1` })
      .from(customers)
      .where(where)
      .limit(CUSTOMER_COUNT_CAP + 1)
      .as('capped'),
  );
  const rows = (w: Window) => {
    const page = db
      .select({ id: customers.id, name: customers.name, status: customers.status, createdAt: customers.createdAt })
      .from(customers)
      .where(w.keyset ? and(where, w.keyset) : where)
      .orderBy(...orderBy(w.inner, customers))
      .limit(w.limit)
      .offset(w.offset)
      .as('page');
    return db
      .select({
        customerId: customers.id,
        orgId: customers.orgId,
        name: customers.name,
        status: customers.status,
        packages: customers.packages,
        rbpm: customers.rbpm,
        externalId: customers.externalId,
        createdAt: customers.createdAt,
        ownerId: orgs.id,
        ownerName: orgs.name,
        // Index-only on subscribers_active_users_idx.
        activeUsers: sql<number>`(select count(*)::int from subscribers s where s.customer_id = ${page.id} and s.kind = 'user' and s.removed_at is null)`,
      })
      .from(page)
      .innerJoin(customers, eq(customers.id, page.id))
      .innerJoin(orgs, eq(orgs.id, customers.partnerOrgId))
      .orderBy(
        ...orderBy(params, {
          name: sql`${page.name}`,
          status: sql`${page.status}`,
          createdAt: sql`${page.createdAt}`,
          id: sql`${page.id}`,
        }),
      );
  };
  return { rows, count, cappedCount };
}

/** Statement names for postgres.js: each distinct SQL text is parsed and planned once per connection. */
const PREPARED = 'customer_list';

/**
 * One page of the customer list (SPEC §4.2): the org's own customers by default; with
 * scope 'indirect', also its sub-partners' customers — only for a non-empty search.
 * Next/Previous carry a keyset cursor; page numbers (the first pages, a bookmarked
 * ?page=N) read by position; "Last" counts exactly and reads from the end.
 */
export async function listPartnerCustomers(db: DbOrTx, access: OrgAccess, params: CustomerListParams): Promise<CustomerList> {
  const pageSize = CUSTOMERS_PAGE_SIZE;
  if (params.scope === 'indirect' && !params.q) {
    if (!decide(access, 'subPartners.access').allowed)
      throw new ForbiddenError("You don't have permission to search indirect providers' customers.");
    return {
      rows: [],
      total: 0,
      totalCapped: false,
      page: params.page,
      pageSize,
      needsQuery: true,
      nextCursor: null,
      prevCursor: null,
      lastPage: 1,
    };
  }
  const q = await customerListQueries(db, access, params);
  // The whole list of an org (or one status of it) is counted by the trigger-kept summary
  // (lib/overview/customer-months.ts); a search, a package filter, the indirect scope or a
  // sales admin's own customers are counted by the list's own WHERE.
  const summarised = params.scope !== 'indirect' && !reachesOwnOnly(access) && !params.q && !params.package;
  const exact = async () =>
    summarised
      ? customerTotal(db, access.org.id, params.status)
      : (await oneRow(q.count.prepare(PREPARED).execute(), 'a customer count')).total;
  const capped = async () => (await oneRow(q.cappedCount.prepare(PREPARED).execute(), 'a capped customer count')).total;
  const read = (w: Window) => q.rows(w).prepare(PREPARED).execute();

  let page = params.page;
  let total: number;
  let rows: Awaited<ReturnType<typeof read>>;
  let more = false;
  const cursor = params.after ?? params.before;
  if (cursor && !params.last) {
    const forward = params.after !== null;
    // One row beyond the page says whether there is a page after it in that direction.
    const w: Window = {
      inner: forward ? params : flip(params),
      offset: 0,
      limit: pageSize + 1,
      keyset: keysetCondition(params, cursor, forward),
    };
    [rows, total] = await Promise.all([read(w), capped()]);
    more = rows.length > pageSize;
    // Rows come back in list order: the extra row is the last one going forward, the first going back.
    rows = forward ? rows.slice(0, pageSize) : rows.slice(-pageSize);
    if (!forward && !more) {
      // Previous reached the top: that is page 1, read whole.
      page = 1;
      rows = await read({ inner: params, offset: 0, limit: pageSize, keyset: null });
    }
  } else {
    const offset = (page - 1) * pageSize;
    if (params.last || offset >= DEEP_OFFSET) {
      total = await exact();
      if (params.last) page = Math.max(1, Math.ceil(total / pageSize));
      const w = pageWindow((page - 1) * pageSize, pageSize, total);
      rows = await read({ inner: w.reverse ? flip(params) : params, offset: w.offset, limit: w.limit, keyset: null });
    } else {
      [rows, total] = await Promise.all([read({ inner: params, offset, limit: pageSize, keyset: null }), capped()]);
    }
  }
  const totalCapped = total > CUSTOMER_COUNT_CAP;
  const first = rows[0]?.customerId ?? null;
  const lastRow = rows[rows.length - 1]?.customerId ?? null;
  const knownLast = totalCapped ? null : Math.max(1, Math.ceil(total / pageSize));
  const hasNext = cursor && params.after && !params.last ? more : knownLast === null ? rows.length === pageSize : page < knownLast;
  return {
    rows: rows.map(({ ownerId, ownerName, ...r }) => ({
      ...r,
      owner: ownerId !== access.org.id ? { id: ownerId, name: ownerName } : null,
    })),
    total,
    totalCapped,
    page,
    pageSize,
    needsQuery: false,
    nextCursor: hasNext ? lastRow : null,
    prevCursor: page > 1 ? first : null,
    lastPage: knownLast,
  };
}
