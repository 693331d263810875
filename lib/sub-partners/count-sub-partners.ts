import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orgs } from '@/db/schema';

/** How many indirect providers the org has (0 → no Indirect providers nav, no scope switch). */
export async function countSubPartners(db: DbOrTx, orgId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(orgs)
    .where(and(eq(orgs.parentPartnerId, orgId), eq(orgs.kind, 'sub_partner')));
  return row?.n ?? 0;
}
