import type { ReactNode, TdHTMLAttributes } from 'react';

/**
 * Accessible table primitives for the list pages (server components, no client JS):
 * `DataTable` draws the frame, caption and header row, the page supplies the `<tr>`s
 * with `Td` cells, and `Dash` stands in for a missing value.
 */

/** A column header: its text, or its text with alignment / screen-reader-only display. */
export type Column = string | { label: ReactNode; align?: 'right'; srOnly?: boolean };

const TABLE = 'min-w-full divide-y divide-slate-200 text-sm';
const TH = 'text-left text-xs font-semibold uppercase tracking-wide text-slate-600';

const VARIANTS = {
  /** A table on its own on the page: a bordered white panel with a tinted header row. */
  panel: {
    wrapper: 'relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm',
    table: TABLE,
    thead: 'bg-slate-50',
    th: `px-4 py-2.5 ${TH}`,
  },
  /** Inside a Card, which already draws the panel. */
  inset: {
    wrapper: 'relative overflow-x-auto',
    table: TABLE,
    thead: undefined,
    th: `px-4 py-2.5 ${TH}`,
  },
  /** A small nested table (in a list item): tighter cells, lighter dividers, scrolling in place when too wide. */
  compact: {
    wrapper: 'relative overflow-x-auto',
    table: 'min-w-full divide-y divide-slate-100 text-sm',
    thead: undefined,
    th: `px-3 py-2 ${TH}`,
  },
} as const;

export type DataTableVariant = keyof typeof VARIANTS;

function cx(...classes: (string | false | null | undefined)[]) {
  return classes.filter(Boolean).join(' ');
}

export function DataTable({
  caption,
  testId,
  columns,
  variant = 'panel',
  className,
  children,
}: {
  /** Read to screen-reader users only (visually hidden). */
  caption: ReactNode;
  testId?: string;
  /** Header cells, rendered as `<th scope="col">` in this order. */
  columns: Column[];
  variant?: DataTableVariant;
  /** Extra classes (e.g. margins) for the outermost element. */
  className?: string;
  /** The body rows. */
  children: ReactNode;
}) {
  const v = VARIANTS[variant];
  const table = (
    <table className={cx(v.table, !v.wrapper && className)} data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead className={v.thead}>
        <tr>
          {columns.map((c, i) =>
            typeof c === 'string' ? (
              <th key={i} scope="col" className={v.th}>
                {c}
              </th>
            ) : (
              <th key={i} scope="col" className={cx(v.th, c.align === 'right' && 'text-right')}>
                {c.srOnly ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">{children}</tbody>
    </table>
  );
  // The frame scrolls a wide table sideways (never the page): `relative` keeps the table's
  // visually hidden parts (captions, sr-only headers) inside it, and it takes focus so
  // keyboard users can scroll it too.
  return v.wrapper ? (
    <div className={cx(v.wrapper, className)} tabIndex={0} role="region" aria-label={typeof caption === 'string' ? caption : undefined}>
      {table}
    </div>
  ) : (
    table
  );
}

/**
 * A body cell with the standard padding. `compact` matches `DataTable variant="compact"`;
 * `valign` is the vertical alignment (top by default, so multi-line cells line up).
 */
export function Td({
  compact = false,
  valign = 'top',
  className,
  ...props
}: Omit<TdHTMLAttributes<HTMLTableCellElement>, 'valign'> & {
  compact?: boolean;
  valign?: 'top' | 'middle';
}) {
  return <td {...props} className={cx(compact ? 'px-3 py-2' : 'px-4 py-3', valign === 'top' ? 'align-top' : 'align-middle', className)} />;
}

/** The placeholder for an empty cell. */
export function Dash() {
  return <span className="text-slate-400">—</span>;
}
