import type { DailyUsage } from '@/lib/billing/get-daily-usage';
import { PACKAGE_INFO, type PackageId } from '@/lib/domain/packages';
import { formatDate } from '@/lib/format';

// Distinguishable in colour and in lightness (also printed in the legend and the table).
const COLOURS: Record<PackageId, string> = {
  common_area_calling: '#64748b',
  webex_voice: '#0ea5e9',
  webex_calling: '#1d4ed8',
  webex_suite: '#7c3aed',
  webex_meetings: '#16a34a',
  cx_essentials: '#ea580c',
};

const W = 760;
const H = 260;
const PAD = { top: 12, right: 12, bottom: 28, left: 48 };

const fmt = (v: number) => v.toLocaleString('en', { maximumFractionDigits: 2 });

/** A round axis maximum at or above the highest day, whose quarters are round too. */
function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10].map((m) => m * p).find((m) => m >= v)!;
}

/**
 * Daily quantity per package as stacked bars (plain SVG, no chart library). The SVG has
 * an aria-label summary; the same numbers are in a visually hidden table.
 */
export function UsageChart({ usage }: { usage: DailyUsage }) {
  const { days, series } = usage;
  const totals = days.map((_, i) => series.reduce((a, s) => a + s.values[i], 0));
  const max = niceMax(Math.max(0, ...totals));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / days.length;
  const bar = Math.max(1, slot * 0.8);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const labelEvery = Math.ceil(days.length / 8);
  const summary = series.length
    ? `Daily quantity per package, ${formatDate(days[0])} to ${formatDate(days[days.length - 1])}. Totals over the period: ${series.map((s) => `${PACKAGE_INFO[s.package].name} ${fmt(s.total)}`).join(', ')}. Highest day ${fmt(Math.max(...totals))}.`
    : `No usage from ${formatDate(days[0])} to ${formatDate(days[days.length - 1])}.`;

  if (!series.length) return <p className="text-sm text-slate-600" data-testid="usage-chart-empty">{summary}</p>;

  return (
    <figure data-testid="usage-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} className="h-auto w-full">
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(max * f)} y2={y(max * f)} stroke="#e2e8f0" />
            <text x={PAD.left - 6} y={y(max * f) + 4} textAnchor="end" fontSize="11" fill="#475569">{fmt(max * f)}</text>
          </g>
        ))}
        {days.map((day, i) => {
          let base = 0;
          const x = PAD.left + i * slot + (slot - bar) / 2;
          return (
            <g key={day}>
              {series.map((s) => {
                const v = s.values[i];
                const top = y(base + v);
                const h = y(base) - top;
                base += v;
                return v > 0 ? (
                  <rect key={s.package} x={x} y={top} width={bar} height={h} fill={COLOURS[s.package]}>
                    <title>{`${formatDate(day)} · ${PACKAGE_INFO[s.package].name}: ${fmt(v)}`}</title>
                  </rect>
                ) : null;
              })}
              {i % labelEvery === 0 && (
                <text x={PAD.left + i * slot + slot / 2} y={H - 8} textAnchor="middle" fontSize="11" fill="#475569">{day.slice(5)}</text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="mt-3 flex flex-wrap gap-x-5 gap-y-1 text-sm" aria-label="Packages">
          {series.map((s) => (
            <li key={s.package} className="flex items-center gap-2">
              <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ background: COLOURS[s.package] }} />
              {PACKAGE_INFO[s.package].name} <span className="tabular-nums text-slate-600">{fmt(s.total)} over the period</span>
            </li>
          ))}
        </ul>
      </figcaption>
      <table className="sr-only">
        <caption>Daily quantity per package</caption>
        <thead>
          <tr><th scope="col">Day</th>{series.map((s) => <th key={s.package} scope="col">{PACKAGE_INFO[s.package].name}</th>)}</tr>
        </thead>
        <tbody>
          {days.map((day, i) => (
            <tr key={day}><th scope="row">{formatDate(day)}</th>{series.map((s) => <td key={s.package}>{fmt(s.values[i])}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
