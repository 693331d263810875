import { and, eq, isNull } from 'drizzle-orm';
import { subscribers } from '@/db/schema';
import { isUuid } from '@/lib/auth/access';
import { NotFoundError } from '@/lib/platform/errors';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import { getViewCustomerOrThrow, NOT_DELETED } from './get-view-customer-or-throw';

/**
 * An active subscriber of the org in the URL, locked for the change; anything else is a
 * 404. The customer row is locked first (same order as Delete, so no deadlock) and must
 * not be deleted: a change can't slip in after the customer was deleted.
 */
export async function getSubscriberOrThrow(ctx: ServiceCtx, subscriberId: string) {
  if (!isUuid(subscriberId)) throw new NotFoundError('User not found.');
  await getViewCustomerOrThrow(ctx, NOT_DELETED);
  const [row] = await ctx.db
    .select()
    .from(subscribers)
    .where(and(eq(subscribers.id, subscriberId), eq(subscribers.orgId, ctx.access.org.id), isNull(subscribers.removedAt)))
    .for('update');
  if (!row) throw new NotFoundError('User not found.');
  return row;
}
