import { z } from 'zod';

/** Sign-in form fields; shared by the form and the server. Kept free of server imports (it ships to the browser). */
export const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your e-mail address.').email('Enter a valid e-mail address.'),
  password: z.string().min(1, 'Enter your password.'),
});
