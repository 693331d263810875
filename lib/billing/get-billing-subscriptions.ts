import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { subPartnerSubscriptions, subscriptions } from '@/db/schema';
import type { OrgAccess } from '@/lib/auth/access';
import type { PackageId } from '@/lib/domain/packages';
import { qualified } from '@/lib/sql/qualified';

export interface BillingSubscription {
  id: string;
  packages: PackageId[];
  createdAt: Date;
  /** Customers of this org created on the subscription. */
  customers: number;
  /** True when the subscription is the parent partner's, shared with this sub-partner. */
  shared: boolean;
}

/**
 * The wholesale subscriptions an org bills against: its own, or for a sub-partner the
 * parent's subscription(s) shared with it (SPEC §6.4).
 */
export async function getBillingSubscriptions(db: DbOrTx, access: OrgAccess): Promise<BillingSubscription[]> {
  const orgId = access.org.id;
  const customerCount = sql<number>`(select count(*)::int from customers c where c.subscription_id = ${qualified(subscriptions.id)} and c.partner_org_id = ${orgId})`;
  const columns = { id: subscriptions.id, packages: subscriptions.packages, createdAt: subscriptions.createdAt, customers: customerCount };

  if (access.org.kind === 'sub_partner') {
    const rows = await db
      .select(columns)
      .from(subPartnerSubscriptions)
      .innerJoin(subscriptions, eq(subscriptions.id, subPartnerSubscriptions.subscriptionId))
      .where(and(eq(subPartnerSubscriptions.subPartnerOrgId, orgId)))
      .orderBy(asc(subscriptions.createdAt), asc(subscriptions.id));
    return rows.map((r) => ({ ...r, shared: true }));
  }
  const rows = await db
    .select(columns)
    .from(subscriptions)
    .where(eq(subscriptions.partnerOrgId, orgId))
    .orderBy(asc(subscriptions.createdAt), asc(subscriptions.id));
  return rows.map((r) => ({ ...r, shared: false }));
}
