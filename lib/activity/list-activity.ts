import { and, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { auditLog, orgs, users } from '@/db/schema';
import type { OrgAccess } from '@/lib/auth/access';
import { containsPattern, searchCondition, pageRequest, type PageResult } from '@/lib/paging/search-params';

export const ACTIVITY_PAGE_SIZE = 50;

export interface ActivityFilters {
  /** Exact action, or a prefix when it ends with '.' or '*' (e.g. "customer."). */
  action: string;
  /** Actor e-mail contains. */
  actor: string;
  /** yyyy-mm-dd, inclusive, UTC. */
  from: string;
  to: string;
  page: number;
}

export interface ActivityRow {
  id: number;
  at: Date;
  actorName: string | null;
  actorEmail: string | null;
  apiTokenId: string | null;
  actorOrgId: string | null;
  actorOrgName: string | null;
  orgId: string;
  orgName: string;
  action: string;
  summary: string;
}

export interface ActivityPage extends PageResult<ActivityRow> {
  /** Distinct actions present in this org's log, for the filter. */
  actions: string[];
}

/** This org's audit log: changes made on it and changes its admins made elsewhere (cross-launch). */
export async function listActivity(db: DbOrTx, access: OrgAccess, f: ActivityFilters): Promise<ActivityPage> {
  const orgId = access.org.id;
  const { page, pageSize, offset } = pageRequest(f.page, ACTIVITY_PAGE_SIZE);
  const actingOrg = alias(orgs, 'acting_org');
  const scope = or(eq(auditLog.orgId, orgId), eq(auditLog.actorOrgId, orgId))!;

  const conditions: SQL[] = [scope];
  if (f.action) {
    conditions.push(searchCondition(f.action, (action) => {
      const prefix = action.endsWith('*') ? action.slice(0, -1) : action.endsWith('.') ? action : null;
      return prefix !== null ? sql`${auditLog.action} like ${`${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : eq(auditLog.action, action);
    }));
  }
  if (f.actor) conditions.push(searchCondition(f.actor, (actor) => sql`lower(${users.email}) like ${containsPattern(actor)}`));
  if (f.from) conditions.push(gte(auditLog.at, new Date(`${f.from}T00:00:00Z`)));
  if (f.to) {
    const end = new Date(`${f.to}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 1);
    conditions.push(lt(auditLog.at, end));
  }
  const where = and(...conditions);

  const [rows, [{ total }], actions] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorFirst: users.firstName,
        actorLast: users.lastName,
        actorDisplay: users.displayName,
        actorEmail: users.email,
        apiTokenId: auditLog.apiTokenId,
        actorOrgId: auditLog.actorOrgId,
        actorOrgName: actingOrg.name,
        orgId: auditLog.orgId,
        orgName: orgs.name,
        action: auditLog.action,
        summary: auditLog.summary,
      })
      .from(auditLog)
      .innerJoin(orgs, eq(orgs.id, auditLog.orgId))
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .leftJoin(actingOrg, eq(actingOrg.id, auditLog.actorOrgId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(pageSize)
      .offset(offset),
    db.select({ total: sql<number>`count(*)::int` }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorUserId)).where(where),
    db.selectDistinct({ action: auditLog.action }).from(auditLog).where(scope).orderBy(auditLog.action).limit(200),
  ]);

  return {
    rows: rows.map(({ actorFirst, actorLast, actorDisplay, ...r }) => ({
      ...r,
      actorName: actorDisplay || [actorFirst, actorLast].filter(Boolean).join(' ') || null,
    })),
    total,
    page,
    pageSize,
    actions: actions.map((a) => a.action),
  };
}
