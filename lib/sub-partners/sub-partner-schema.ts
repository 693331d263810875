import { z } from 'zod';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** SPEC §6.4: self-service sub-partner setup. Shared by the form and the server. */
export const createSubPartnerSchema = z.object({
  name: z.string().trim().min(1, 'Enter the indirect provider’s name.').max(255, 'Use at most 255 characters.'),
  adminEmail: z.string().trim().toLowerCase().min(1, 'Enter the administrator’s e-mail.').email('Enter a valid e-mail address.'),
  adminFirstName: z.string().trim().min(1, 'Enter a first name.').max(100),
  adminLastName: z.string().trim().min(1, 'Enter a last name.').max(100),
  subscriptionId: z.string().min(1, 'Choose the shared subscription.'),
  /** Defaults to the setup date. */
  billingStartDate: z.string().regex(isoDate, 'Use the format YYYY-MM-DD.').optional().or(z.literal('')),
});
export type CreateSubPartnerInput = z.infer<typeof createSubPartnerSchema>;

export const setSubPartnerStateSchema = z.object({
  subPartnerOrgId: z.string().uuid(),
  state: z.enum(['active', 'suspended']),
});
