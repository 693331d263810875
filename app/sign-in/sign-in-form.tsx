'use client';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { lazyZodResolver } from '@/components/ui/lazy-zod-resolver';
import type { signInSchema } from '@/lib/auth/sign-in-schema';
import { Button } from '@/components/ui/primitives';
import { signInAction } from './actions';

type Values = z.infer<typeof signInSchema>;

const signInResolver = lazyZodResolver<Values>(() => import('@/lib/auth/sign-in-schema').then((m) => m.signInSchema));

export function SignInForm({ callbackUrl, demoAccounts, demoPassword }: { callbackUrl?: string; demoAccounts: { email: string; label: string }[]; demoPassword?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const { register, handleSubmit, setValue, formState: { errors } } = useForm<Values>({ resolver: signInResolver, defaultValues: { email: '', password: '' } });

  const onSubmit = handleSubmit((values) => {
    setError(null);
    startTransition(async () => {
      const result = await signInAction({ ...values, callbackUrl });
      if (result?.error) setError(result.error);
      if (result?.fieldErrors) setError(Object.values(result.fieldErrors).flat()[0] ?? 'Check the form.');
    });
  });

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby={error ? 'sign-in-error' : undefined}>
        {error && (
          <p id="sign-in-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="sign-in-error">{error}</p>
        )}
        <div>
          <label htmlFor="email" className="block text-sm font-medium">E-mail</label>
          <input id="email" type="email" autoComplete="username" {...register('email')} aria-invalid={!!errors.email}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
          {errors.email && <p className="mt-1 text-sm text-red-700">{errors.email.message}</p>}
        </div>
        <div>
          <label htmlFor="password" className="block text-sm font-medium">Password</label>
          <input id="password" type="password" autoComplete="current-password" {...register('password')} aria-invalid={!!errors.password}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
          {errors.password && <p className="mt-1 text-sm text-red-700">{errors.password.message}</p>}
        </div>
        <Button type="submit" className="w-full" disabled={pending}>{pending ? 'Signing in…' : 'Sign in'}</Button>
      </form>
      {demoAccounts.length > 0 && (
        <section aria-labelledby="demo-accounts" className="rounded-md border border-slate-200 bg-slate-50 p-4 text-sm">
          <h2 id="demo-accounts" className="font-medium">Demo accounts</h2>
          <p className="mt-1 text-slate-600">Password for all: <code className="font-mono">{demoPassword}</code>. Choose one to fill the form.</p>
          <ul className="mt-2 space-y-1">
            {demoAccounts.map((a) => (
              <li key={a.email}>
                <button type="button" className="text-left text-brand-700 hover:underline"
                  onClick={() => { setValue('email', a.email); setValue('password', demoPassword ?? ''); }}>
                  <span className="font-mono">{a.email}</span>
                </button>
                <span className="text-slate-600"> — {a.label}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
