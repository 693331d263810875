import { z } from 'zod';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacters } from '@/lib/domain/text';

/** Setting a password from an invitation; shared by the form and the server action. */
export const acceptInvitationSchema = z
  .object({
    token: z
      .string()
      .min(20)
      .max(200)
      .regex(/^[\w-]+$/),
    password: z
      .string()
      .min(12, 'Use at least 12 characters.')
      .max(200)
      .refine((v) => !hasControlCharacters(v), CONTROL_CHARACTER_MESSAGE),
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'The passwords do not match.' });
