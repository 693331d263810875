import { BarChart, formatNumber } from '@/components/charts/bar-chart';
import type { DailyUsage } from '@/lib/billing/get-daily-usage';
import { PACKAGE_COLOURS } from '@/lib/domain/package-colours';
import { PACKAGE_INFO } from '@/lib/domain/packages';
import { formatDate } from '@/lib/format';

/** Daily quantity per package as stacked bars (the shared BarChart) with a hidden table. */
export function UsageChart({ usage }: { usage: DailyUsage }) {
  const { days, series } = usage;
  const totals = days.map((_, i) => series.reduce((a, s) => a + (s.values[i] ?? 0), 0));
  const summary = series.length
    ? `Daily quantity per package, ${formatDate(days[0])} to ${formatDate(days[days.length - 1])}. Totals over the period: ${series.map((s) => `${PACKAGE_INFO[s.package].name} ${formatNumber(s.total)}`).join(', ')}. Highest day ${formatNumber(Math.max(...totals))}.`
    : `No usage from ${formatDate(days[0])} to ${formatDate(days[days.length - 1])}.`;
  const totalsByKey = new Map(series.map((s) => [s.package as string, s.total]));
  return (
    <BarChart
      testId="usage-chart"
      labels={days}
      summary={summary}
      tableCaption="Daily quantity per package"
      rowHeader="Day"
      series={series.map((s) => ({
        key: s.package,
        name: PACKAGE_INFO[s.package].name,
        colour: PACKAGE_COLOURS[s.package],
        values: s.values,
      }))}
      axisLabel={(d) => d.slice(5)}
      rowLabel={(d) => formatDate(d)}
      legendNote={(s) => <span className="tabular-nums text-slate-600">{formatNumber(totalsByKey.get(s.key) ?? 0)} over the period</span>}
    />
  );
}
