import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers } from '@/db/schema';
import type { CustomerStatus } from '@/lib/domain/statuses';
import { ConflictError } from '@/lib/platform/errors';
import { assertTransition } from './status-machine';

type CustomerUpdate = Partial<Omit<typeof customers.$inferInsert, 'id' | 'status' | 'statusChangedAt'>>;

/**
 * The one writer of customers.status: checks the transition against the status
 * machine and compares-and-sets (WHERE status = from), so two racing changes can't
 * both apply — the loser gets a ConflictError and its transaction rolls back.
 */
export async function changeCustomerStatus(
  db: DbOrTx,
  change: { customerId: string; from: CustomerStatus; to: CustomerStatus; at: Date; set?: CustomerUpdate },
): Promise<void> {
  assertTransition(change.from, change.to);
  const rows = await db
    .update(customers)
    .set({ ...change.set, status: change.to, statusChangedAt: change.at })
    .where(and(eq(customers.id, change.customerId), eq(customers.status, change.from)))
    .returning({ id: customers.id });
  if (!rows.length) throw new ConflictError('The customer changed meanwhile. Reload and try again.', undefined, 10411);
}
