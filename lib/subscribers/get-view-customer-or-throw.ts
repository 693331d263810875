import { eq } from 'drizzle-orm';
import { customers } from '@/db/schema';
import { CUSTOMER_STATUSES, CUSTOMER_STATUS_LABELS, SERVICES_LIVE_STATUSES, type CustomerStatus } from '@/lib/domain/statuses';
import { ConflictError, NotFoundError } from '@/lib/platform/errors';
import type { ServiceCtx } from '@/lib/platform/service-ctx';

/** Anything but deleted: names, numbers and locations may change while services aren't live yet. */
export const NOT_DELETED: readonly CustomerStatus[] = CUSTOMER_STATUSES.filter((s) => s !== 'deprovisioned');

const NONE = 'This organisation has no wholesale services to manage.';

/**
 * The wholesale customer record of the customer org in the URL (or 404), LOCKED (FOR UPDATE) for
 * the caller's transaction. Every write that adds or changes a customer's subscribers,
 * packages or locations takes this lock first, and Delete takes it too, so the status
 * is checked under the lock: nothing lands after a delete (billing stops for good).
 * Tenancy comes from the wrapper's access (resolved from the org id), never from input.
 * By default its services must be live (a package change is billing); pass NOT_DELETED
 * where names, numbers and locations may change before that.
 */
export async function getViewCustomerOrThrow(ctx: ServiceCtx, allowed: readonly CustomerStatus[] = SERVICES_LIVE_STATUSES) {
  const id = ctx.access.customer?.id;
  if (!id) throw new NotFoundError(NONE);
  const [row] = await ctx.db.select().from(customers).where(eq(customers.id, id)).for('update');
  if (!row) throw new NotFoundError(NONE);
  if (!allowed.includes(row.status)) {
    throw new ConflictError(
      `Users, packages and locations can't be changed while the customer is ${CUSTOMER_STATUS_LABELS[row.status].toLowerCase()}.`,
      undefined,
      10414,
    );
  }
  return row;
}
