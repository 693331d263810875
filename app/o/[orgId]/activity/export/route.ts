import { getDb } from '@/db/client';
import { activityCsvResponse, activityExportSchema } from '@/lib/activity/activity-csv';
import { sessionRoute } from '@/lib/server/session-route';

// Streamed after the authorised handler returned: read on the pool, not the handler's transaction.
export const GET = sessionRoute('activity.read', activityExportSchema, async (ctx, filters) =>
  activityCsvResponse(getDb(), ctx.access, filters, ctx.clock.now()),
);
