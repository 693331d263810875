import { z } from 'zod';
import { PARTNER_ROLES } from '@/lib/domain/roles';

// Shared by the forms and the server (Settings → Administrators).
const roles = z
  .array(z.enum(PARTNER_ROLES))
  .min(1, 'Choose at least one role.')
  .transform((r) => [...new Set(r)]);

export const inviteAdminSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, 'Enter the e-mail address.').email('Enter a valid e-mail address.').max(254),
  firstName: z.string().trim().min(1, 'Enter a first name.').max(100, 'Use at most 100 characters.'),
  lastName: z.string().trim().min(1, 'Enter a last name.').max(100, 'Use at most 100 characters.'),
  roles,
});
export type InviteAdminInput = z.input<typeof inviteAdminSchema>;

export const adminIdSchema = z.object({ userId: z.string().uuid('Unknown administrator.') });

export const changeRolesSchema = z.object({ userId: z.string().uuid('Unknown administrator.'), roles });
export type ChangeRolesInput = z.input<typeof changeRolesSchema>;
