import { onboardingTemplates } from '@/db/schema';
import { audit } from '@/lib/platform/audit';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import { assertTemplateReferences } from './assert-template-references';
import { newProvisioningId } from './new-provisioning-id';
import { rethrowTemplateNameConflict } from './template-name-conflict';
import type { TemplateInput } from './template-schema';
import { templateColumns } from './template-fields';
import { templateSnapshot } from './template-snapshot';
import { oneRow } from '@/db/one-row';

export interface CreatedTemplate {
  id: string;
  name: string;
  provisioningId: string;
}

/** SPEC §3: creates an onboarding template in the org of ctx (also cross-launched into a sub-partner). */
export async function createTemplate(ctx: ServiceCtx, input: TemplateInput): Promise<CreatedTemplate> {
  await assertTemplateReferences(ctx, input);
  const now = ctx.clock.now();
  const row = await oneRow(
    ctx.db
      .insert(onboardingTemplates)
      .values({
        orgId: ctx.access.org.id,
        ...templateColumns(input),
        provisioningId: newProvisioningId(),
        createdBy: ctx.access.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
    'the inserted template',
  ).catch(rethrowTemplateNameConflict);
  await audit(ctx.db, auditActor(ctx), {
    action: 'template.create',
    targetType: 'template',
    targetId: row.id,
    summary: `Created onboarding template "${row.name}"`,
    after: templateSnapshot(row),
  });
  return { id: row.id, name: row.name, provisioningId: row.provisioningId };
}
