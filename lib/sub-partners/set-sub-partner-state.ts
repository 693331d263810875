import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { orgs } from '@/db/schema';
import { audit } from '@/lib/platform/audit';
import { NotFoundError } from '@/lib/platform/errors';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import type { setSubPartnerStateSchema } from './sub-partner-schema';

/** Suspends or reactivates one of this partner's sub-partners (suspended: can only delete, SPEC §8). */
export async function setSubPartnerState(ctx: ServiceCtx, input: z.output<typeof setSubPartnerStateSchema>) {
  const [sub] = await ctx.db
    .select({ id: orgs.id, name: orgs.name, state: orgs.state })
    .from(orgs)
    .where(and(eq(orgs.id, input.subPartnerOrgId), eq(orgs.parentPartnerId, ctx.access.org.id)))
    .for('update');
  if (!sub) throw new NotFoundError('Indirect provider not found.');
  if (sub.state === input.state) return { state: sub.state };
  await ctx.db.update(orgs).set({ state: input.state, updatedAt: ctx.clock.now() }).where(eq(orgs.id, sub.id));
  await audit(ctx.db, auditActor(ctx), {
    action: input.state === 'suspended' ? 'subPartner.suspend' : 'subPartner.reactivate',
    targetType: 'org',
    targetId: sub.id,
    summary: `${input.state === 'suspended' ? 'Suspended' : 'Reactivated'} indirect provider "${sub.name}"`,
    before: { state: sub.state },
    after: { state: input.state },
  });
  return { state: input.state };
}
