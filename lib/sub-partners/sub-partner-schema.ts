import { z } from 'zod';

import { isIsoDate } from '@/lib/billing/report-dates';

/** SPEC §6.4: self-service sub-partner setup. Shared by the form and the server. */
export const createSubPartnerSchema = z.object({
  name: z.string().trim().min(1, 'Enter the indirect provider’s name.').max(255, 'Use at most 255 characters.'),
  adminEmail: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'Enter the administrator’s e-mail.')
    .max(254, 'Use at most 254 characters.')
    .email('Enter a valid e-mail address.'),
  adminFirstName: z.string().trim().min(1, 'Enter a first name.').max(100),
  adminLastName: z.string().trim().min(1, 'Enter a last name.').max(100),
  subscriptionId: z.string().min(1, 'Choose the shared subscription.'),
  /** Defaults to the setup date. */
  billingStartDate: z.string().refine(isIsoDate, 'Enter a real date as YYYY-MM-DD.').optional().or(z.literal('')),
});
export type CreateSubPartnerInput = z.infer<typeof createSubPartnerSchema>;

export const setSubPartnerStateSchema = z.object({
  subPartnerOrgId: z.string().uuid(),
  state: z.enum(['active', 'suspended']),
});
