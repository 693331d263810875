// The one place that decides authorisation: the permission table (permissions.ts)
// applied to an actor's roles and relation to the org being acted on.
import type { CustomerRole, PartnerRole } from '@/lib/domain/roles';
import type { OrgKind } from '@/lib/domain/statuses';
import {
  CUSTOMER_PERMISSIONS,
  PARTNER_PERMISSIONS,
  isPartnerCapability,
  type CustomerRule,
  type Capability,
  type CustomerCapability,
  type Grant,
  type PartnerCapability,
  type PartnerRule,
} from './permissions';

/**
 * How the actor reaches the org in the URL:
 * - own: the actor holds roles on this org itself
 * - customer: a customer the actor's partner org manages directly
 * - sub_partner: a sub-partner of the actor's partner (cross-launch)
 * - sub_partner_customer: a customer of one of those sub-partners
 */
export type OrgRelation = 'own' | 'customer' | 'sub_partner' | 'sub_partner_customer';

export interface PolicyOrg {
  id: string;
  kind: OrgKind;
  /** For partner-side capabilities: whether the (acting) partner is wholesale. */
  wholesale: boolean;
}

export interface PolicyCustomer {
  rbpm: boolean;
  /** Existing org attached through the API (SPEC §8.3): the partner manages it through the API only. */
  attached?: boolean;
  /** Partner-side user who created the customer ("own customers" of sales admins). */
  createdBy: string | null;
}

export interface AccessSubject {
  userId: string;
  org: PolicyOrg;
  relation: OrgRelation;
  /** Partner roles that apply here: on the own partner org, or the acting partner's when cross-launched. */
  partnerRoles: readonly PartnerRole[];
  /** Customer roles on this customer org (customer admins). */
  customerRoles: readonly CustomerRole[];
  /** Whether the partner that the partner roles come from is wholesale. */
  partnerWholesale: boolean;
  customer?: PolicyCustomer;
  /**
   * The org that owns what is acted on is suspended: the partner/sub-partner itself, or
   * a customer's owner. Only capabilities flagged `allowedWhileOwnerSuspended` remain.
   */
  ownerSuspended?: boolean;
  /** Who acts: an API token (`apiTokenId`) or a person in the portal. */
  actor?: { apiTokenId?: string };
}

export type Decision =
  | { allowed: true; reach: Grant }
  | {
      allowed: false;
      reason:
        'forbidden' | 'not_available_cross_launched' | 'restricted_by_partner' | 'read_only' | 'owner_suspended' | 'managed_through_api';
    };

const DENY = { allowed: false, reason: 'forbidden' } as const;

/** Table lookup alone: the reach the roles give on a partner capability (null = none). */
export function partnerGrant(roles: readonly PartnerRole[], capability: PartnerCapability, partnerWholesale: boolean): Grant | null {
  const rule: PartnerRule = PARTNER_PERMISSIONS[capability];
  if (rule.partnerKind === 'wholesale' && !partnerWholesale) return null;
  if (rule.partnerKind === 'non_wholesale' && partnerWholesale) return null;
  if (rule.requiresAll) return rule.requiresAll.every((r) => roles.includes(r)) ? 'all' : null;
  let best: Grant | null = null;
  for (const r of roles) {
    if (partnerWholesale && rule.trialsOnlyRoles?.includes(r)) continue;
    const g = rule.grants?.[r];
    if (g === 'all') return 'all';
    if (g === 'own') best = 'own';
  }
  return best;
}

/** Whether the relation itself may be entered at all (else the org does not exist for the actor: 404). */
export function canReach(
  s: Pick<AccessSubject, 'relation' | 'partnerRoles' | 'partnerWholesale' | 'customerRoles' | 'userId' | 'customer'>,
): boolean {
  switch (s.relation) {
    case 'own':
      return s.partnerRoles.length > 0 || s.customerRoles.length > 0;
    case 'sub_partner':
      return partnerGrant(s.partnerRoles, 'subPartners.access', s.partnerWholesale) !== null;
    case 'sub_partner_customer':
      return partnerGrant(s.partnerRoles, 'subPartners.access', s.partnerWholesale) !== null;
    case 'customer': {
      const g = partnerGrant(s.partnerRoles, 'customers.read', s.partnerWholesale);
      return g === 'all' || (g === 'own' && s.customer?.createdBy === s.userId);
    }
  }
}

