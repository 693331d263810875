'use client';
import { useActionState, useRef } from 'react';
import { Button } from '@/components/ui/primitives';
import { signInFormAction, type SignInState } from './actions';

/**
 * Sign-in as a plain `<form action>` bound to a server action with useActionState: it works
 * before hydration and with JavaScript disabled (the browser posts the form, the server
 * signs in and redirects, or renders the page again with the error).
 */
export function SignInForm({
  callbackUrl,
  demoAccounts,
  demoPassword,
}: {
  callbackUrl?: string;
  demoAccounts: { email: string; label: string }[];
  demoPassword?: string;
}) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInFormAction, null);
  const email = useRef<HTMLInputElement>(null);
  const password = useRef<HTMLInputElement>(null);
  const fieldErrors = state?.fieldErrors ?? {};
  const error = state?.error ?? null;

  const fill = (address: string) => {
    if (email.current) email.current.value = address;
    if (password.current) password.current.value = demoPassword ?? '';
  };

  return (
    <div className="space-y-6">
      <form action={formAction} noValidate className="space-y-4" aria-describedby={error ? 'sign-in-error' : undefined}>
        {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
        {error && (
          <p id="sign-in-error" role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="sign-in-error">
            {error}
          </p>
        )}
        <div>
          <label htmlFor="email" className="block text-sm font-medium">
            E-mail
          </label>
          <input
            ref={email}
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            defaultValue={state?.email ?? ''}
            aria-invalid={!!fieldErrors.email}
            aria-describedby={fieldErrors.email ? 'email-error' : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
          {fieldErrors.email && (
            <p id="email-error" className="mt-1 text-sm text-red-700">
              {fieldErrors.email[0]}
            </p>
          )}
        </div>
        <div>
          <label htmlFor="password" className="block text-sm font-medium">
            Password
          </label>
          <input
            ref={password}
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            aria-invalid={!!fieldErrors.password}
            aria-describedby={fieldErrors.password ? 'password-error' : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
          {fieldErrors.password && (
            <p id="password-error" className="mt-1 text-sm text-red-700">
              {fieldErrors.password[0]}
            </p>
          )}
        </div>
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      {demoAccounts.length > 0 && (
        <section aria-labelledby="demo-accounts" className="rounded-md border border-slate-200 bg-slate-50 p-4 text-sm">
          <h2 id="demo-accounts" className="font-medium">
            Demo accounts
          </h2>
          <p className="mt-1 text-slate-600">
            Password for all: <code className="font-mono">{demoPassword}</code>. Choose one to fill the form.
          </p>
          <ul className="mt-2 space-y-1">
            {demoAccounts.map((a) => (
              <li key={a.email}>
                <Button variant="link" onClick={() => fill(a.email)}>
                  <span className="font-mono">{a.email}</span>
                </Button>
                <span className="text-slate-600"> — {a.label}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
