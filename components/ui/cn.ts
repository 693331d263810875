import { clsx, type ClassValue } from 'clsx';

/**
 * Class names for a component, with conditional parts (clsx). Deliberately without
 * tailwind-merge: it costs ~8 kB gzip on every route and pushed the form pages past the
 * 200 kB first-load budget, so callers pass classes that don't conflict with the base ones.
 */
export function cn(...parts: ClassValue[]): string {
  return clsx(parts);
}
