import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/lib/demo/accounts';
import { env } from '@/lib/env';
import { currentActor } from '@/lib/server/session';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await currentActor()) redirect('/');
  const { callbackUrl } = await searchParams;
  const demo = env().DEMO_MODE;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold text-brand-700">Partner Hub</p>
        <h1 className="mt-1 text-2xl font-semibold">Sign in</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">Manage your customers, indirect providers and billing.</p>
        <SignInForm
          callbackUrl={callbackUrl}
          demoAccounts={demo ? DEMO_ACCOUNTS.map(({ email, label }) => ({ email, label })) : []}
          demoPassword={demo ? DEMO_PASSWORD : undefined}
        />
      </div>
    </main>
  );
}
