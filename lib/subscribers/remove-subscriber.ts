import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { subscribers } from '@/db/schema';
import { closeSubscriberAssignment } from '@/lib/ledger/assignments';
import { audit } from '@/lib/platform/audit';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import { getSubscriberOrThrow } from './get-subscriber-or-throw';
import type { subscriberIdSchema } from './subscriber-schemas';
import { emitSubscriberEvent } from '@/lib/webhooks/emit-resource-events';

/**
 * Removes a user or workspace: billing stops now and the row becomes history. Setting
 * removedAt releases its number and extension (the unique indexes cover active rows only).
 */
export async function removeSubscriber(ctx: ServiceCtx, input: z.output<typeof subscriberIdSchema>) {
  const sub = await getSubscriberOrThrow(ctx, input.subscriberId);
  const now = ctx.clock.now();
  await closeSubscriberAssignment(ctx.db, sub.id, now);
  await ctx.db.update(subscribers).set({ removedAt: now, status: 'removed', lastStatusChangeAt: now }).where(eq(subscribers.id, sub.id));
  await emitSubscriberEvent(ctx, 'subscriber.deleted', sub.id, now);
  await audit(ctx.db, auditActor(ctx), {
    action: 'subscriber.remove',
    targetType: 'subscriber',
    targetId: sub.id,
    summary: `Removed a ${sub.kind}`,
    before: { package: sub.package, extension: sub.extension, primaryPhoneNumber: sub.primaryPhoneNumber },
  });
  return { subscriberId: sub.id };
}
