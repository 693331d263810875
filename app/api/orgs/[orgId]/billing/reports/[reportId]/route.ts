import { billingReportOps } from '@/lib/billing/report-operations';
import { sessionRoute } from '@/lib/server/session-route';

// Status plus a fresh 30-minute download link; the page calls it on every Download click.
const { get } = billingReportOps;
export const GET = sessionRoute(get.capability, get.schema, (ctx, input) => get.handler(ctx, input));
