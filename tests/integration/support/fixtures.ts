// Small builders for integration tests: real rows through the real schema.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers, locations, orgRelations, orgs, roleGrants, subscriptions, users } from '@/db/schema';
import type { Role } from '@/lib/domain/roles';
import { PACKAGES } from '@/lib/domain/packages';
import { loadActor, type Actor } from '@/lib/auth/access';
import { oneRow } from '@/db/one-row';

const tag = () => randomBytes(3).toString('hex');

export async function makePartner(db: Db, opts: { name?: string; wholesale?: boolean } = {}) {
  const org = await oneRow(
    db
      .insert(orgs)
      .values({ kind: 'partner', name: opts.name ?? `Partner ${tag()}`, wholesale: opts.wholesale ?? true, country: 'US' })
      .returning(),
    'org',
  );
  if (org.wholesale) await db.insert(subscriptions).values({ id: `Sub-${tag()}`, partnerOrgId: org.id, packages: [...PACKAGES] });
  return org;
}

export async function makeSubPartner(db: Db, parentId: string, name = `Sub ${tag()}`) {
  const org = await oneRow(
    db
      .insert(orgs)
      .values({ kind: 'sub_partner', name, parentPartnerId: parentId, wholesale: true, country: 'US', billingStartDate: '2026-01-01' })
      .returning(),
    'org',
  );
  await db.insert(orgRelations).values({ managerOrgId: parentId, managedOrgId: org.id });
  return org;
}

/** A customer owned by ownerId; managed by the owner and, for a sub-partner owner, by its parent too. */
export async function makeCustomer(db: Db, ownerId: string, opts: { rbpm?: boolean; createdBy?: string; name?: string } = {}) {
  const owner = await oneRow(db.select().from(orgs).where(eq(orgs.id, ownerId)), 'owner');
  const org = await oneRow(
    db
      .insert(orgs)
      .values({ kind: 'customer', name: opts.name ?? `Customer ${tag()}`, country: 'US', wholesale: owner.wholesale })
      .returning(),
    'org',
  );
  const customer = await oneRow(
    db
      .insert(customers)
      .values({
        orgId: org.id,
        partnerOrgId: ownerId,
        externalId: `EXT-${tag()}`,
        status: 'provisioned',
        rbpm: opts.rbpm ?? true,
        adminEmail: `admin-${tag()}@example.test`,
        createdBy: opts.createdBy ?? null,
      })
      .returning(),
    'customer',
  );
  await db.insert(orgRelations).values({ managerOrgId: ownerId, managedOrgId: org.id });
  if (owner.parentPartnerId) await db.insert(orgRelations).values({ managerOrgId: owner.parentPartnerId, managedOrgId: org.id });
  await db.insert(locations).values({
    orgId: org.id,
    name: 'Headquarters',
    isHeadquarters: true,
    addressLine1: '1 Main St',
    city: 'Springfield',
    stateOrProvince: 'IL',
    postalCode: '62701',
    country: 'US',
  });
  return { org, customer };
}

/** A person in orgId holding roles there (or on grantOrgId). */
export async function makeAdmin(db: Db, orgId: string, roles: Role[], grantOrgId = orgId): Promise<Actor> {
  const u = await oneRow(
    db
      .insert(users)
      .values({ orgId, email: `admin-${tag()}@example.test`, firstName: 'Test', lastName: roles.join('+') })
      .returning(),
    'u',
  );
  if (roles.length) await db.insert(roleGrants).values(roles.map((role) => ({ userId: u.id, orgId: grantOrgId, role })));
  return (await loadActor(db, u.id))!;
}
