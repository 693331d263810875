import type { z } from 'zod';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import type { updateSsoSchema } from './org-settings-schemas';
import { saveOrgSettings } from './save-org-settings';

export const updateSso = (ctx: ServiceCtx, input: z.output<typeof updateSsoSchema>) => saveOrgSettings(ctx, 'sso', { sso: input });
