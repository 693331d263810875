import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { subPartnerSubscriptions, subscriptions } from '@/db/schema';
import type { OrgKind } from '@/lib/domain/statuses';

/**
 * Subscriptions a template of this org may name (SPEC §2, §3): a partner's own; a
 * sub-partner only its parent's subscription(s) shared with it — never its own
 * choice of the parent's others.
 */
export async function usableSubscriptionIds(db: DbOrTx, org: { id: string; kind: OrgKind }): Promise<string[]> {
  if (org.kind === 'sub_partner') {
    const rows = await db
      .select({ id: subPartnerSubscriptions.subscriptionId })
      .from(subPartnerSubscriptions)
      .where(eq(subPartnerSubscriptions.subPartnerOrgId, org.id))
      .orderBy(asc(subPartnerSubscriptions.subscriptionId));
    return rows.map((r) => r.id);
  }
  if (org.kind !== 'partner') return [];
  const rows = await db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(eq(subscriptions.partnerOrgId, org.id))
    .orderBy(asc(subscriptions.createdAt), asc(subscriptions.id));
  return rows.map((r) => r.id);
}
