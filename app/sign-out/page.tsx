import type { Metadata } from 'next';
import Link from 'next/link';
import { signOut } from '@/lib/auth/auth';
import { buttonClass } from '@/components/ui/primitives';

export const metadata: Metadata = { title: 'Sign out' };

export default function SignOutPage() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <form
        className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm"
        action={async () => {
          'use server';
          await signOut({ redirectTo: '/sign-in' });
        }}
      >
        <h1 className="text-xl font-semibold">Sign out of Partner Hub?</h1>
        <div className="mt-6 flex justify-center gap-3">
          <Link href="/" className={buttonClass('secondary')}>
            Cancel
          </Link>
          <button type="submit" className={buttonClass('primary')}>
            Sign out
          </button>
        </div>
      </form>
    </main>
  );
}
