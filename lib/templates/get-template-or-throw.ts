import { and, eq } from 'drizzle-orm';
import { onboardingTemplates } from '@/db/schema';
import { NotFoundError } from '@/lib/platform/errors';
import type { ServiceCtx } from '@/lib/platform/service-ctx';

/**
 * The org's template, row-locked for the rest of the transaction so an edit or delete
 * never races another. Another org's template id answers exactly like a missing one.
 */
export async function getTemplateOrThrow(ctx: Pick<ServiceCtx, 'db' | 'access'>, templateId: string) {
  const [row] = await ctx.db
    .select()
    .from(onboardingTemplates)
    .where(and(eq(onboardingTemplates.id, templateId), eq(onboardingTemplates.orgId, ctx.access.org.id)))
    .for('update');
  if (!row) throw new NotFoundError('Template not found.');
  return row;
}
