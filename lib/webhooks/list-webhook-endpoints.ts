import { desc, eq } from 'drizzle-orm';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import { webhookEndpoints } from '@/db/schema';
import { endpointView } from './get-webhook-endpoint-or-throw';

/** The org's endpoints, newest first (a handful per org; no paging needed). */
export async function listWebhookEndpoints(ctx: Pick<ServiceCtx, 'db' | 'access'>) {
  const rows = await ctx.db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.orgId, ctx.access.org.id))
    .orderBy(desc(webhookEndpoints.createdAt))
    .limit(100);
  return rows.map(endpointView);
}
