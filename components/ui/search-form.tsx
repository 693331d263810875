import type { ReactNode } from 'react';
import { buttonClass } from './primitives';

/**
 * A plain GET search form (works without JavaScript). `hidden` keeps other filters;
 * submitting always returns to page 1 because `page` is not carried over.
 */
export function SearchForm({ action, label, defaultValue, placeholder, hidden = {}, children, id = 'search-q', name = 'q', active }: {
  action: string;
  label: string;
  defaultValue?: string;
  placeholder?: string;
  hidden?: Record<string, string | undefined>;
  /** Extra filter fields rendered before the submit button. */
  children?: ReactNode;
  id?: string;
  /** The text input's param name (default `q`). */
  name?: string;
  /** Whether any filter is set (shows "Clear"); defaults to whether the text input has a value. */
  active?: boolean;
}) {
  return (
    <form method="get" action={action} role="search" className="mb-4 flex flex-wrap items-end gap-3">
      {Object.entries(hidden).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <div className="flex min-w-64 flex-1 flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium text-slate-700">{label}</label>
        <input
          id={id}
          name={name}
          type="search"
          defaultValue={defaultValue}
          placeholder={placeholder}
          maxLength={200}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        />
      </div>
      {children}
      <button type="submit" className={buttonClass('secondary')}>Search</button>
      {(active ?? !!defaultValue) ? <a href={action} className="py-2 text-sm text-brand-700 underline">Clear</a> : null}
    </form>
  );
}
