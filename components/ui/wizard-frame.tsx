// The one wizard layout (issue 17): every wizard — create customer, onboarding template,
// set up customer — shows its step the same way ("Step 2 of 6" above a focusable heading),
// its form-level error in the same box, its fields in the same grid and its buttons in the
// same footer, so moving between them feels like one product.
import type { ReactNode, Ref } from 'react';

/** The panel the step's content sits in. */
export const WIZARD_PANEL_CLASS = 'rounded-lg border border-slate-200 bg-white p-6 shadow-sm';
/** The fields of a step: two columns from `sm` up; a field spanning both uses `sm:col-span-2`. */
export const WIZARD_FIELDS_CLASS = 'grid gap-5 sm:grid-cols-2';

/** "Step n of m" and the step's title; focus moves to the heading on each step (tabIndex -1). */
export function WizardStepHeading({
  step,
  total,
  title,
  headingRef,
}: {
  step: number;
  total: number;
  title: string;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  return (
    <>
      <p className="text-sm text-slate-600">
        Step {step + 1} of {total}
      </p>
      <h2 id="wizard-step-heading" ref={headingRef} tabIndex={-1} className="mb-5 text-lg font-semibold outline-none">
        {title}
      </h2>
    </>
  );
}

/** A problem that belongs to no single field, announced when it appears. */
export function WizardError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="mb-5 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900" data-testid="wizard-error">
      {message}
    </p>
  );
}

/** Cancel on the left, Back / Next (or the final action) on the right. */
export function WizardFooter({ cancel, children }: { cancel: ReactNode; children: ReactNode }) {
  return (
    <div className="mt-8 flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 pt-5">
      {cancel}
      <div className="flex gap-3">{children}</div>
    </div>
  );
}
