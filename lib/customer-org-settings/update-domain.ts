import type { z } from 'zod';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import type { updateDomainSchema } from './org-settings-schemas';
import { saveOrgSettings } from './save-org-settings';

/** A new domain has to be verified again; empty clears it. */
export const updateDomain = (ctx: ServiceCtx, input: z.output<typeof updateDomainSchema>) =>
  saveOrgSettings(ctx, 'domain', { domain: input.domain || null, domainVerified: false });
