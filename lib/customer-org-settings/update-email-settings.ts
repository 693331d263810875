import type { z } from 'zod';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import type { updateEmailSettingsSchema } from './org-settings-schemas';
import { saveOrgSettings } from './save-org-settings';

export const updateEmailSettings = (ctx: ServiceCtx, input: z.output<typeof updateEmailSettingsSchema>) =>
  saveOrgSettings(ctx, 'email', { suppressAdminInviteEmails: input.suppressAdminInviteEmails, emailLanguage: input.emailLanguage });
