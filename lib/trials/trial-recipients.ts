// Who the trial e-mails go to (SPEC §9): the customer org's full admins, and the partner's
// side — the sales full administrators plus the person who started the trial.
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { roleGrants, users } from '@/db/schema';

export async function customerAdminEmails(db: DbOrTx, customerOrgId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ email: users.email })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.orgId, customerOrgId), eq(roleGrants.role, 'customer_full_admin')));
  return rows.map((r) => r.email.toLowerCase()).sort();
}

export async function partnerAdminEmails(db: DbOrTx, partnerOrgId: string, createdBy: string | null): Promise<string[]> {
  const rows = await db
    .selectDistinct({ email: users.email })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        eq(roleGrants.orgId, partnerOrgId),
        or(inArray(roleGrants.role, ['sales_full_admin']), createdBy ? eq(users.id, createdBy) : sql`false`),
      ),
    );
  return rows.map((r) => r.email.toLowerCase()).sort();
}

/** Every user (person) of the org who has an e-mail: told when the trial services are gone. */
export async function orgUserEmails(db: DbOrTx, orgId: string): Promise<string[]> {
  const rows = await db.select({ email: users.email }).from(users).where(eq(users.orgId, orgId));
  return [...new Set(rows.map((r) => r.email.toLowerCase()))].sort();
}
