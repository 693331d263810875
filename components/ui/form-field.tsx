// The field kit's wrapper for controls the caller renders itself (the create-customer
// wizard's react-hook-form fields). Its own module, so forms that use only TextField /
// SelectField don't carry it in their first-load JS.
import type { ReactNode } from 'react';
import { describedBy, Hint, Label } from './form-controls';

type Common = { id: string; label: string; hint?: ReactNode; error?: string; required?: boolean };

/**
 * A labelled field around any control the caller renders (wire it with `fieldAria`):
 * label, control, hint and error, in that order. `errorTestId` names the error for tests.
 */
export function Field({ id, label, required, hint, error, errorTestId, children }: Common & { errorTestId?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <Label id={id} label={label} required={required} />
      {children}
      <Hint id={id}>{hint}</Hint>
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700" data-testid={errorTestId ?? `${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The ARIA wiring of a control inside `Field`. */
export function fieldAria(id: string, { hint, error, required }: { hint?: ReactNode; error?: string; required?: boolean }) {
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-required': required || undefined,
    'aria-describedby': describedBy(id, hint, error),
  } as const;
}
