import { analyticsExportSchema, exportAnalyticsCsv } from '@/lib/analytics/analytics-exports';
import { sessionRoute } from '@/lib/server/session-route';

export const GET = sessionRoute('analytics.read', analyticsExportSchema, exportAnalyticsCsv);
