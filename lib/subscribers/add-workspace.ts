import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { locations, subscribers } from '@/db/schema';
import { PACKAGE_INFO } from '@/lib/domain/packages';
import { openAssignment } from '@/lib/ledger/assignments';
import { audit } from '@/lib/platform/audit';
import { ValidationError } from '@/lib/platform/errors';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import { numberConflictError } from './number-conflict';
import type { addWorkspaceSchema } from './subscriber-schemas';
import { getViewCustomerOrThrow } from './get-view-customer-or-throw';
import { emitSubscriberEvent } from '@/lib/webhooks/emit-resource-events';
import { oneRow } from '@/db/one-row';

/** A workspace (hall phone, door phone…) with one of the customer's packages; billing starts now. */
export async function addWorkspace(ctx: ServiceCtx, input: z.output<typeof addWorkspaceSchema>) {
  const customer = await getViewCustomerOrThrow(ctx);
  if (!customer.packages.includes(input.package)) {
    throw new ValidationError('Check the highlighted fields.', {
      package: [`${PACKAGE_INFO[input.package].name} isn't one of this customer's packages.`],
    });
  }
  const [loc] = await ctx.db
    .select({ id: locations.id })
    .from(locations)
    .where(and(eq(locations.id, input.locationId), eq(locations.orgId, ctx.access.org.id)));
  if (!loc) throw new ValidationError('Check the highlighted fields.', { locationId: ['Choose a location of this organisation.'] });
  const now = ctx.clock.now();
  try {
    // A savepoint, so a lost race surfaces as a 409 rather than an aborted transaction.
    return await ctx.db.transaction(async (sp) => {
      const sub = await oneRow(
        sp
          .insert(subscribers)
          .values({
            customerId: customer.id,
            orgId: customer.orgId,
            kind: 'workspace',
            workspaceName: input.name,
            package: input.package,
            locationId: loc.id,
            extension: input.extension || null,
            primaryPhoneNumber: input.primaryPhoneNumber || null,
            status: 'provisioned',
            createdAt: now,
            lastStatusChangeAt: now,
          })
          .returning({ id: subscribers.id }),
        'the inserted subscriber',
      );
      await openAssignment(
        sp,
        { subscriberId: sub.id, customerId: customer.id, partnerOrgId: customer.partnerOrgId, locationId: loc.id },
        input.package,
        now,
      );
      await audit(sp, auditActor(ctx), {
        action: 'subscriber.create',
        targetType: 'subscriber',
        targetId: sub.id,
        summary: `Added workspace "${input.name}" with ${PACKAGE_INFO[input.package].name}`,
        after: input,
      });
      await emitSubscriberEvent({ db: sp, jobs: ctx.jobs, afterCommit: ctx.afterCommit }, 'subscriber.created', sub.id, now);
      return { subscriberId: sub.id };
    });
  } catch (err) {
    const conflict = numberConflictError(err);
    if (conflict) throw conflict;
    throw err;
  }
}
