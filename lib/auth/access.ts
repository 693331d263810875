// Resolves how a signed-in person reaches an org (own / managed customer / sub-partner /
// sub-partner's customer) from their role grants and the managed-by relations.
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, orgRelations, orgs, roleGrants, users } from '@/db/schema';
import { isPartnerRole, type CustomerRole, type PartnerRole } from '@/lib/domain/roles';
import type { OrgKind, OrgState } from '@/lib/domain/statuses';
import type { Grant } from './permissions';
import { canReach, type AccessSubject, type OrgRelation } from './policy';

export interface Actor {
  userId: string;
  /** The org the person belongs to. */
  orgId: string;
  email: string;
  name: string;
  /** Set when the actor is an API token (SPEC §8.1): audited with the token's id. */
  apiTokenId?: string;
}

export interface OrgSummary {
  id: string;
  name: string;
  kind: OrgKind;
  wholesale: boolean;
  state: OrgState;
  parentPartnerId: string | null;
}

export interface OrgAccess extends AccessSubject {
  actor: Actor;
  org: OrgSummary;
  /** When working in another org's view: the partner org the actor acts from. */
  actingPartner: { id: string; name: string } | null;
  customer?: AccessSubject['customer'] & { id: string; partnerOrgId: string; attached: boolean };
  /**
   * The reach of the policy decision that admitted this call (set by authorize, gatePage
   * and the API door): 'own' = only the customers the actor created (sales administrators).
   * Services filter by it instead of re-deriving it from the roles.
   */
  reach?: Grant;
}

/** Only the customers the actor created? An access no decision has admitted yet reaches only its own. */
export const reachesOwnOnly = (access: Pick<OrgAccess, 'reach'>): boolean => (access.reach ?? 'own') === 'own';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => UUID.test(v);

export async function loadActor(db: DbOrTx, userId: string): Promise<Actor | null> {
  if (!isUuid(userId)) return null;
  const [u] = await db
    .select({
      id: users.id,
      orgId: users.orgId,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      displayName: users.displayName,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!u) return null;
  return { userId: u.id, orgId: u.orgId, email: u.email, name: u.displayName || `${u.firstName} ${u.lastName}`.trim() || u.email };
}

const orgColumns = {
  id: orgs.id,
  name: orgs.name,
  kind: orgs.kind,
  wholesale: orgs.wholesale,
  state: orgs.state,
  parentPartnerId: orgs.parentPartnerId,
};

/** null = the org does not exist for this actor (callers answer 404, never 403). */
export async function resolveAccess(db: DbOrTx, actor: Actor, orgId: string): Promise<OrgAccess | null> {
  if (!isUuid(orgId)) return null;
  // Independent reads, sent together: one round trip fewer on every request.
  const [[org], grants] = await Promise.all([
    db.select(orgColumns).from(orgs).where(eq(orgs.id, orgId)),
    db.select({ orgId: roleGrants.orgId, role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.userId, actor.userId)),
  ]);
  if (!org) return null;
  const rolesOn = (id: string) => grants.filter((g) => g.orgId === id).map((g) => g.role);
  const partnerRolesOn = (id: string) => rolesOn(id).filter(isPartnerRole) as PartnerRole[];

  const customerRow =
    org.kind === 'customer'
      ? (
          await db
            .select({
              id: customers.id,
              partnerOrgId: customers.partnerOrgId,
              rbpm: customers.rbpm,
              createdBy: customers.createdBy,
              attached: customers.attached,
            })
            .from(customers)
            .where(eq(customers.orgId, org.id))
        )[0]
      : undefined;

  let relation: OrgRelation | null = null;
  let actingPartnerId: string | null = null;
  const own = rolesOn(org.id);
  if (own.length) {
    relation = 'own';
  } else if (org.kind === 'sub_partner' && org.parentPartnerId && partnerRolesOn(org.parentPartnerId).length) {
    relation = 'sub_partner';
    actingPartnerId = org.parentPartnerId;
  } else if (customerRow) {
    if (partnerRolesOn(customerRow.partnerOrgId).length) {
      relation = 'customer';
      actingPartnerId = customerRow.partnerOrgId;
    } else {
      const [owner] = await db.select(orgColumns).from(orgs).where(eq(orgs.id, customerRow.partnerOrgId));
      if (owner?.kind === 'sub_partner' && owner.parentPartnerId && partnerRolesOn(owner.parentPartnerId).length) {
        relation = 'sub_partner_customer';
        actingPartnerId = owner.parentPartnerId;
      }
    }
  }
  if (!relation) return null;

  let actingPartner: OrgSummary | null = null;
  if (actingPartnerId) {
    // The managed-by relation is the source of truth for reaching another org.
    const [[rel], [partner]] = await Promise.all([
      db
        .select({ m: orgRelations.managerOrgId })
        .from(orgRelations)
        .where(and(eq(orgRelations.managerOrgId, actingPartnerId), eq(orgRelations.managedOrgId, org.id))),
      db.select(orgColumns).from(orgs).where(eq(orgs.id, actingPartnerId)),
    ]);
    if (!rel || !partner) return null;
    actingPartner = partner;
  }

  // Suspension of the org that owns the data is part of the subject (issue 10 #6), so the
  // permission table decides what a suspended owner may still do — not each service.
  let ownerState = org.state;
  if (customerRow) {
    ownerState =
      customerRow.partnerOrgId === actingPartner?.id
        ? actingPartner.state
        : ((await db.select({ state: orgs.state }).from(orgs).where(eq(orgs.id, customerRow.partnerOrgId)))[0]?.state ?? 'active');
  }

  const partnerRoles = relation === 'own' ? (own.filter(isPartnerRole) as PartnerRole[]) : partnerRolesOn(actingPartnerId!);
  const customerRoles = relation === 'own' ? (own.filter((r) => !isPartnerRole(r)) as CustomerRole[]) : [];
  const access: OrgAccess = {
    actor,
    userId: actor.userId,
    org,
    relation,
    actingPartner: actingPartner && { id: actingPartner.id, name: actingPartner.name },
    partnerRoles,
    customerRoles,
    partnerWholesale: actingPartner ? actingPartner.wholesale : org.wholesale,
    ownerSuspended: ownerState === 'suspended',
    customer: customerRow && {
      id: customerRow.id,
      partnerOrgId: customerRow.partnerOrgId,
      rbpm: customerRow.rbpm,
      createdBy: customerRow.createdBy,
      attached: customerRow.attached,
    },
  };
  return canReach(access) ? access : null;
}

/** Where a person lands after sign-in: the first org they hold a role on (partner roles first). */
export async function homeOrgId(db: DbOrTx, actor: Actor): Promise<string | null> {
  const grants = await db
    .select({ orgId: roleGrants.orgId, role: roleGrants.role })
    .from(roleGrants)
    .where(eq(roleGrants.userId, actor.userId));
  if (!grants.length) return null;
  const onHome = grants.filter((g) => g.orgId === actor.orgId);
  const pick = onHome.length ? onHome : grants;
  return (pick.find((g) => isPartnerRole(g.role)) ?? pick[0])?.orgId ?? null;
}

export async function orgNames(db: DbOrTx, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
