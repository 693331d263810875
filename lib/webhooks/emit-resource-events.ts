// The events of SPEC §8.4 for subscribers, customers and reports, each a thin call of
// emitWebhookEvent with the resource's API snapshot, inside the change's transaction.
import { eq } from 'drizzle-orm';
import { billingReports, customers, subscribers } from '@/db/schema';
import { emitWebhookEvent, type EmitCtx } from './emit-webhook-event';
import { billingReportResource, customerResource, subscriberResource } from './resources';

export async function emitSubscriberEvent(
  ctx: EmitCtx,
  type: 'subscriber.created' | 'subscriber.updated' | 'subscriber.deleted',
  subscriberId: string,
  at: Date,
): Promise<void> {
  const [owner] = await ctx.db
    .select({ orgId: customers.partnerOrgId })
    .from(subscribers)
    .innerJoin(customers, eq(customers.id, subscribers.customerId))
    .where(eq(subscribers.id, subscriberId));
  if (!owner) return;
  await emitWebhookEvent(ctx, { orgId: owner.orgId, type, at, data: () => subscriberResource(ctx.db, subscriberId) });
}

export async function emitCustomerDeleted(ctx: EmitCtx, customerId: string, at: Date): Promise<void> {
  const [c] = await ctx.db.select({ orgId: customers.partnerOrgId }).from(customers).where(eq(customers.id, customerId));
  if (!c) return;
  await emitWebhookEvent(ctx, { orgId: c.orgId, type: 'customer.deleted', at, data: () => customerResource(ctx.db, customerId) });
}

export async function emitReportFinished(ctx: EmitCtx, reportId: string, at: Date): Promise<void> {
  const [r] = await ctx.db
    .select({ orgId: billingReports.orgId, status: billingReports.status })
    .from(billingReports)
    .where(eq(billingReports.id, reportId));
  if (!r || r.status === 'IN_PROGRESS') return;
  const type = r.status === 'COMPLETED' ? 'billing_report.completed' : 'billing_report.failed';
  await emitWebhookEvent(ctx, { orgId: r.orgId, type, at, data: () => billingReportResource(ctx.db, reportId) });
}
