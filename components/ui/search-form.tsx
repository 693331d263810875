'use client';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef, useTransition, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { buttonClass } from './button-class';
import { rememberListQuery } from './list-query-memory';

/** How long typing pauses before the list follows (ms): fast enough to feel live, slow enough not to query every key. */
export const SEARCH_DEBOUNCE_MS = 250;

/** The form's fields as a query string, empty values left out; `page` is never carried, so a new search starts at page 1. */
function queryOf(form: HTMLFormElement): string {
  const qs = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v.trim() !== '') qs.append(k, v);
  return qs.toString();
}

/**
 * A list's search and filters. With JavaScript it searches as you type (debounced) and
 * applies a filter as soon as it changes, replacing the URL (no history entry per key,
 * no scroll jump) inside a transition, so the old results stay on screen until the new
 * ones arrive. Without JavaScript it is a plain GET form with a Search button.
 * `hidden` keeps other parameters.
 */
export function SearchForm({
  action,
  label,
  defaultValue,
  placeholder,
  hidden = {},
  children,
  id = 'search-q',
  name = 'q',
  active,
}: {
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
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const formRef = useRef<HTMLFormElement>(null);

  // The list as opened (a link or Back may carry filters) is what "Back to …" returns to.
  useEffect(() => {
    if (pathname === action) rememberListQuery(action, window.location.search.replace(/^\?/, ''));
  }, [pathname, action]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const apply = () => {
    clearTimeout(timer.current);
    const form = formRef.current;
    if (!form) return;
    const query = queryOf(form);
    if (query === window.location.search.replace(/^\?/, '')) return;
    rememberListQuery(action, query);
    startTransition(() => router.replace(query ? `${action}?${query}` : action, { scroll: false }));
  };

  const onChange = (e: ChangeEvent<HTMLFormElement>) => {
    const target = e.target;
    const typing = target instanceof HTMLInputElement && (target.type === 'search' || target.type === 'text');
    if (typing) {
      clearTimeout(timer.current);
      timer.current = setTimeout(apply, SEARCH_DEBOUNCE_MS);
    } else {
      apply();
    }
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    apply();
  };

  return (
    <form
      ref={formRef}
      method="get"
      action={action}
      role="search"
      onChange={onChange}
      onSubmit={onSubmit}
      aria-busy={pending || undefined}
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      {Object.entries(hidden).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <div className="flex min-w-0 flex-1 basis-64 flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium text-slate-700">
          {label}
        </label>
        <input
          id={id}
          name={name}
          type="search"
          defaultValue={defaultValue}
          placeholder={placeholder}
          maxLength={200}
          autoComplete="off"
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        />
      </div>
      {children}
      <button type="submit" className={buttonClass('secondary')}>
        Search
      </button>
      {(active ?? !!defaultValue) ? (
        <a href={action} className="py-2 text-sm text-brand-700 underline">
          Clear
        </a>
      ) : null}
      <span role="status" aria-live="polite" className="py-2 text-sm text-slate-500" data-testid="search-status">
        {pending ? 'Updating…' : ''}
      </span>
    </form>
  );
}
