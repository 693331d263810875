import { clsx, type ClassValue } from 'clsx';
import { twMerge } from 'tailwind-merge';

/** Class names for a component: conditional parts (clsx), later Tailwind utilities win over earlier ones (tailwind-merge). */
export function cn(...parts: ClassValue[]): string {
  return twMerge(clsx(parts));
}
