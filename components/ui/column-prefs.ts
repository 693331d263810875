'use client';
import { useSyncExternalStore } from 'react';

/**
 * Which columns of a table a person hid, remembered per browser in localStorage
 * (`table-columns:<tableId>`, a JSON array of column keys). Read through
 * useSyncExternalStore: the server and the hydration pass see every column, the browser's
 * choice applies right after, and every Columns menu on the page stays in step.
 */
const PREFIX = 'table-columns:';
const listeners = new Set<() => void>();

function read(tableId: string): string {
  try {
    return window.localStorage.getItem(PREFIX + tableId) ?? '[]';
  } catch {
    return '[]'; // storage blocked (private mode, policy): nothing is remembered
  }
}

export function parseHidden(raw: string): string[] {
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function subscribe(fn: () => void) {
  listeners.add(fn);
  window.addEventListener('storage', fn);
  return () => {
    listeners.delete(fn);
    window.removeEventListener('storage', fn);
  };
}

/** The hidden column keys of one table, and a setter that remembers them. */
export function useHiddenColumns(tableId: string): [string[], (keys: string[]) => void] {
  const raw = useSyncExternalStore(
    subscribe,
    () => read(tableId),
    () => '[]',
  );
  const set = (keys: string[]) => {
    try {
      window.localStorage.setItem(PREFIX + tableId, JSON.stringify(keys));
    } catch {
      // storage blocked: the choice is not remembered (nor applied, as it is read from storage)
    }
    listeners.forEach((l) => l());
  };
  return [parseHidden(raw), set];
}
