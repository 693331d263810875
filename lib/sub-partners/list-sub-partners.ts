import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orgs } from '@/db/schema';
import type { OrgAccess } from '@/lib/auth/access';
import type { OrgState } from '@/lib/domain/statuses';
import { containsPattern, searchCondition, pageRequest, type PageResult } from '@/lib/paging/search-params';
import { qualified } from '@/lib/sql/qualified';
import { oneRow } from '@/db/one-row';

export const SUB_PARTNERS_PAGE_SIZE = 25;

export interface SubPartnerRow {
  id: string;
  name: string;
  state: OrgState;
  customers: number;
  billingStartDate: string | null;
}

export interface SubPartnerList extends PageResult<SubPartnerRow> {
  /** Sub-partners of the org regardless of the search (0 → the tab does not exist). */
  all: number;
}

/** The org's indirect providers (SPEC §6.1), by name, paginated without a cap. */
export async function listSubPartners(db: DbOrTx, access: OrgAccess, params: { q: string; page: number }): Promise<SubPartnerList> {
  const { page, pageSize, offset } = pageRequest(params.page, SUB_PARTNERS_PAGE_SIZE);
  const mine = and(eq(orgs.parentPartnerId, access.org.id), eq(orgs.kind, 'sub_partner'))!;
  const conditions: SQL[] = [mine];
  const matching = params.q ? searchCondition(params.q, (q) => sql`lower(${orgs.name}) like ${containsPattern(q)}`) : null;
  if (matching) conditions.push(matching);
  const where = and(...conditions);

  const [rows, counts] = await Promise.all([
    db
      .select({
        id: orgs.id,
        name: orgs.name,
        state: orgs.state,
        billingStartDate: orgs.billingStartDate,
        customers: sql<number>`(select count(*)::int from customers c where c.partner_org_id = ${qualified(orgs.id)})`,
      })
      .from(orgs)
      .where(where)
      .orderBy(asc(sql`lower(${orgs.name})`), asc(orgs.id))
      .limit(pageSize)
      .offset(offset),
    oneRow(
      db
        .select({
          all: sql<number>`count(*)::int`,
          total: matching ? sql<number>`(count(*) filter (where ${matching}))::int` : sql<number>`count(*)::int`,
        })
        .from(orgs)
        .where(mine),
      'the sub-partner counts',
    ),
  ]);

  return { rows, total: counts.total, all: counts.all, page, pageSize };
}
