import Link from 'next/link';

/** Builds list-page hrefs that keep the current filters. Empty values are dropped. */
export function listHref(basePath: string, params: Record<string, string | number | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') continue;
    if (k === 'page' && Number(v) === 1) continue;
    qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${basePath}?${s}` : basePath;
}

const linkClass = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50';
const disabledClass = 'rounded-md border border-slate-200 px-3 py-1.5 text-sm font-medium text-slate-400';

/**
 * "Showing X–Y of Z" with Previous/Next links. Server component: `basePath` + `params`
 * (the current filters) are turned into links, so it needs no client JavaScript.
 */
export function Pagination({
  page,
  pageSize,
  total,
  basePath,
  params = {},
}: {
  page: number;
  pageSize: number;
  total: number;
  basePath: string;
  params?: Record<string, string | undefined>;
}) {
  if (total === 0) return null;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = Math.min((page - 1) * pageSize + 1, total + 1);
  const last = Math.min(page * pageSize, total);
  const href = (p: number) => listHref(basePath, { ...params, page: p });
  return (
    <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-slate-600" data-testid="pagination-summary">
        {first > total
          ? `Page ${page} is past the end of ${total.toLocaleString('en')}`
          : `Showing ${first.toLocaleString('en')}–${last.toLocaleString('en')} of ${total.toLocaleString('en')}`}
      </p>
      <div className="flex items-center gap-2">
        {page > 1 ? (
          <Link className={linkClass} href={href(Math.min(page - 1, pages))} rel="prev">
            Previous
          </Link>
        ) : (
          <span className={disabledClass} aria-disabled="true">
            Previous
          </span>
        )}
        {page <= pages && (
          <span className="text-slate-500">
            Page {page} of {pages}
          </span>
        )}
        {page < pages ? (
          <Link className={linkClass} href={href(page + 1)} rel="next">
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
