import type { ReactNode, TdHTMLAttributes } from 'react';
import { ColumnsMenu, type HideableColumn } from './columns-menu';

/**
 * Accessible table primitives for the list pages (server components; only the optional
 * Columns menu is client JS): `DataTable` draws the frame, caption and a sticky header
 * row, the page supplies the `<tr>`s with `Td` cells, `Truncate` shortens a long value
 * to one line with its full text as the tooltip, and `Dash` stands in for a missing value.
 */

/** A column header: its text, or its text with options. */
export type Column =
  | string
  | {
      label: ReactNode;
      align?: 'right';
      srOnly?: boolean;
      /** Identifies the column's cells (`Td col`); needed to make it hideable. */
      key?: string;
      /** Offered in the Columns menu (needs `key`, and `menuLabel` when the label isn't text). */
      hideable?: boolean;
      menuLabel?: string;
      /** aria-sort of a sortable column (only the sorted one says which way). */
      sort?: 'ascending' | 'descending' | 'none';
      className?: string;
    };

const TABLE = 'min-w-full divide-y divide-slate-200 text-sm';
const TH = 'text-left text-xs font-semibold uppercase tracking-wide text-slate-600';
// The header stays in view while the rows scroll (issue 17.5). The frame is the scroll
// container (it must be, to scroll a wide table sideways at 390 px without moving the
// page), so the frame's height is bounded and the header sticks to its top.
const STICKY = 'sticky top-0 z-10 [box-shadow:inset_0_-1px_0_#e2e8f0]';
const FRAME_HEIGHT = 'max-h-[calc(100vh-9rem)]';

const VARIANTS = {
  /** A table on its own on the page: a bordered white panel with a tinted header row. */
  panel: {
    wrapper: `relative overflow-auto ${FRAME_HEIGHT} rounded-lg border border-slate-200 bg-white shadow-sm`,
    table: TABLE,
    thead: `${STICKY} bg-slate-50`,
    th: `px-4 py-2.5 ${TH}`,
  },
  /** Inside a Card, which already draws the panel. */
  inset: {
    wrapper: `relative overflow-auto ${FRAME_HEIGHT}`,
    table: TABLE,
    thead: `${STICKY} bg-white`,
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

function HeaderCell({ c, th }: { c: Column; th: string }) {
  if (typeof c === 'string')
    return (
      <th scope="col" className={th}>
        {c}
      </th>
    );
  return (
    <th scope="col" className={cx(th, c.align === 'right' && 'text-right', c.className)} data-col={c.key} aria-sort={c.sort}>
      {c.srOnly ? <span className="sr-only">{c.label}</span> : c.label}
    </th>
  );
}

/** The columns a Columns menu offers. */
function hideableColumns(columns: Column[]): HideableColumn[] {
  return columns.flatMap((c) =>
    typeof c !== 'string' && c.hideable && c.key
      ? [{ key: c.key, label: c.menuLabel ?? (typeof c.label === 'string' ? c.label : c.key) }]
      : [],
  );
}

export function DataTable({
  caption,
  testId,
  columns,
  variant = 'panel',
  className,
  columnsId,
  toolbar,
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
  /** Where the Columns menu remembers this table's hidden columns; no menu without it. */
  columnsId?: string;
  /** Shown left of the Columns menu, above the table (e.g. bulk actions for a selection). */
  toolbar?: ReactNode;
  /** The body rows. */
  children: ReactNode;
}) {
  const v = VARIANTS[variant];
  const menu = columnsId ? hideableColumns(columns) : [];
  const table = (
    <table className={cx(v.table, !v.wrapper && className)} data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead className={v.thead}>
        <tr>
          {columns.map((c, i) => (
            <HeaderCell key={i} c={c} th={v.th} />
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">{children}</tbody>
    </table>
  );
  // The frame scrolls a wide table sideways (never the page): `relative` keeps the table's
  // visually hidden parts (captions, sr-only headers) inside it, and it takes focus so
  // keyboard users can scroll it too.
  const framed = v.wrapper ? (
    <div
      className={cx(v.wrapper, !(columnsId || toolbar) && className)}
      tabIndex={0}
      role="region"
      aria-label={typeof caption === 'string' ? caption : undefined}
      data-testid={testId ? `${testId}-frame` : undefined}
    >
      {table}
    </div>
  ) : (
    table
  );
  if (!toolbar && menu.length === 0) return framed;
  return (
    <div className={className} data-columns={columnsId}>
      <div className="mb-2 flex flex-wrap items-center justify-end gap-2">
        <div className="mr-auto">{toolbar}</div>
        {columnsId && menu.length > 0 && <ColumnsMenu tableId={columnsId} columns={menu} />}
      </div>
      {framed}
    </div>
  );
}

/**
 * A body cell with the standard padding. `compact` matches `DataTable variant="compact"`;
 * `valign` is the vertical alignment (top by default, so multi-line cells line up); `col`
 * is the column's key (what the Columns menu hides).
 */
export function Td({
  compact = false,
  valign = 'top',
  col,
  className,
  ...props
}: Omit<TdHTMLAttributes<HTMLTableCellElement>, 'valign'> & {
  compact?: boolean;
  valign?: 'top' | 'middle';
  col?: string;
}) {
  return (
    <td
      {...props}
      data-col={col}
      className={cx(compact ? 'px-3 py-2' : 'px-4 py-3', valign === 'top' ? 'align-top' : 'align-middle', className)}
    />
  );
}

/**
 * A value cut to one line at `max` with an ellipsis; the whole value is the tooltip
 * (`title`) and stays the accessible text, so nothing is lost to screen readers or search.
 */
export function Truncate({ text, max = 'max-w-56', className }: { text: string; max?: string; className?: string }) {
  return (
    <span className={cx('block truncate', max, className)} title={text} data-truncate="">
      {text}
    </span>
  );
}

/** The placeholder for an empty cell. */
export function Dash() {
  return <span className="text-slate-400">—</span>;
}
