import { z } from 'zod';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacters } from '@/lib/domain/text';

const plain = (v: string) => !hasControlCharacters(v);

/** Sign-in form fields; shared by the form and the server. Kept free of server imports (it ships to the browser). */
export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your e-mail address.')
    .email('Enter a valid e-mail address.')
    .refine(plain, CONTROL_CHARACTER_MESSAGE),
  password: z.string().min(1, 'Enter your password.').refine(plain, CONTROL_CHARACTER_MESSAGE),
});
