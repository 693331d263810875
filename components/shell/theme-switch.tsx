'use client';
import { useState } from 'react';
import { THEME_COOKIE, THEME_LABELS, THEMES, type Theme } from '@/components/ui/theme';
import { useHydrated } from '@/components/ui/use-hydrated';

const YEAR = 60 * 60 * 24 * 365;

/**
 * System / Light / Dark in the user menu. Applies at once on <html> and remembers the choice in
 * a cookie, which the server reads on the next request (no flash, no inline script). Disabled
 * until hydrated: before that a click would do nothing.
 */
export function ThemeSwitch({ initial }: { initial: Theme }) {
  const hydrated = useHydrated();
  const [theme, setTheme] = useState(initial);
  const choose = (next: Theme) => {
    setTheme(next);
    document.documentElement.dataset.theme = next;
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=${YEAR}; samesite=lax`;
  };
  return (
    <fieldset className="mt-3 border-t border-slate-200 pt-3">
      <legend className="float-left mb-1.5 w-full text-xs font-medium text-slate-600">Theme</legend>
      <div className="clear-both flex rounded-md border border-slate-300 p-0.5">
        {THEMES.map((t) => (
          <label
            key={t}
            className="flex-1 cursor-pointer rounded px-2 py-1 text-center text-xs has-checked:bg-brand-600 has-checked:text-white has-disabled:cursor-default has-focus-visible:outline-2 has-focus-visible:outline-brand-600"
          >
            <input
              type="radio"
              name="theme"
              value={t}
              checked={theme === t}
              disabled={!hydrated}
              onChange={() => choose(t)}
              className="sr-only"
            />
            {THEME_LABELS[t]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
