// Inputs of the Account and Organisation settings forms (SPEC §5.2), shared with the server.
import { z } from 'zod';
import { idpEntityIdSchema, idpNameSchema } from '@/lib/domain/identity-provider';
import { LOCALES } from '@/lib/domain/locales';

export const updateAccountSchema = z.object({
  companyName: z
    .string()
    .trim()
    .min(1, 'Enter the company name.')
    .max(255, 'Company name can be at most 255 characters.')
    .refine((v) => !v.includes('%'), 'Company name can’t contain “%”.'),
});

export const updateDomainSchema = z.object({
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .max(253, 'A domain can be at most 253 characters.')
    .regex(/^$|^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'Enter a domain such as example.com.'),
});

export const updateEmailSettingsSchema = z.object({
  suppressAdminInviteEmails: z.boolean(),
  emailLanguage: z.enum(LOCALES, 'Choose the email language.'),
});

export const updateSsoSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('webex') }),
  // The same IdP rules as the onboarding template (one rule, lib/domain/identity-provider.ts).
  z.object({ mode: z.literal('saml'), idpEntityId: idpEntityIdSchema }),
  z.object({ mode: z.literal('oidc'), idpName: idpNameSchema }),
]);
