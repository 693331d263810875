'use server';
import { AuthError } from 'next-auth';
import { signIn, SignInThrottled } from '@/lib/auth/auth';
import { signInSchema } from '@/lib/auth/sign-in-schema';
import { throttleMessage } from '@/lib/auth/sign-in-throttle';
import { safeCallbackPath } from '@/lib/platform/safe-redirect';

export type SignInState = { error?: string; fieldErrors?: Record<string, string[]> } | null;

export async function signInAction(input: { email: string; password: string; callbackUrl?: string }): Promise<SignInState> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { fieldErrors: parsed.error.flatten().fieldErrors };
  // Only paths of this site; anything else lands on the home org.
  const to = safeCallbackPath(input.callbackUrl);
  try {
    await signIn('credentials', { ...parsed.data, redirectTo: to });
    return null;
  } catch (err) {
    // Success is a redirect thrown by Next: let it through.
    if (err instanceof SignInThrottled) return { error: throttleMessage(err.retryAfterMinutes) };
    if (err instanceof AuthError) return { error: 'Incorrect e-mail or password.' };
    throw err;
  }
}
