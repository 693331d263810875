import { eq, sql } from 'drizzle-orm';
import { customers, onboardingTemplates } from '@/db/schema';
import { audit } from '@/lib/platform/audit';
import { ConflictError } from '@/lib/platform/errors';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import { getTemplateOrThrow } from './get-template-or-throw';
import type { DeleteTemplateInput } from './template-schema';
import { templateSnapshot } from './template-snapshot';
import { oneRow } from '@/db/one-row';

export const templateInUseMessage = (n: number) =>
  `This template is used by ${n} ${n === 1 ? 'customer' : 'customers'} and can't be deleted.`;

/**
 * SPEC §3: a template can be deleted only while no customer uses it. The row lock taken
 * first makes a customer created meanwhile either visible to the count or blocked by its
 * foreign key; the foreign key itself is the last line.
 */
export async function deleteTemplate(ctx: ServiceCtx, input: DeleteTemplateInput): Promise<{ id: string; name: string }> {
  const row = await getTemplateOrThrow(ctx, input.templateId);
  const { n } = await oneRow(
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(customers)
      .where(eq(customers.templateId, row.id)),
    'a count of customers using the template',
  );
  if (n > 0) throw new ConflictError(templateInUseMessage(n));
  await ctx.db.delete(onboardingTemplates).where(eq(onboardingTemplates.id, row.id));
  await audit(ctx.db, auditActor(ctx), {
    action: 'template.delete',
    targetType: 'template',
    targetId: row.id,
    summary: `Deleted onboarding template "${row.name}"`,
    before: templateSnapshot(row),
  });
  return { id: row.id, name: row.name };
}
