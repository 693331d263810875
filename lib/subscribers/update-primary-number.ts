import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { subscribers } from '@/db/schema';
import { audit } from '@/lib/platform/audit';
import { ValidationError } from '@/lib/platform/errors';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import { getSubscriberOrThrow } from './get-subscriber-or-throw';
import { numberConflictError } from './number-conflict';
import { numberingIssues, type updatePrimaryNumberSchema } from './subscriber-schemas';
import { emitSubscriberEvent } from '@/lib/webhooks/emit-resource-events';

/** The primary work number (read-only for customer admins under RBPM); empty removes it. */
export async function updatePrimaryNumber(ctx: ServiceCtx, input: z.output<typeof updatePrimaryNumberSchema>) {
  const sub = await getSubscriberOrThrow(ctx, input.subscriberId);
  const [issue] = numberingIssues({ package: sub.package, extension: sub.extension ?? '', primaryPhoneNumber: input.primaryPhoneNumber });
  if (issue) throw new ValidationError(issue.message, { primaryPhoneNumber: [issue.message] });
  try {
    await ctx.db.transaction(async (sp) => {
      await sp
        .update(subscribers)
        .set({ primaryPhoneNumber: input.primaryPhoneNumber || null })
        .where(eq(subscribers.id, sub.id));
      await emitSubscriberEvent({ db: sp, jobs: ctx.jobs, afterCommit: ctx.afterCommit }, 'subscriber.updated', sub.id, ctx.clock.now());
    });
  } catch (err) {
    const conflict = numberConflictError(err);
    if (conflict) throw conflict;
    throw err;
  }
  await audit(ctx.db, auditActor(ctx), {
    action: 'subscriber.number.update',
    targetType: 'subscriber',
    targetId: sub.id,
    summary: 'Changed the primary work number',
    before: { primaryPhoneNumber: sub.primaryPhoneNumber },
    after: { primaryPhoneNumber: input.primaryPhoneNumber || null },
  });
  return { subscriberId: sub.id };
}
