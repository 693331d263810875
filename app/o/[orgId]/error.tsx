'use client';
import { useEffect } from 'react';
import { Button } from '@/components/ui/primitives';

/** Error boundary for org pages: the shell stays, the page offers a retry. */
export default function OrgError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-lg border border-red-200 bg-red-50 p-8 text-center" data-testid="page-error">
      <h1 className="text-lg font-semibold text-red-900">Something went wrong</h1>
      <p className="mt-2 text-sm text-slate-700">
        This page could not be loaded. Try again; if it keeps failing, contact support{digest ? ' with the reference below' : ''}.
      </p>
      {digest && <p className="mt-2 font-mono text-xs text-slate-500">Reference: {digest}</p>}
      <Button className="mt-4" onClick={() => retry()}>
        Retry
      </Button>
    </div>
  );
}
