import { and, count, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { customers, locations, orgs, subscribers, trials } from '@/db/schema';
import type { OrgAccess } from '@/lib/auth/access';
import { can } from '@/lib/auth/policy';
import { getCustomerProfile, type CustomerProfile } from './get-customer-profile';

export interface CustomerHome {
  profile: CustomerProfile;
  /** The partner that manages the org, and its parent when that partner is an indirect provider. */
  managedBy: { name: string; parentName: string | null } | null;
  counts: { users: number; workspaces: number; locations: number };
  /** Requests waiting for this org's answer; 0 when the viewer may not answer them. */
  pending: { trialRequests: number; partnerRequests: number };
}

/** What the customer view's Home shows (issue 17.8): a handful of small counts on one org. */
export async function getCustomerHome(db: DbOrTx, access: OrgAccess): Promise<CustomerHome> {
  const orgId = access.org.id;
  const [profile, subscriberCounts, [locationCount], [trialCount], [attachCount]] = await Promise.all([
    getCustomerProfile(db, access),
    db
      .select({ kind: subscribers.kind, n: count() })
      .from(subscribers)
      .where(and(eq(subscribers.orgId, orgId), isNull(subscribers.removedAt)))
      .groupBy(subscribers.kind),
    db.select({ n: count() }).from(locations).where(eq(locations.orgId, orgId)),
    can(access, 'cv.trials.answer')
      ? db
          .select({ n: count() })
          .from(trials)
          .where(and(eq(trials.customerOrgId, orgId), eq(trials.status, 'pending_consent')))
      : [{ n: 0 }],
    can(access, 'cv.attach.answer')
      ? db
          .select({ n: count() })
          .from(customers)
          .where(and(eq(customers.orgId, orgId), eq(customers.status, 'pending_customer_approval'), eq(customers.attached, true)))
      : [{ n: 0 }],
  ]);
  const partnerId = profile.customer?.partner.id;
  const parent = alias(orgs, 'parent');
  const [partner] = partnerId
    ? await db
        .select({ name: orgs.name, parentName: parent.name })
        .from(orgs)
        .leftJoin(parent, eq(parent.id, orgs.parentPartnerId))
        .where(eq(orgs.id, partnerId))
    : [];
  const n = (kind: 'user' | 'workspace') => subscriberCounts.find((r) => r.kind === kind)?.n ?? 0;
  return {
    profile,
    managedBy: partner ? { name: partner.name, parentName: partner.parentName } : null,
    counts: { users: n('user'), workspaces: n('workspace'), locations: locationCount?.n ?? 0 },
    pending: { trialRequests: trialCount?.n ?? 0, partnerRequests: attachCount?.n ?? 0 },
  };
}
