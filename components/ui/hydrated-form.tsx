'use client';
import type { ComponentProps } from 'react';
import { useHydrated } from './use-hydrated';

/**
 * A client-handled form whose controls are disabled (and the form aria-busy) until React has
 * hydrated it. Before that a click on a radio or a typed value would be lost or overwritten
 * when React takes over, and an Enter would fall back to a native GET submit.
 * Forms that must work without JavaScript (sign-in, GET searches) use a plain <form>.
 */
export function HydratedForm({ children, ...props }: ComponentProps<'form'>) {
  const ready = useHydrated();
  return (
    <form {...props} aria-busy={!ready || undefined} data-hydrated={ready ? 'true' : undefined}>
      <fieldset disabled={!ready} className="contents">
        {children}
      </fieldset>
    </form>
  );
}
