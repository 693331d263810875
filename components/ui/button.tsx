'use client';
import type { ComponentProps } from 'react';
import { buttonClass, type ButtonVariant } from './button-class';
import { cn } from './cn';
import { useHydrated } from './use-hydrated';

/**
 * A button. One with an onClick handler does nothing until React has hydrated the page, so
 * it stays disabled until then (SPEC-free house rule: a control a person can click either
 * works or looks inactive) — a click in the first half second is never silently lost.
 */
export function Button({ variant = 'primary', className, disabled, ...props }: ComponentProps<'button'> & { variant?: ButtonVariant }) {
  const ready = useHydrated();
  const waiting = !ready && !!props.onClick;
  return (
    <button
      type="button"
      {...props}
      disabled={disabled || waiting}
      aria-busy={waiting || undefined}
      className={cn(buttonClass(variant), className)}
    />
  );
}
