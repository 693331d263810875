import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';

/** The org a report is about: the reporting org, or the indirect provider it was made for. */
export interface ReportSubject {
  orgId: string;
  name: string;
  /** SUBSCRIPTION_ID for customers without one: the org's own first subscription, or the one its parent shares with it. */
  fallbackSubscriptionId: string | null;
}

export async function reportSubject(db: DbOrTx, report: { orgId: string; subPartnerOrgId: string | null }): Promise<ReportSubject | null> {
  const id = report.subPartnerOrgId ?? report.orgId;
  const rows = await db.execute<{ id: string; name: string; subscription_id: string | null }>(sql`
    select o.id, o.name, coalesce(
      (select s.id from subscriptions s where s.partner_org_id = o.id order by s.created_at, s.id limit 1),
      (select sps.subscription_id from sub_partner_subscriptions sps where sps.sub_partner_org_id = o.id order by sps.subscription_id limit 1)
    ) as subscription_id
    from orgs o where o.id = ${id}::uuid`);
  const row = rows[0];
  return row ? { orgId: row.id, name: row.name, fallbackSubscriptionId: row.subscription_id } : null;
}
