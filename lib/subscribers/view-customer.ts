import { eq } from 'drizzle-orm';
import { customers } from '@/db/schema';
import { NotFoundError } from '@/lib/platform/errors';
import type { ServiceCtx } from '@/lib/platform/service-ctx';

/**
 * The wholesale customer record of the customer org in the URL. Tenancy comes from the
 * wrapper's access (resolved from the org id), never from input.
 */
export async function viewCustomer(ctx: ServiceCtx) {
  const id = ctx.access.customer?.id;
  if (!id) throw new NotFoundError('This organisation has no wholesale services to manage.');
  const [row] = await ctx.db.select().from(customers).where(eq(customers.id, id));
  if (!row) throw new NotFoundError('This organisation has no wholesale services to manage.');
  return row;
}
