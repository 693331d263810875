import { and, eq } from 'drizzle-orm';
import { billingReports, orgs } from '@/db/schema';
import { QUEUES } from '@/lib/platform/queues';
import { parseInput } from '@/lib/server/guard';
import { audit } from '@/lib/platform/audit';
import { ConflictError, uniqueViolation, ValidationError } from '@/lib/platform/errors';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import { utcDay } from './report-dates';
import { createReportSchema, type ReportRequest } from './report-schema';
import { selectReports, toReportView, type BillingReportView } from './report-view';
import { oneRow } from '@/db/one-row';

export const DUPLICATE_REPORT_MESSAGE = 'A report for this period and type already exists. Delete it before generating it again.';

/** A parent partner may report on one of its own indirect providers, nobody else's. */
async function requireOwnSubPartner(ctx: ServiceCtx, subPartnerOrgId: string): Promise<{ id: string; name: string }> {
  const field = (message: string) => new ValidationError(message, { subPartnerOrgId: [message] });
  if (ctx.access.org.kind !== 'partner') throw field('Only a parent partner can create reports for an indirect provider.');
  const [sub] = await ctx.db
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .where(and(eq(orgs.id, subPartnerOrgId), eq(orgs.kind, 'sub_partner'), eq(orgs.parentPartnerId, ctx.access.org.id)));
  if (!sub) throw field('This indirect provider is not one of yours.');
  return sub;
}

/**
 * Starts a billing report (SPEC §7.2): the row is IN_PROGRESS and a job generates it
 * after commit. The partial unique index billing_reports_live_unique — not a lookup —
 * refuses a second live report for the same period, type and indirect provider, so two
 * racing requests cannot both succeed.
 */
export async function createReport(ctx: ServiceCtx, request: ReportRequest): Promise<BillingReportView> {
  const input = parseInput(createReportSchema(utcDay(ctx.clock.now())), request);
  const sub = input.subPartnerOrgId ? await requireOwnSubPartner(ctx, input.subPartnerOrgId) : null;
  let id: string;
  try {
    ({ id } = await oneRow(
      ctx.db
        .insert(billingReports)
        .values({
          orgId: ctx.access.org.id,
          subPartnerOrgId: sub?.id ?? null,
          type: input.type,
          billingStartDate: input.billingStartDate,
          billingEndDate: input.billingEndDate,
          createdBy: ctx.access.actor.userId,
          createdAt: ctx.clock.now(),
        })
        .returning({ id: billingReports.id }),
      'the inserted report',
    ));
  } catch (err) {
    if (uniqueViolation(err) === 'billing_reports_live_unique') throw new ConflictError(DUPLICATE_REPORT_MESSAGE);
    throw err;
  }
  const about = sub ? ` for ${sub.name}` : '';
  await audit(ctx.db, auditActor(ctx), {
    action: 'billing.report.create',
    targetType: 'billing_report',
    targetId: id,
    summary: `Requested a ${input.type} billing report${about} for ${input.billingStartDate} to ${input.billingEndDate}`,
    after: {
      type: input.type,
      billingStartDate: input.billingStartDate,
      billingEndDate: input.billingEndDate,
      subPartnerOrgId: sub?.id ?? null,
    },
  });
  ctx.afterCommit(() => ctx.jobs.send(QUEUES.generateReport, { reportId: id }, { singletonKey: id }));
  const row = await oneRow(selectReports(ctx.db).where(eq(billingReports.id, id)), 'the new report');
  return toReportView(row);
}
