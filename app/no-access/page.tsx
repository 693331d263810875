import Link from 'next/link';

export default function NoAccess() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="max-w-md text-center">
        <h1 className="text-xl font-semibold">No organisation to manage</h1>
        <p className="mt-2 text-slate-600">
          Your account has no administrator role in any organisation. Ask your administrator to grant one.
        </p>
        <Link href="/sign-out" className="mt-4 inline-block text-brand-700 underline">
          Sign out
        </Link>
      </div>
    </main>
  );
}
