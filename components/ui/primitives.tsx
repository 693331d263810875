import type { ReactNode } from 'react';

export { Button } from './button';
export { buttonClass } from './button-class';

export function Card({ title, children, actions }: { title?: ReactNode; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="min-w-0 rounded-lg border border-slate-200 bg-white shadow-sm">
      {(title || actions) && (
        <header className="flex items-center justify-between border-b border-slate-100 px-5 py-3">
          {title && <h2 className="text-base font-semibold">{title}</h2>}
          {actions}
        </header>
      )}
      {/* Wide content (a table, a chart) scrolls inside the card, never the page. */}
      <div className="relative min-w-0 overflow-x-auto p-5">{children}</div>
    </section>
  );
}

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      </div>
      {actions}
    </div>
  );
}

const BADGE_TONES = {
  green: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20',
  blue: 'bg-brand-50 text-brand-700 ring-brand-600/20',
  amber: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  red: 'bg-red-50 text-red-800 ring-red-600/20',
  gray: 'bg-slate-100 text-slate-700 ring-slate-500/20',
} as const;
export type BadgeTone = keyof typeof BADGE_TONES;

export function Badge({ tone = 'gray', children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${BADGE_TONES[tone]}`}>
      {children}
    </span>
  );
}

/** An empty list or section: what it is, what to do next and (when there is one) the button that does it. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center" data-testid="empty-state">
      <p className="font-medium">{title}</p>
      {children && <div className="mt-1 text-sm text-slate-600">{children}</div>}
      {action && <div className="mt-4 flex flex-wrap justify-center gap-2">{action}</div>}
    </div>
  );
}

export function Stat({ label, value, href }: { label: string; value: ReactNode; href?: string }) {
  const body = (
    <>
      <p className="text-sm text-slate-600">{label}</p>
      <p className="mt-1 text-3xl font-semibold tabular-nums">{value}</p>
    </>
  );
  return href ? (
    <a href={href} className="block rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-600">
      {body}
    </a>
  ) : (
    <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">{body}</div>
  );
}

/** Friendly 403 rendered inside the shell: why, and (from the gate) what to do next. */
export function Forbidden({ message, next }: { message: string; next?: ReactNode }) {
  return (
    <div className="mx-auto max-w-lg rounded-lg border border-amber-200 bg-amber-50 p-8 text-center" data-testid="forbidden">
      <p className="text-sm font-semibold uppercase tracking-wide text-amber-800">403 · Not allowed</p>
      <p className="mt-2 text-lg">{message}</p>
      {next && (
        <p className="mt-2 text-sm text-slate-600" data-testid="forbidden-next">
          {next}
        </p>
      )}
    </div>
  );
}
