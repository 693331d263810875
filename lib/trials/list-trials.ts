// The Trials screen (SPEC §9): every trial the actor may see, filtered by status and days
// left, with how many expire in the next 7 days. Cancelled ones show only when asked for.
import { and, asc, count, desc, eq, gt, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orgs, trialServices, trials, users } from '@/db/schema';
import type { OrgAccess } from '@/lib/auth/access';
import type { TrialService, TrialStatus } from '@/lib/domain/statuses';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import { trialScope } from './trial-access';
import { DAY_MS, REMINDER_DAYS, daysLeft } from './trial-rules';
import type { ListTrialsInput } from './trial-schema';
import { oneRow } from '@/db/one-row';

export const TRIALS_PAGE_SIZE = 25;

export interface TrialListRow {
  trialId: string;
  customerId: string | null;
  customerOrgId: string;
  customerName: string;
  status: TrialStatus;
  services: TrialService[];
  startsAt: string | null;
  endsAt: string | null;
  daysLeft: number | null;
  createdByName: string | null;
}

export async function listTrials(ctx: Pick<ServiceCtx, 'db' | 'access' | 'clock'>, input: ListTrialsInput) {
  const now = ctx.clock.now();
  const scope = trialScope(ctx.access);
  const where: SQL[] = [scope];
  if (input.status) where.push(eq(trials.status, input.status));
  else where.push(ne(trials.status, 'cancelled'));
  if (input.days)
    where.push(
      inArray(trials.status, ['active']),
      gt(trials.endsAt, now),
      lte(trials.endsAt, new Date(now.getTime() + Number(input.days) * DAY_MS)),
    );
  const page = input.page ?? 1;
  const [rows, { total }, { expiring }] = await Promise.all([
    ctx.db
      .select({
        trialId: trials.id,
        customerId: trials.customerId,
        customerOrgId: trials.customerOrgId,
        customerName: orgs.name,
        status: trials.status,
        startsAt: trials.startsAt,
        endsAt: trials.endsAt,
        firstName: users.firstName,
        lastName: users.lastName,
        email: users.email,
        services: sql<
          TrialService[]
        >`coalesce((select array_agg(s.service order by s.service) from ${trialServices} s where s.trial_id = ${trials.id} and s.active), '{}')`,
      })
      .from(trials)
      .innerJoin(orgs, eq(orgs.id, trials.customerOrgId))
      .leftJoin(users, eq(users.id, trials.createdBy))
      .where(and(...where))
      .orderBy(sql`${trials.endsAt} asc nulls first`, desc(trials.createdAt), asc(trials.id))
      .limit(TRIALS_PAGE_SIZE)
      .offset((page - 1) * TRIALS_PAGE_SIZE),
    oneRow(
      ctx.db
        .select({ total: count() })
        .from(trials)
        .where(and(...where)),
      'a count',
    ),
    oneRow(
      ctx.db
        .select({ expiring: count() })
        .from(trials)
        .where(
          and(
            scope,
            eq(trials.status, 'active'),
            gt(trials.endsAt, now),
            lte(trials.endsAt, new Date(now.getTime() + REMINDER_DAYS * DAY_MS)),
          ),
        ),
      'a count',
    ),
  ]);
  return {
    page,
    total,
    expiring,
    rows: rows.map((r): TrialListRow => ({
      trialId: r.trialId,
      customerId: r.customerId,
      customerOrgId: r.customerOrgId,
      customerName: r.customerName,
      status: r.status,
      services: r.services,
      startsAt: r.startsAt?.toISOString() ?? null,
      endsAt: r.endsAt?.toISOString() ?? null,
      daysLeft: r.endsAt && r.status === 'active' ? daysLeft(r.endsAt, now) : null,
      createdByName: r.email ? `${r.firstName ?? ''} ${r.lastName ?? ''}`.trim() || r.email : null,
    })),
  };
}

export interface TrialBadge {
  status: TrialStatus;
  daysLeft: number | null;
}

/** The customer list's *Trial* badge and "N days left", for the customer orgs on a page. */
export async function trialBadges(db: DbOrTx, access: OrgAccess, customerOrgIds: string[], now: Date): Promise<Record<string, TrialBadge>> {
  if (!customerOrgIds.length || access.partnerWholesale) return {};
  const rows = await db
    .select({ orgId: trials.customerOrgId, status: trials.status, endsAt: trials.endsAt })
    .from(trials)
    .where(
      and(
        eq(trials.partnerOrgId, access.org.id),
        inArray(trials.customerOrgId, customerOrgIds),
        inArray(trials.status, ['pending_provisioning_details', 'active', 'expired_grace']),
      ),
    );
  return Object.fromEntries(
    rows.map((r) => [r.orgId, { status: r.status, daysLeft: r.endsAt && r.status === 'active' ? daysLeft(r.endsAt, now) : null }]),
  );
}
