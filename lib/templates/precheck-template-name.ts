import { and, eq, ne, sql } from 'drizzle-orm';
import { onboardingTemplates } from '@/db/schema';
import { ConflictError } from '@/lib/platform/errors';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import { TEMPLATE_NAME_TAKEN } from './template-name-conflict';
import type { TemplateNameCheckInput } from './template-schema';

/**
 * Uniqueness where the value is entered (issue 17): the template wizard asks on the Next of
 * the step that holds the name, so a taken name is shown there, not after Submit. Compares
 * as the unique index does (org, lower(name)); when editing, the template itself doesn't
 * count. Reads only the actor's own org, so another tenant's names are never revealed.
 * The index still decides a race at Submit (rethrowTemplateNameConflict).
 */
export async function precheckTemplateName(ctx: ServiceCtx, input: TemplateNameCheckInput): Promise<{ ok: true }> {
  const [taken] = await ctx.db
    .select({ id: onboardingTemplates.id })
    .from(onboardingTemplates)
    .where(
      and(
        eq(onboardingTemplates.orgId, ctx.access.org.id),
        sql`lower(${onboardingTemplates.name}) = lower(${input.name})`,
        input.templateId ? ne(onboardingTemplates.id, input.templateId) : undefined,
      ),
    )
    .limit(1);
  if (taken) throw new ConflictError(TEMPLATE_NAME_TAKEN, { name: [TEMPLATE_NAME_TAKEN] });
  return { ok: true };
}
