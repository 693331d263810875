import Link from 'next/link';
import { listHref } from './pagination';

const linkClass = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50';
const disabledClass = 'rounded-md border border-slate-200 px-3 py-1.5 text-sm font-medium text-slate-400';
const numberClass = 'rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100';
/** Page numbers offered from the start: read by position, which stays cheap that near the top. */
const FIRST_PAGES = 5;

/**
 * "Showing X–Y of Z" with Previous/Next that carry a keyset cursor (`before`/`after` plus
 * the page number), numbers for the first pages and a Last link. A capped total shows
 * as "10,000+". Server component: links only, no client JavaScript.
 */
export function KeysetPagination({
  page,
  pageSize,
  rows,
  total,
  totalCapped,
  lastPage,
  prevCursor,
  nextCursor,
  basePath,
  params = {},
}: {
  page: number;
  pageSize: number;
  rows: number;
  total: number;
  totalCapped: boolean;
  lastPage: number | null;
  prevCursor: string | null;
  nextCursor: string | null;
  basePath: string;
  params?: Record<string, string | undefined>;
}) {
  if (total === 0) return null;
  const first = (page - 1) * pageSize + 1;
  const shownTotal = totalCapped ? `${(total - 1).toLocaleString('en')}+` : total.toLocaleString('en');
  const href = (extra: Record<string, string | number>) => listHref(basePath, { ...params, ...extra });
  const numbers = Array.from({ length: Math.min(FIRST_PAGES, lastPage ?? FIRST_PAGES) }, (_, i) => i + 1);
  return (
    <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-slate-600" data-testid="pagination-summary">
        {rows === 0
          ? `Page ${page} is past the end of ${shownTotal}`
          : `Showing ${first.toLocaleString('en')}–${(first + rows - 1).toLocaleString('en')} of ${shownTotal}`}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        {prevCursor ? (
          <Link className={linkClass} href={href({ page: page - 1, before: prevCursor })} rel="prev">
            Previous
          </Link>
        ) : (
          <span className={disabledClass} aria-disabled="true">
            Previous
          </span>
        )}
        {numbers.map((n) => (
          <Link
            key={n}
            className={numberClass}
            href={href({ page: n })}
            aria-label={`Page ${n}`}
            aria-current={n === page ? 'page' : undefined}
          >
            {n}
          </Link>
        ))}
        {(lastPage === null || lastPage > FIRST_PAGES) && (
          <>
            <span className="text-slate-500" aria-hidden="true">
              …
            </span>
            {page > FIRST_PAGES && page !== lastPage && <span className="text-slate-500">Page {page.toLocaleString('en')}</span>}
            <Link
              className={numberClass}
              href={lastPage === null ? href({ last: 1 }) : href({ page: lastPage })}
              aria-label="Last page"
              aria-current={page === lastPage ? 'page' : undefined}
            >
              {lastPage === null ? 'Last' : lastPage.toLocaleString('en')}
            </Link>
          </>
        )}
        {nextCursor ? (
          <Link className={linkClass} href={href({ page: page + 1, after: nextCursor })} rel="next">
            Next
          </Link>
        ) : (
          <span className={disabledClass} aria-disabled="true">
            Next
          </span>
        )}
      </div>
    </nav>
  );
}
