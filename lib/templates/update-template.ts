import { eq } from 'drizzle-orm';
import { onboardingTemplates } from '@/db/schema';
import { audit } from '@/lib/platform/audit';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import { assertTemplateReferences } from './assert-template-references';
import { getTemplateOrThrow } from './get-template-or-throw';
import { rethrowTemplateNameConflict } from './template-name-conflict';
import type { UpdateTemplateInput } from './template-schema';
import { templateColumns } from './template-fields';
import { templateSnapshot } from './template-snapshot';
import { oneRow } from '@/db/one-row';

/**
 * SPEC §3: edits a template's settings. Customers keep what they were created with
 * (provisioning copies the settings), so a change applies to customers created afterwards.
 * The provisioning ID never changes: back-office systems keep using it.
 */
export async function updateTemplate(ctx: ServiceCtx, input: UpdateTemplateInput): Promise<{ id: string; name: string }> {
  const before = await getTemplateOrThrow(ctx, input.templateId);
  await assertTemplateReferences(ctx, input);
  const row = await oneRow(
    ctx.db
      .update(onboardingTemplates)
      .set({
        ...templateColumns(input),
        updatedAt: ctx.clock.now(),
      })
      .where(eq(onboardingTemplates.id, before.id))
      .returning(),
    'the updated template',
  ).catch(rethrowTemplateNameConflict);
  await audit(ctx.db, auditActor(ctx), {
    action: 'template.update',
    targetType: 'template',
    targetId: row.id,
    summary:
      before.name === row.name
        ? `Edited onboarding template "${row.name}"`
        : `Edited onboarding template "${before.name}" (now "${row.name}")`,
    before: templateSnapshot(before),
    after: templateSnapshot(row),
  });
  return { id: row.id, name: row.name };
}
