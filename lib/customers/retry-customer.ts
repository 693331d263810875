import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { customerPackages, orgs, provisioningEvents } from '@/db/schema';
import { QUEUES } from '@/lib/platform/queues';
import { audit } from '@/lib/platform/audit';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import { changeCustomerStatus } from './change-customer-status';
import type { customerIdSchema } from './customer-id-schema';
import { getCustomerOrThrow } from './get-customer-or-throw';
import { oneRow } from '@/db/one-row';

/**
 * Retry (SPEC §4.1): a customer in 'error' goes back to 'provisioning' and the job is
 * enqueued again; it picks up where it failed, as every step skips what exists.
 */
export async function retryCustomer(ctx: ServiceCtx, input: z.output<typeof customerIdSchema>) {
  const customer = await getCustomerOrThrow(ctx.db, ctx.access, input.customerId, { forUpdate: true });
  const now = ctx.clock.now();
  await changeCustomerStatus(
    ctx.db,
    { customerId: customer.id, from: customer.status, to: 'provisioning', at: now, set: { errors: [] } },
    ctx,
  );
  await ctx.db
    .update(customerPackages)
    .set({ status: 'provisioning', errors: [], updatedAt: now })
    .where(and(eq(customerPackages.customerId, customer.id), eq(customerPackages.status, 'error')));
  await ctx.db
    .insert(provisioningEvents)
    .values({ customerId: customer.id, at: now, step: 'retry', message: `Retry requested by ${ctx.access.actor.email}` });
  const org = await oneRow(ctx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, customer.orgId)), "the customer's org");
  await audit(ctx.db, auditActor(ctx), {
    action: 'customer.retry',
    targetType: 'customer',
    targetId: customer.id,
    summary: `Retried provisioning of "${org.name}"`,
    before: { status: customer.status, errors: customer.errors },
    after: { status: 'provisioning' },
  });
  ctx.afterCommit(() => ctx.jobs.send(QUEUES.provisionCustomer, { customerId: customer.id }, { singletonKey: customer.id }));
  return { customerId: customer.id, status: 'provisioning' as const };
}
