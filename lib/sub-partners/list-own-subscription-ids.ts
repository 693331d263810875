import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { subscriptions } from '@/db/schema';
import type { OrgAccess } from '@/lib/auth/access';

/** The org's own wholesale subscriptions, the ones it can share with a new indirect provider. */
export async function listOwnSubscriptionIds(db: DbOrTx, access: OrgAccess): Promise<string[]> {
  const rows = await db.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.partnerOrgId, access.org.id));
  return rows.map((r) => r.id);
}