function decidePartner(s: AccessSubject, capability: PartnerCapability): Decision {
  const grant = partnerGrant(s.partnerRoles, capability, s.partnerWholesale);
  if (!grant) return DENY;
  const rule: PartnerRule = PARTNER_PERMISSIONS[capability];
  if (rule.topLevelPartnerOnly && s.org.kind !== 'partner') return DENY;
  if (s.relation === 'sub_partner' && rule.unavailableCrossLaunched) {
    return { allowed: false, reason: 'not_available_cross_launched' };
  }
  if (s.ownerSuspended && !rule.allowedWhileOwnerSuspended) return { allowed: false, reason: 'owner_suspended' };
  // On a single customer, "own" reach only covers customers this admin created.
  if (s.org.kind === 'customer' && grant === 'own' && s.customer?.createdBy !== s.userId) return DENY;
  return { allowed: true, reach: grant };
}

function decideCustomer(s: AccessSubject, capability: CustomerCapability): Decision {
  if (s.org.kind !== 'customer') return DENY;
  const isReadCapability = capability === 'cv.read';
  // Partner admins in a customer's view: never restricted by RBPM; their own role decides.
  if (s.relation !== 'own') {
    const needed: PartnerCapability = isReadCapability ? 'customerView.open' : 'customerView.write';
    const d = decidePartner(s, needed);
    if (d.allowed || d.reason === 'owner_suspended') return d;
    return isReadCapability ? d : { allowed: false, reason: 'read_only' };
  }
  const rule: CustomerRule = CUSTOMER_PERMISSIONS[capability];
  if (!s.customerRoles.some((r) => rule.roles.includes(r))) {
    return s.customerRoles.length ? { allowed: false, reason: 'read_only' } : DENY;
  }
  if (rule.wholesaleLocked && s.org.wholesale) return { allowed: false, reason: 'read_only' };
  if (rule.rbpm && s.customer?.rbpm) return { allowed: false, reason: 'restricted_by_partner' };
  return { allowed: true, reach: 'all' };
}

/**
 * SPEC §8.3: once an existing org is attached through the API, its partner manages it
 * through the API only — every portal write of the partner on it (Set up, the customer
 * view's writes, Retry, Delete, RBPM) is refused, the API door keeps working. The one
 * rule; decide() applies it to the customer view and getCustomerOrThrow to the
 * partner's writes on the customer record.
 */
export function managedThroughApiOnly(s: Pick<AccessSubject, 'actor'>, customer: { attached?: boolean } | undefined): boolean {
  return !!customer?.attached && !s.actor?.apiTokenId;
}

/** A partner acting in a customer's view, changing something (anything but reading). */
const isPartnerViewWrite = (s: AccessSubject, capability: Capability) =>
  s.org.kind === 'customer' && s.relation !== 'own' && capability !== 'cv.read' && capability !== 'customerView.open';

function decideOnOrg(s: AccessSubject, capability: Capability): Decision {
  if (!canReach(s)) return DENY;
  if (isPartnerCapability(capability)) {
    // On a customer org only opening its view applies; partner use cases (create, delete,
    // RBPM…) run on the partner org that owns the customer, never with a customer org id.
    if (s.org.kind === 'customer' && (!capability.startsWith('customerView.') || s.relation === 'own')) return DENY;
    return decidePartner(s, capability);
  }
  return decideCustomer(s, capability);
}

/** The decision for one capability on the subject's org. */
export function decide(s: AccessSubject, capability: Capability): Decision {
  const d = decideOnOrg(s, capability);
  // Only what the roles would allow becomes "managed through the API"; other refusals keep their reason.
  if (d.allowed && isPartnerViewWrite(s, capability) && managedThroughApiOnly(s, s.customer))
    return { allowed: false, reason: 'managed_through_api' };
  return d;
}

export const can = (s: AccessSubject, capability: Capability) => decide(s, capability).allowed;

export const DENIAL_MESSAGES: Record<Exclude<Decision, { allowed: true }>['reason'], string> = {
  forbidden: "You don't have permission to do this.",
  not_available_cross_launched: 'Not available when cross-launched.',
  restricted_by_partner: 'Your partner has restricted this setting.',
  read_only: "You don't have permission to change this: your access is read-only.",
  owner_suspended: 'This indirect provider is suspended: it can only delete customers.',
  managed_through_api:
    'Managed through the API: this organisation was attached with the Wholesale API, so its partner changes it through the API.',
};
