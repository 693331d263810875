import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { roleGrants, subscribers } from '@/db/schema';
import { PACKAGE_INFO } from '@/lib/domain/packages';
import { changeAssignment } from '@/lib/ledger/assignments';
import { audit } from '@/lib/platform/audit';
import { ValidationError } from '@/lib/platform/errors';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import { getSubscriberOrThrow } from './get-subscriber-or-throw';
import { numberConflictError } from './number-conflict';
import { numberingIssues, type changePackageSchema } from './subscriber-schemas';
import { getViewCustomerOrThrow } from './get-view-customer-or-throw';
import { emitSubscriberEvent } from '@/lib/webhooks/emit-resource-events';

const invalid = (field: string, message: string) => new ValidationError(message, { [field]: [message] });

/**
 * Moves a subscriber to another of the customer's packages. The ledger closes the old
 * interval and opens the new one at the same instant (SPEC §7.1).
 */
export async function changePackage(ctx: ServiceCtx, input: z.output<typeof changePackageSchema>) {
  const customer = await getViewCustomerOrThrow(ctx);
  const sub = await getSubscriberOrThrow(ctx, input.subscriberId);
  const to = input.package;
  if (sub.package === to) return { subscriberId: sub.id, package: to };
  if (!customer.packages.includes(to)) throw invalid('package', `${PACKAGE_INFO[to].name} isn't one of this customer's packages.`);
  if (sub.kind === 'user' && to === 'common_area_calling') throw invalid('package', 'Common Area Calling is for workspaces, not people.');
  if (sub.userId && customer.creationPackage) {
    const [admin] = await ctx.db
      .select({ role: roleGrants.role })
      .from(roleGrants)
      .where(
        and(
          eq(roleGrants.userId, sub.userId),
          eq(roleGrants.orgId, customer.orgId),
          inArray(roleGrants.role, ['customer_full_admin', 'customer_readonly_admin']),
        ),
      )
      .limit(1);
    if (admin && PACKAGE_INFO[to].rank < PACKAGE_INFO[customer.creationPackage].rank) {
      throw invalid('package', "Administrators can't be moved to a lower package.");
    }
  }

  // Calling → meetings releases the numbers; meetings → calling needs new ones; calling → calling keeps them.
  const calling = PACKAGE_INFO[to].calling;
  const keep = calling && PACKAGE_INFO[sub.package].calling;
  const extension = calling ? (keep ? (sub.extension ?? '') : input.extension) : '';
  const primaryPhoneNumber = calling ? (keep ? (sub.primaryPhoneNumber ?? '') : input.primaryPhoneNumber) : '';
  const [issue] = numberingIssues({ package: to, extension, primaryPhoneNumber });
  if (issue) throw invalid(issue.path, issue.message);

  const now = ctx.clock.now();
  try {
    await ctx.db.transaction(async (sp) => {
      await sp
        .update(subscribers)
        .set({ package: to, extension: extension || null, primaryPhoneNumber: primaryPhoneNumber || null, lastStatusChangeAt: now })
        .where(eq(subscribers.id, sub.id));
      await changeAssignment(
        sp,
        { subscriberId: sub.id, customerId: customer.id, partnerOrgId: customer.partnerOrgId, locationId: sub.locationId },
        to,
        now,
      );
      await emitSubscriberEvent({ db: sp, jobs: ctx.jobs, afterCommit: ctx.afterCommit }, 'subscriber.updated', sub.id, now);
    });
  } catch (err) {
    const conflict = numberConflictError(err);
    if (conflict) throw conflict;
    throw err;
  }
  await audit(ctx.db, auditActor(ctx), {
    action: 'subscriber.package.change',
    targetType: 'subscriber',
    targetId: sub.id,
    summary: `Changed package from ${PACKAGE_INFO[sub.package].name} to ${PACKAGE_INFO[to].name}`,
    before: { package: sub.package, extension: sub.extension, primaryPhoneNumber: sub.primaryPhoneNumber },
    after: { package: to, extension: extension || null, primaryPhoneNumber: primaryPhoneNumber || null },
  });
  return { subscriberId: sub.id, package: to };
}
