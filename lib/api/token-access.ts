// How an API token reaches an org: its own org, one of its sub-partners when the call
// names it in onBehalfOfSubPartnerOrgId, or a customer of the acting org (subscriber
// calls). The result is an OrgAccess like a person's, so services and policy see no
// difference; the relation rules mirror access.ts.
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, orgs, users } from '@/db/schema';
import { isUuid, type Actor, type OrgAccess, type OrgSummary } from '@/lib/auth/access';
import { TOKEN_PARTNER_ROLES } from '@/lib/auth/token-scopes';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '@/lib/platform/errors';
import { ERROR_CODES } from '@/lib/platform/error-codes';
import type { ApiToken } from './authenticate-token';

const orgColumns = {
  id: orgs.id,
  name: orgs.name,
  kind: orgs.kind,
  wholesale: orgs.wholesale,
  state: orgs.state,
  parentPartnerId: orgs.parentPartnerId,
};

async function tokenActor(db: DbOrTx, token: ApiToken): Promise<Actor> {
  // Services record "created by" as a person: the token's creator, with the token id in the audit log.
  const [creator] = token.createdBy ? await db.select({ email: users.email }).from(users).where(eq(users.id, token.createdBy)) : [];
  return {
    userId: token.createdBy ?? '',
    orgId: token.orgId,
    email: creator?.email ?? '',
    name: `API token “${token.name}”`,
    apiTokenId: token.id,
  };
}

/** The org the call acts for: the token's own, or (onBehalfOf) one of its sub-partners — else 403. */
export async function actingAccess(db: DbOrTx, token: ApiToken, onBehalfOf: string | null): Promise<OrgAccess> {
  const actor = await tokenActor(db, token);
  const [own] = await db.select(orgColumns).from(orgs).where(eq(orgs.id, token.orgId));
  if (!own) throw new UnauthenticatedError('This API token is unknown, revoked or expired.');
  const base = { actor, userId: actor.userId, partnerRoles: TOKEN_PARTNER_ROLES, customerRoles: [] } as const;
  if (!onBehalfOf) return { ...base, org: own, relation: 'own', actingPartner: null, partnerWholesale: own.wholesale };
  const [sub] = isUuid(onBehalfOf)
    ? await db
        .select(orgColumns)
        .from(orgs)
        .where(and(eq(orgs.id, onBehalfOf), eq(orgs.kind, 'sub_partner'), eq(orgs.parentPartnerId, own.id)))
    : [];
  // A sibling, the parent, a customer or an unknown id alike: only a parent acts for its own sub-partner.
  if (!sub || own.kind !== 'partner') {
    throw new ForbiddenError('onBehalfOfSubPartnerOrgId must be one of your own indirect providers.', ERROR_CODES.notYourSubPartner);
  }
  return { ...base, org: sub, relation: 'sub_partner', actingPartner: { id: own.id, name: own.name }, partnerWholesale: own.wholesale };
}

/**
 * Access to the customer org behind a wholesale customer id, within the acting org's own
 * customers (another tenant's or a sub-partner's customer without onBehalfOf → 404).
 */
export async function customerAccess(db: DbOrTx, acting: OrgAccess, customerId: string): Promise<OrgAccess> {
  if (!isUuid(customerId)) throw new NotFoundError('Customer not found.');
  const [row] = await db
    .select({
      id: customers.id,
      orgId: customers.orgId,
      partnerOrgId: customers.partnerOrgId,
      rbpm: customers.rbpm,
      createdBy: customers.createdBy,
      attached: customers.attached,
    })
    .from(customers)
    .where(and(eq(customers.id, customerId), eq(customers.partnerOrgId, acting.org.id)));
  if (!row) throw new NotFoundError('Customer not found.');
  const [org] = await db.select(orgColumns).from(orgs).where(eq(orgs.id, row.orgId));
  const viaParent = acting.relation === 'sub_partner';
  return {
    actor: acting.actor,
    userId: acting.userId,
    org: org as OrgSummary,
    relation: viaParent ? 'sub_partner_customer' : 'customer',
    actingPartner: viaParent ? acting.actingPartner : { id: acting.org.id, name: acting.org.name },
    partnerRoles: acting.partnerRoles,
    customerRoles: [],
    partnerWholesale: acting.partnerWholesale,
    customer: { id: row.id, partnerOrgId: row.partnerOrgId, rbpm: row.rbpm, createdBy: row.createdBy, attached: row.attached },
  };
}
