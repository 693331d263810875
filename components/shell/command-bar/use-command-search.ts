'use client';
import { useEffect, useState } from 'react';

import type { CommandResult } from '@/lib/command-bar/search-command-bar';

export type { CommandResult };

/** Typing pauses this long before the server is asked (each keystroke would be a request). */
const DEBOUNCE_MS = 200;

/**
 * The server's answer for `query` (debounced; a newer query aborts the older request, so
 * a slow answer never overwrites a newer one). The previous results stay while loading.
 */
export function useCommandSearch(searchUrl: string, query: string) {
  const [state, setState] = useState<{ results: CommandResult[]; loading: boolean; error: string | null }>({
    results: [],
    loading: true,
    error: null,
  });
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(
      async () => {
        setState((s) => ({ ...s, loading: true }));
        try {
          const res = await fetch(`${searchUrl}?q=${encodeURIComponent(query.trim())}`, { signal: controller.signal });
          const body = (await res.json().catch(() => null)) as {
            results?: CommandResult[];
            message?: string;
            errors?: { description: string }[];
          } | null;
          // A refused query (too long, a control character) says why in the field's message.
          if (!res.ok || !body?.results)
            throw new Error(body?.errors?.[0]?.description ?? body?.message ?? 'The search failed. Try again.');
          setState({ results: body.results, loading: false, error: null });
        } catch (err) {
          if (controller.signal.aborted) return;
          setState({ results: [], loading: false, error: err instanceof Error ? err.message : 'The search failed. Try again.' });
        }
      },
      // The first answer (the org's pages) is asked for at once.
      query ? DEBOUNCE_MS : 0,
    );
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [searchUrl, query]);
  return state;
}
