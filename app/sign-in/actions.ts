'use server';
import { AuthError } from 'next-auth';
import { signIn } from '@/lib/auth/auth';
import { signInSchema } from '@/lib/auth/sign-in-schema';

export type SignInState = { error?: string; fieldErrors?: Record<string, string[]> } | null;

export async function signInAction(input: { email: string; password: string; callbackUrl?: string }): Promise<SignInState> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { fieldErrors: parsed.error.flatten().fieldErrors };
  // Only same-site paths; anything else lands on the home org.
  const to = input.callbackUrl && /^\/(?!\/)/.test(input.callbackUrl) ? input.callbackUrl : '/';
  try {
    await signIn('credentials', { ...parsed.data, redirectTo: to });
    return null;
  } catch (err) {
    // Success is a redirect thrown by Next: let it through.
    if (err instanceof AuthError) return { error: 'Incorrect e-mail or password.' };
    throw err;
  }
}
