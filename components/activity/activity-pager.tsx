import Link from 'next/link';
import { listHref } from '@/components/ui/pagination';
import type { ActivityPage } from '@/lib/activity/list-activity';

const linkClass = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50';
const disabledClass = 'rounded-md border border-slate-200 px-3 py-1.5 text-sm font-medium text-slate-400';

/**
 * Keyset paging for the audit log: Newer / Older move from the first or last entry shown
 * (so deep pages cost what the first does), with the total counted up to 10,000.
 */
export function ActivityPager({
  result,
  basePath,
  params,
  exportHref,
}: {
  result: ActivityPage;
  basePath: string;
  params: Record<string, string>;
  exportHref: string;
}) {
  const total = result.totalCapped ? '10,000+' : result.total.toLocaleString('en');
  const link = (label: string, rel: 'prev' | 'next', key: 'before' | 'after', id: number | null) =>
    id === null ? (
      <span className={disabledClass} aria-disabled="true">
        {label}
      </span>
    ) : (
      <Link className={linkClass} href={listHref(basePath, { ...params, [key]: id })} rel={rel}>
        {label}
      </Link>
    );
  return (
    <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-slate-600" data-testid="pagination-summary">
        {result.rows.length.toLocaleString('en')} shown of {total} {result.total === 1 ? 'entry' : 'entries'}
      </p>
      <div className="flex items-center gap-2">
        <a className={linkClass} href={exportHref} download>
          Export CSV
        </a>
        {result.newer !== null && (
          <Link className={linkClass} href={listHref(basePath, params)}>
            Newest
          </Link>
        )}
        {link('Newer', 'prev', 'before', result.newer)}
        {link('Older', 'next', 'after', result.older)}
      </div>
    </nav>
  );
}
