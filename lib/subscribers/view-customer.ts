import { eq } from 'drizzle-orm';
import { customers } from '@/db/schema';
import { CUSTOMER_STATUS_LABELS, SERVICES_LIVE_STATUSES } from '@/lib/domain/statuses';
import { ConflictError, NotFoundError } from '@/lib/platform/errors';
import type { ServiceCtx } from '@/lib/platform/service-ctx';

/**
 * The wholesale customer record of the customer org in the URL, for a package change.
 * Tenancy comes from the wrapper's access (resolved from the org id), never from input.
 */
export async function viewCustomer(ctx: ServiceCtx) {
  const id = ctx.access.customer?.id;
  if (!id) throw new NotFoundError('This organisation has no wholesale services to manage.');
  const [row] = await ctx.db.select().from(customers).where(eq(customers.id, id));
  if (!row) throw new NotFoundError('This organisation has no wholesale services to manage.');
  // Package assignments (billing) change only while the customer's services are live.
  if (!SERVICES_LIVE_STATUSES.includes(row.status)) {
    throw new ConflictError(`Users and packages can't be changed while the customer is ${CUSTOMER_STATUS_LABELS[row.status].toLowerCase()}.`, undefined, 10414);
  }
  return row;
}
