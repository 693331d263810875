import type { ReactNode } from 'react';

// The product's one chart: stacked bars in plain SVG (no chart library, no client JS).
// The SVG carries an aria-label summary; the same numbers are in a table — visually
// hidden, or shown under "Show as table" — so nothing is conveyed by the drawing alone.

export interface BarSeries {
  key: string;
  name: string;
  colour: string;
  values: number[];
}

const W = 760;
const H = 260;
const PAD = { top: 12, right: 12, bottom: 28, left: 48 };

export const formatNumber = (v: number) => v.toLocaleString('en', { maximumFractionDigits: 2 });

/** A round axis maximum at or above the highest bar, whose quarters are round too. */
function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10].map((m) => m * p).find((m) => m >= v)!;
}

export function BarChart({
  labels,
  series,
  summary,
  tableCaption,
  rowHeader,
  axisLabel,
  rowLabel,
  testId,
  table = 'hidden',
  legendNote,
  emptyText,
}: {
  /** One bar per label (x axis). */
  labels: string[];
  series: BarSeries[];
  summary: string;
  tableCaption: string;
  /** Header of the table's first column, e.g. "Day", "Month". */
  rowHeader: string;
  /** Short tick text for a label (defaults to the label). */
  axisLabel?: (label: string) => string;
  /** Row header text for a label in the table (defaults to the label). */
  rowLabel?: (label: string) => string;
  testId: string;
  table?: 'hidden' | 'disclosure';
  legendNote?: (s: BarSeries) => ReactNode;
  emptyText?: string;
}) {
  const totals = labels.map((_, i) => series.reduce((a, s) => a + (s.values[i] ?? 0), 0));
  if (!series.length || totals.every((t) => t === 0)) {
    return (
      <p className="text-sm text-slate-600" data-testid={`${testId}-empty`}>
        {emptyText ?? summary}
      </p>
    );
  }
  const max = niceMax(Math.max(0, ...totals));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / labels.length;
  const bar = Math.max(1, slot * 0.8);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const labelEvery = Math.ceil(labels.length / 8);
  const tick = axisLabel ?? ((l: string) => l);
  const row = rowLabel ?? ((l: string) => l);

  const tableEl = (
    <table className={table === 'hidden' ? undefined : 'mt-2 min-w-full divide-y divide-slate-200 text-sm'} data-testid={`${testId}-table`}>
      <caption className={table === 'hidden' ? undefined : 'sr-only'}>{tableCaption}</caption>
      <thead>
        <tr>
          <th scope="col" className="px-3 py-1.5 text-left font-semibold">
            {rowHeader}
          </th>
          {series.map((s) => (
            <th key={s.key} scope="col" className="px-3 py-1.5 text-right font-semibold">
              {s.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {labels.map((l, i) => (
          <tr key={l}>
            <th scope="row" className="px-3 py-1.5 text-left font-normal">
              {row(l)}
            </th>
            {series.map((s) => (
              <td key={s.key} className="px-3 py-1.5 text-right tabular-nums">
                {formatNumber(s.values[i] ?? 0)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <figure data-testid={testId}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} className="h-auto w-full">
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(max * f)} y2={y(max * f)} className="stroke-slate-200" />
            <text x={PAD.left - 6} y={y(max * f) + 4} textAnchor="end" fontSize="11" className="fill-slate-600">
              {formatNumber(max * f)}
            </text>
          </g>
        ))}
        {labels.map((label, i) => {
          let base = 0;
          const x = PAD.left + i * slot + (slot - bar) / 2;
          return (
            <g key={label}>
              {series.map((s) => {
                const v = s.values[i] ?? 0;
                const top = y(base + v);
                const h = y(base) - top;
                base += v;
                return v > 0 ? (
                  <rect key={s.key} x={x} y={top} width={bar} height={h} fill={s.colour}>
                    <title>{`${row(label)} · ${s.name}: ${formatNumber(v)}`}</title>
                  </rect>
                ) : null;
              })}
              {i % labelEvery === 0 && (
                <text x={PAD.left + i * slot + slot / 2} y={H - 8} textAnchor="middle" fontSize="11" className="fill-slate-600">
                  {tick(label)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="mt-3 flex flex-wrap gap-x-5 gap-y-1 text-sm" aria-label="Legend">
          {series.map((s) => (
            <li key={s.key} className="flex items-center gap-2">
              <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ background: s.colour }} />
              {s.name}
              {legendNote && <> {legendNote(s)}</>}
            </li>
          ))}
        </ul>
      </figcaption>
      {/* A table can't shrink to sr-only's 1 px (it would widen the page): hide a wrapper instead. */}
      {table === 'hidden' ? (
        <div className="sr-only">{tableEl}</div>
      ) : (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">Show as table</summary>
          <div className="relative overflow-x-auto" tabIndex={0}>
            {tableEl}
          </div>
        </details>
      )}
    </figure>
  );
}
