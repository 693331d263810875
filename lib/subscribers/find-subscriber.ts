import { and, eq, isNull } from 'drizzle-orm';
import { subscribers } from '@/db/schema';
import { isUuid } from '@/lib/auth/access';
import { NotFoundError } from '@/lib/platform/errors';
import type { ServiceCtx } from '@/lib/platform/service-ctx';

/** An active subscriber of the org in the URL, locked for the change; anything else is a 404. */
export async function findSubscriber(ctx: ServiceCtx, subscriberId: string) {
  if (!isUuid(subscriberId)) throw new NotFoundError('User not found.');
  const [row] = await ctx.db.select().from(subscribers)
    .where(and(eq(subscribers.id, subscriberId), eq(subscribers.orgId, ctx.access.org.id), isNull(subscribers.removedAt)))
    .for('update');
  if (!row) throw new NotFoundError('User not found.');
  return row;
}
