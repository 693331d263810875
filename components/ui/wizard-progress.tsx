/** A wizard's step list; the current step carries aria-current="step", done steps say so. */
export function WizardProgress({ steps, current }: { steps: readonly string[]; current: number }) {
  return (
    <nav aria-label="Progress" className="mb-6">
      <ol className="flex flex-wrap gap-x-4 gap-y-2 text-sm" data-testid="wizard-progress">
        {steps.map((title, i) => {
          const state = i === current ? 'current' : i < current ? 'done' : 'todo';
          return (
            <li key={title} aria-current={state === 'current' ? 'step' : undefined} className="flex items-center gap-2">
              <span
                aria-hidden
                className={`flex h-6 w-6 items-center justify-center rounded-full text-xs font-semibold ${state === 'current' ? 'bg-brand-600 text-white' : state === 'done' ? 'bg-brand-100 text-brand-700' : 'bg-slate-200 text-slate-600'}`}
              >
                {state === 'done' ? '✓' : i + 1}
              </span>
              <span className={state === 'current' ? 'font-semibold text-slate-900' : 'text-slate-600'}>
                {title}
                {state === 'done' && <span className="sr-only"> (completed)</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
