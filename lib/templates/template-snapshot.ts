import type { onboardingTemplates } from '@/db/schema';
import { templateColumns } from './template-fields';

type TemplateRow = typeof onboardingTemplates.$inferSelect;

/** The settings of a template as recorded in the audit log (before/after), without bookkeeping columns. */
export function templateSnapshot(t: TemplateRow) {
  return { ...templateColumns(t), provisioningId: t.provisioningId };
}
