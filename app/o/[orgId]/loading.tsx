/** Skeleton shown inside the shell while an org page's data loads. */
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse" data-testid="page-loading">
      <span className="sr-only">Loading…</span>
      <div className="mb-6 space-y-2">
        <div className="h-7 w-48 rounded bg-slate-200" />
        <div className="h-4 w-80 rounded bg-slate-100" />
      </div>
      <div className="mb-4 h-10 w-full max-w-xl rounded-md bg-slate-100" />
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="flex gap-4 border-b border-slate-100 py-3 last:border-0">
            <div className="h-4 w-1/4 rounded bg-slate-200" />
            <div className="h-4 w-1/6 rounded bg-slate-100" />
            <div className="h-4 w-1/3 rounded bg-slate-100" />
          </div>
        ))}
      </div>
    </div>
  );
}
