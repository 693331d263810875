import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { orgs } from '@/db/schema';
import { audit } from '@/lib/platform/audit';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import type { updateAccountSchema } from './org-settings-schemas';
import { oneRow } from '@/db/one-row';

/** The company name lives on orgs; customers.name follows by trigger (never written here). */
export async function updateAccount(ctx: ServiceCtx, input: z.output<typeof updateAccountSchema>) {
  const orgId = ctx.access.org.id;
  const before = await oneRow(ctx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, orgId)).for('update'), 'the org');
  await ctx.db.update(orgs).set({ name: input.companyName, updatedAt: ctx.clock.now() }).where(eq(orgs.id, orgId));
  await audit(ctx.db, auditActor(ctx), {
    action: 'org.rename',
    targetType: 'org',
    targetId: orgId,
    summary: `Renamed "${before.name}" to "${input.companyName}"`,
    before,
    after: { name: input.companyName },
  });
  return { orgId, name: input.companyName };
}
