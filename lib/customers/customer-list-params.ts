// The customer list's URL state (SPEC §4.2): search, filters, sort, page and scope all
// live in the query string, so a list view can be bookmarked, shared and reloaded.
import { PACKAGES, type PackageId } from '@/lib/domain/packages';
import { CUSTOMER_STATUSES, type CustomerStatus } from '@/lib/domain/statuses';
import { pageParam, param, type RawSearchParams } from '@/lib/paging/search-params';

export const CUSTOMER_SORTS = ['created', 'name', 'status'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];
export type SortDir = 'asc' | 'desc';
/** own: the org's own customers; indirect: also its sub-partners' customers (explicit search only). */
export type CustomerScope = 'own' | 'indirect';

export interface CustomerListParams {
  q: string;
  status: CustomerStatus | null;
  package: PackageId | null;
  sort: CustomerSort;
  dir: SortDir;
  page: number;
  scope: CustomerScope;
  /**
   * Keyset cursors from the pager's Next/Previous links: the page after the customer
   * `after` or before the customer `before` (ids), so a deep page costs what page 1 does.
   * `page` still says which page that is; without a cursor it is read by position.
   */
  after: string | null;
  before: string | null;
  /** The pager's "Last" link: the final page, whatever its number. */
  last: boolean;
}

/** Newest first by default; names and statuses read naturally A→Z. */
export const DEFAULT_SORT_DIR: Record<CustomerSort, SortDir> = { created: 'desc', name: 'asc', status: 'asc' };

const oneOf = <T extends string>(values: readonly T[], v: string): T | null =>
  (values as readonly string[]).includes(v) ? (v as T) : null;

/** URL params are user input: anything unknown falls back to the default. */
export function parseCustomerListParams(sp: RawSearchParams): CustomerListParams {
  const sort = oneOf(CUSTOMER_SORTS, param(sp, 'sort')) ?? 'created';
  return {
    q: param(sp, 'q'),
    status: oneOf(CUSTOMER_STATUSES, param(sp, 'status')),
    package: oneOf(PACKAGES, param(sp, 'package')),
    sort,
    dir: oneOf(['asc', 'desc'] as const, param(sp, 'dir')) ?? DEFAULT_SORT_DIR[sort],
    page: pageParam(sp),
    scope: param(sp, 'scope') === 'indirect' ? 'indirect' : 'own',
    after: uuidParam(param(sp, 'after', 36)),
    before: uuidParam(param(sp, 'before', 36)),
    last: param(sp, 'last', 1) === '1',
  };
}

const uuidParam = (v: string) => (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v) ? v.toLowerCase() : null);

/** The params as they appear in links (defaults dropped, so URLs stay short; cursors only in the pager's links). */
export function customerListQuery(p: CustomerListParams): Record<string, string | undefined> {
  return {
    q: p.q || undefined,
    status: p.status ?? undefined,
    package: p.package ?? undefined,
    sort: p.sort === 'created' ? undefined : p.sort,
    dir: p.dir === DEFAULT_SORT_DIR[p.sort] ? undefined : p.dir,
    scope: p.scope === 'own' ? undefined : p.scope,
    page: p.page > 1 ? String(p.page) : undefined,
  };
}
