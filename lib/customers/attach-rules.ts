// SPEC §8.3: what attaching an existing organisation involves. An org with ≥ 100 users,
// a verified e-mail domain or a claimed domain must approve first; any other attaches at
// once. The partner becomes provisioning admin — full admin when the org holds no live
// licences. Read by the attach service, the pre-check (/customers/validate) and tests.
import { and, asc, count, eq, isNull, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orgSettings, orgs, roleGrants, subscribers, users } from '@/db/schema';
import { oneRow } from '@/db/one-row';

export const APPROVAL_USER_THRESHOLD = 100;

/** The pre-check's own answers for an attach (infoCode 100 stays "a new org passes"). */
export const ATTACH_INFO = {
  immediate: { infoCode: 101, description: 'The organisation will be attached at once; its name, users and sign-in settings are kept.' },
  approval: {
    infoCode: 102,
    description: 'The organisation’s administrator must approve the attach request first (status pending_customer_approval).',
  },
} as const;

export interface AttachAssessment {
  org: { id: string; name: string; kind: string; country: string | null };
  userCount: number;
  needsApproval: boolean;
  /** Why approval is needed, in words for the pre-check and the request e-mail. */
  reasons: string[];
  /** 'full' when the org holds no live licences, else 'provisioning'. */
  partnerAdminLevel: 'full' | 'provisioning';
  /** The org's full administrators, oldest first (the approval e-mail's recipients). */
  adminEmails: string[];
}

/** null when there is no such organisation. */
export async function assessAttach(db: DbOrTx, orgId: string): Promise<AttachAssessment | null> {
  const [org] = await db
    .select({ id: orgs.id, name: orgs.name, kind: orgs.kind, country: orgs.country })
    .from(orgs)
    .where(eq(orgs.id, orgId));
  if (!org) return null;
  const [{ n: userCount }, [settings], { n: licences }, admins] = await Promise.all([
    oneRow(db.select({ n: count() }).from(users).where(eq(users.orgId, orgId)), 'a count'),
    db
      .select({ verified: orgSettings.domainVerified, claimed: orgSettings.domainClaimed, domain: orgSettings.domain })
      .from(orgSettings)
      .where(eq(orgSettings.orgId, orgId)),
    // A licence is a package held by one of the org's subscribers; removed ones don't count.
    oneRow(
      db
        .select({ n: count() })
        .from(subscribers)
        .where(and(eq(subscribers.orgId, orgId), isNull(subscribers.removedAt), ne(subscribers.status, 'removed'))),
      'a count',
    ),
    db
      .select({ email: users.email })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(eq(roleGrants.orgId, orgId), eq(roleGrants.role, 'customer_full_admin')))
      .orderBy(asc(roleGrants.createdAt), asc(users.email)),
  ]);
  const reasons: string[] = [];
  if (userCount >= APPROVAL_USER_THRESHOLD) reasons.push(`it has ${userCount} users (${APPROVAL_USER_THRESHOLD} or more)`);
  if (settings?.verified) reasons.push(`it has a verified e-mail domain${settings.domain ? ` (${settings.domain})` : ''}`);
  if (settings?.claimed) reasons.push(`it has a claimed domain${settings.domain ? ` (${settings.domain})` : ''}`);
  return {
    org,
    userCount,
    needsApproval: reasons.length > 0,
    reasons,
    partnerAdminLevel: licences > 0 ? 'provisioning' : 'full',
    adminEmails: admins.map((a) => a.email),
  };
}

export function attachInfo(a: AttachAssessment) {
  const role = a.partnerAdminLevel === 'full' ? 'full administrator' : 'provisioning administrator';
  return a.needsApproval
    ? {
        ...ATTACH_INFO.approval,
        description: `${ATTACH_INFO.approval.description} Approval is needed because ${a.reasons.join(' and ')}. Once approved you become its ${role}.`,
      }
    : { ...ATTACH_INFO.immediate, description: `${ATTACH_INFO.immediate.description} You become its ${role}.` };
}
