'use client';
import type { ReactNode } from 'react';
import { useFormContext, type FieldPath } from 'react-hook-form';
import type { CreateCustomerInput } from '@/lib/customers/customer-schema';

export type WizardField = FieldPath<CreateCustomerInput>;

export const inputClass = 'w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-600';

/** Ids and ARIA wiring of one field, so its error is announced with it. */
export function useFieldA11y(name: WizardField) {
  const { getFieldState, formState } = useFormContext<CreateCustomerInput>();
  const error = getFieldState(name, formState).error;
  const id = `f-${name.replace(/\./g, '-')}`;
  return {
    id,
    error: error?.message,
    inputProps: { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': `${id}-hint ${id}-error` },
  } as const;
}

/** A labelled field with its hint and its error right under it. */
export function Field({ name, label, required, hint, children }: { name: WizardField; label: string; required?: boolean; hint?: ReactNode; children: ReactNode }) {
  const { id, error } = useFieldA11y(name);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
        {required && <span aria-hidden className="ml-0.5 text-red-700">*</span>}
      </label>
      {children}
      <p id={`${id}-hint`} className="text-xs text-slate-600 empty:hidden">{hint}</p>
      <p id={`${id}-error`} className="text-sm text-red-700 empty:hidden" data-testid={`error-${name}`}>{error}</p>
    </div>
  );
}
