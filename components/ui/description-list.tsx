import type { ReactNode } from 'react';

/** A label/value list (`<dl>`) with a divider between rows; see `DescriptionRow`. */
export function DescriptionList({ testId, children }: { testId?: string; children: ReactNode }) {
  return (
    <dl className="divide-y divide-slate-100" data-testid={testId}>
      {children}
    </dl>
  );
}

/** One `<dt>`/`<dd>` pair: the label in the first third, the value beside it (stacked on small screens). */
export function DescriptionRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2.5 sm:grid-cols-3">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-sm sm:col-span-2">{children}</dd>
    </div>
  );
}
