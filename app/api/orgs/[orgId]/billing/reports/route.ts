import { billingReportOps } from '@/lib/billing/report-operations';
import { sessionRoute } from '@/lib/server/session-route';

// The billing page polls this for live report status. Mutations go through server
// actions (app/o/[orgId]/billing/actions.ts), which carry Next's origin checks.
const { list } = billingReportOps;
export const GET = sessionRoute(list.capability, list.schema, (ctx, input) => list.handler(ctx, input));
