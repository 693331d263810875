import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { orgs, provisioningEvents, subscribers } from '@/db/schema';
import { closeCustomerAssignments } from '@/lib/ledger/assignments';
import { CUSTOMER_STATUS_LABELS } from '@/lib/domain/statuses';
import { audit } from '@/lib/platform/audit';
import { ConflictError } from '@/lib/platform/errors';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import { changeCustomerStatus } from './change-customer-status';
import type { customerIdSchema } from './customer-id-schema';
import { getCustomerOrThrow } from './get-customer-or-throw';
import { canDeleteFrom } from './status-machine';
import { emitCustomerDeleted, emitSubscriberEvent } from '@/lib/webhooks/emit-resource-events';
import { oneRow } from '@/db/one-row';

/**
 * Delete (SPEC §4.5): removes the wholesale services, not the org or its history. The
 * customer becomes 'deprovisioned', every open package interval ends now (billing stops;
 * closing is the one update the append-only ledger allows) and its subscribers are
 * removed, which releases their phone numbers and extensions.
 */
export async function deleteCustomer(ctx: ServiceCtx, input: z.output<typeof customerIdSchema>) {
  const customer = await getCustomerOrThrow(ctx.db, ctx.access, input.customerId, { forUpdate: true });
  const org = await oneRow(ctx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, customer.orgId)), "the customer's org");
  if (!canDeleteFrom(customer.status)) {
    throw new ConflictError(
      `“${org.name}” can’t be deleted while it is ${CUSTOMER_STATUS_LABELS[customer.status].toLowerCase()}.`,
      undefined,
      10412,
    );
  }
  const now = ctx.clock.now();
  await changeCustomerStatus(
    ctx.db,
    { customerId: customer.id, from: customer.status, to: 'deprovisioned', at: now, set: { deprovisionedAt: now } },
    ctx,
  );
  const closed = await closeCustomerAssignments(ctx.db, customer.id, now);
  const released = await ctx.db
    .update(subscribers)
    .set({ removedAt: now, status: 'removed', lastStatusChangeAt: now })
    .where(and(eq(subscribers.customerId, customer.id), isNull(subscribers.removedAt)))
    .returning({ id: subscribers.id });
  for (const s of released) await emitSubscriberEvent(ctx, 'subscriber.deleted', s.id, now);
  await emitCustomerDeleted(ctx, customer.id, now);
  await ctx.db
    .insert(provisioningEvents)
    .values({ customerId: customer.id, at: now, step: 'deprovision', message: 'Wholesale services removed; billing stopped' });
  await audit(ctx.db, auditActor(ctx), {
    action: 'customer.delete',
    targetType: 'customer',
    targetId: customer.id,
    summary: `Removed wholesale services from "${org.name}"`,
    before: { status: customer.status },
    after: { status: 'deprovisioned', closedAssignments: closed, removedSubscribers: released.length },
  });
  return { customerId: customer.id, closedAssignments: closed, removedSubscribers: released.length };
}
