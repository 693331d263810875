import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { users } from '@/db/schema';
import { audit } from '@/lib/platform/audit';
import { NotFoundError } from '@/lib/platform/errors';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import { getSubscriberOrThrow } from './get-subscriber-or-throw';
import { numberConflictError } from './number-conflict';
import type { updateUserNamesSchema } from './subscriber-schemas';
import { emitSubscriberEvent } from '@/lib/webhooks/emit-resource-events';

/** First, last and display name and the primary e-mail: editable even under RBPM (SPEC §5.2). */
export async function updateUserNames(ctx: ServiceCtx, input: z.output<typeof updateUserNamesSchema>) {
  const sub = await getSubscriberOrThrow(ctx, input.subscriberId);
  if (!sub.userId) throw new NotFoundError('User not found.');
  const [before] = await ctx.db
    .select({ firstName: users.firstName, lastName: users.lastName, displayName: users.displayName, email: users.email })
    .from(users)
    .where(eq(users.id, sub.userId));
  const after = { firstName: input.firstName, lastName: input.lastName, displayName: input.displayName || null, email: input.email };
  try {
    await ctx.db.transaction(async (sp) => {
      await sp
        .update(users)
        .set({ ...after, updatedAt: ctx.clock.now() })
        .where(eq(users.id, sub.userId!));
      await emitSubscriberEvent({ db: sp, jobs: ctx.jobs, afterCommit: ctx.afterCommit }, 'subscriber.updated', sub.id, ctx.clock.now());
    });
  } catch (err) {
    const conflict = numberConflictError(err);
    if (conflict) throw conflict;
    throw err;
  }
  await audit(ctx.db, auditActor(ctx), {
    action: 'user.update',
    targetType: 'subscriber',
    targetId: sub.id,
    summary: `Edited user ${input.email}`,
    before,
    after,
  });
  return { subscriberId: sub.id };
}
