import { z } from 'zod';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import { toCsv } from './analytics-csv';
import { analyticsPeriodSchema, monthLabel } from './analytics-period';
import { getPartnerAnalytics, type ChartData } from './get-partner-analytics';

export const ANALYTICS_CHARTS = ['customers-by-status', 'seats-by-package', 'new-customers', 'provisioning', 'top-customers'] as const;
export type AnalyticsChart = (typeof ANALYTICS_CHARTS)[number];

export const analyticsExportSchema = analyticsPeriodSchema.extend({ chart: z.enum(ANALYTICS_CHARTS) });

const chartCsv = (data: ChartData, rowHeader: string, label: (l: string) => string = monthLabel) =>
  toCsv(
    [rowHeader, ...data.series.map((s) => s.name)],
    data.labels.map((l, i) => [label(l), ...data.series.map((s) => s.values[i] ?? 0)]),
  );

/** One chart's table as CSV (the same numbers as its table alternative). */
export async function exportAnalyticsCsv(ctx: ServiceCtx, input: z.output<typeof analyticsExportSchema>): Promise<Response> {
  const a = await getPartnerAnalytics(ctx.db, ctx.access.org.id, ctx.clock.now(), input.months);
  const csv = {
    'customers-by-status': () => chartCsv(a.customersByStatus, 'Month'),
    'seats-by-package': () => chartCsv(a.seatsByPackage, 'Month'),
    'new-customers': () => chartCsv(a.newCustomers, 'Month'),
    provisioning: () => chartCsv(a.provisioning, 'Month'),
    'top-customers': () =>
      toCsv(
        ['Customer', 'Org ID', 'Active seats'],
        a.topCustomers.customers.map((c) => [c.name, c.id, c.seats]),
      ),
  }[input.chart]();
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="analytics-${input.chart}-${input.months}m.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
