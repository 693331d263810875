import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4">
      <div className="max-w-md text-center" data-testid="not-found">
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-500">404</p>
        <h1 className="mt-1 text-2xl font-semibold">Page not found</h1>
        <p className="mt-2 text-slate-600">It doesn&apos;t exist, or you don&apos;t have access to it.</p>
        <Link href="/" className="mt-4 inline-block text-brand-700 underline">
          Go to your organisation
        </Link>
      </div>
    </main>
  );
}
