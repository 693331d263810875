import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers } from '@/db/schema';
import type { OrgAccess } from '@/lib/auth/access';
import type { CustomerStatus } from '@/lib/domain/statuses';

/** The viewed customer's wholesale status; undefined for an org without wholesale services. */
export async function getCustomerStatus(db: DbOrTx, access: OrgAccess): Promise<CustomerStatus | undefined> {
  if (!access.customer) return undefined;
  const [row] = await db.select({ status: customers.status }).from(customers).where(eq(customers.id, access.customer.id));
  return row?.status;
}
