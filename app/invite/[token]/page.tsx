import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { findOpenInvitation } from '@/lib/auth/invitations';
import { AcceptInvitationForm } from './accept-form';

export const metadata: Metadata = { title: 'Accept invitation' };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findOpenInvitation(getDb(), token, new Date());
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold text-brand-700">Partner Hub</p>
        {invitation ? (
          <>
            <h1 className="mt-1 text-2xl font-semibold">Welcome to {invitation.orgName}</h1>
            <p className="mb-6 mt-1 text-sm text-slate-600">
              Set a password for <strong>{invitation.email}</strong> to finish setting up your account.
            </p>
            <AcceptInvitationForm token={token} />
          </>
        ) : (
          <>
            <h1 className="mt-1 text-2xl font-semibold">This invitation can't be used</h1>
            <p className="mt-2 text-sm text-slate-600">
              The link is invalid, already used or expired. Ask your administrator for a new invitation.
            </p>
            <Link href="/sign-in" className="mt-4 inline-block text-brand-700 underline">
              Go to sign in
            </Link>
          </>
        )}
      </div>
    </main>
  );
}
