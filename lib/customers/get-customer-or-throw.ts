import { and, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers } from '@/db/schema';
import { isUuid, reachesOwnOnly, type OrgAccess } from '@/lib/auth/access';
import { NotFoundError } from '@/lib/platform/errors';
import { assertManagedHere } from './api-only';

export type CustomerRow = typeof customers.$inferSelect;

/**
 * One of the acting org's own customers, by customer id — the tenancy rule for every
 * customer action. Another org's customer (a parent's, a sibling's, an unrelated one)
 * or a malformed id answers 404 alike, so ids reveal nothing. Sales administrators
 * reach only the customers they created. `forUpdate` locks the row for the transaction:
 * it is how every write on a customer record (update, retry, delete, RBPM…) loads it, so
 * it is also where a portal write on an org attached through the API is refused (SPEC §8.3).
 */
export async function getCustomerOrThrow(
  db: DbOrTx,
  access: OrgAccess,
  customerId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<CustomerRow> {
  if (!isUuid(customerId) || access.org.kind === 'customer') throw new NotFoundError('Customer not found.');
  const conditions: SQL[] = [eq(customers.id, customerId), eq(customers.partnerOrgId, access.org.id)];
  if (reachesOwnOnly(access)) {
    conditions.push(eq(customers.createdBy, access.actor.userId));
  }
  const query = db
    .select()
    .from(customers)
    .where(and(...conditions));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw new NotFoundError('Customer not found.');
  if (opts.forUpdate) assertManagedHere(access, row);
  return row;
}
