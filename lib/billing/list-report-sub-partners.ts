import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orgs } from '@/db/schema';
import type { OrgAccess } from '@/lib/auth/access';

/** The indirect providers a partner can report on (the form's select); none for a sub-partner. */
export async function listReportSubPartners(db: DbOrTx, access: OrgAccess): Promise<{ id: string; name: string }[]> {
  if (access.org.kind !== 'partner') return [];
  return db
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .where(and(eq(orgs.parentPartnerId, access.org.id), eq(orgs.kind, 'sub_partner')))
    .orderBy(asc(orgs.name), asc(orgs.id));
}
