'use client';
// The create-customer wizard's binding of the one field kit (components/ui/form-controls)
// to its react-hook-form instance: ids, error and ARIA wiring per field path.
import type { ReactNode } from 'react';
import { useFormContext, type FieldPath } from 'react-hook-form';
import { controlClass } from '@/components/ui/form-controls';
import { Field as KitField, fieldAria } from '@/components/ui/form-field';
import type { CreateCustomerInput } from '@/lib/customers/customer-schema';

export type WizardField = FieldPath<CreateCustomerInput>;

export const inputClass = controlClass;

/** Ids and ARIA wiring of one field, so its error is announced with it. */
export function useFieldA11y(name: WizardField, opts: { hint?: ReactNode; required?: boolean } = {}) {
  const { getFieldState, formState } = useFormContext<CreateCustomerInput>();
  const error = getFieldState(name, formState).error?.message;
  const id = `f-${name.replace(/\./g, '-')}`;
  return { id, error, inputProps: fieldAria(id, { ...opts, error }) } as const;
}

/** A labelled field with its hint and its error right under it (the kit's Field). */
export function Field({
  name,
  label,
  required,
  hint,
  children,
}: {
  name: WizardField;
  label: string;
  required?: boolean;
  hint?: ReactNode;
  children: ReactNode;
}) {
  const { id, error } = useFieldA11y(name);
  return (
    <KitField id={id} label={label} required={required} hint={hint} error={error} errorTestId={`error-${name}`}>
      {children}
    </KitField>
  );
}
