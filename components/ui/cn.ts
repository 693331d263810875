export type ClassPart = string | false | null | undefined;

/**
 * Class names for a component, conditional parts dropped. Deliberately a local join rather
 * than clsx + tailwind-merge: tailwind-merge costs ~8 kB gzip on every route and the form
 * pages sit at the 200 kB first-load budget, so callers pass classes that don't conflict
 * with the base ones.
 */
export function cn(...parts: ClassPart[]): string {
  return parts.filter(Boolean).join(' ');
}
