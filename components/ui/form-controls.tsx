// The one field kit. Labelled form controls: each ties its label, hint and error together
// (aria-describedby / aria-invalid) so screen readers hear all three. Required fields are
// marked one way everywhere: a visible "(required)" after the label (hidden from the
// accessible name, which stays the plain label) and aria-required on the control.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';
import { cn } from './cn';

/** A text input or select without outer spacing (for layouts that space with gap). */
export const controlClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-600 read-only:bg-slate-50 read-only:text-slate-700';
/** The same with the gap below its label built in. */
export const inputClass = cn('mt-1', controlClass);

export const describedBy = (id: string, hint?: ReactNode, error?: string) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm text-red-700" data-testid={`${id}-error`}>
      {message}
    </p>
  );
}

export function Hint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
      {children}
    </p>
  );
}

type Common = { id: string; label: string; hint?: ReactNode; error?: string; required?: boolean };

/** The one required marker: seen, but not read as part of the field's name (aria-required says it). */
export function RequiredMark() {
  return (
    <span aria-hidden className="font-normal text-slate-600">
      {' '}
      (required)
    </span>
  );
}

export function Label({ id, label, required }: Pick<Common, 'id' | 'label' | 'required'>) {
  return (
    <label htmlFor={id} className="block text-sm font-medium">
      {label}
      {required && <RequiredMark />}
    </label>
  );
}

export function TextField({ id, label, hint, error, required, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div>
      <Label id={id} label={label} required={required} />
      <input
        id={id}
        type="text"
        {...input}
        aria-invalid={!!error}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={inputClass}
      />
      <Hint id={id}>{hint}</Hint>
      <FieldError id={id} message={error} />
    </div>
  );
}

export function SelectField({ id, label, hint, error, required, children, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div>
      <Label id={id} label={label} required={required} />
      <select
        id={id}
        {...select}
        aria-invalid={!!error}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={inputClass}
      >
        {children}
      </select>
      <Hint id={id}>{hint}</Hint>
      <FieldError id={id} message={error} />
    </div>
  );
}

/** An on/off setting: a real checkbox exposed as a switch, so Space toggles it and its state is announced. */
export function Toggle({ id, label, hint, ...input }: Omit<Common, 'error' | 'required'> & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="flex items-start justify-between gap-4">
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          {label}
        </label>
        <Hint id={id}>{hint}</Hint>
      </div>
      <span className="relative mt-0.5 inline-flex shrink-0">
        <input
          id={id}
          type="checkbox"
          role="switch"
          {...input}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className="peer absolute inset-0 z-10 h-full w-full cursor-pointer opacity-0"
        />
        <span
          aria-hidden
          className="h-6 w-11 rounded-full bg-slate-300 transition peer-checked:bg-brand-600 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600"
        />
        <span
          aria-hidden
          className="pointer-events-none absolute left-0.5 top-0.5 h-5 w-5 rounded-full bg-white shadow transition peer-checked:translate-x-5"
        />
      </span>
    </div>
  );
}
