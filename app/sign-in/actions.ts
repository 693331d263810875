'use server';
import { AuthError } from 'next-auth';
import { signIn, SignInThrottled } from '@/lib/auth/auth';
import { signInSchema } from '@/lib/auth/sign-in-schema';
import { throttleMessage } from '@/lib/auth/sign-in-throttle';
import { safeCallbackPath } from '@/lib/platform/safe-redirect';

export type SignInState = { error?: string; fieldErrors?: Record<string, string[]>; email?: string } | null;

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

/** The `<form action>` door (useActionState): works without JavaScript; keeps the e-mail on failure. */
export async function signInFormAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const text = (k: string) => {
    const v = form.get(k);
    return typeof v === 'string' ? v : '';
  };
  const email = text('email');
  const result = await signInAction({ email, password: text('password'), callbackUrl: text('callbackUrl') || undefined });
  return result && { ...result, email };
}
