'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ActionState } from '@/lib/server/org-action';
import { useToast } from './toast';

/** Runs a server action for a small settings form: pending state, the server's message, refresh on success. */
export function useSave() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();
  const toast = useToast();
  async function save(action: () => Promise<ActionState>, done: string) {
    setPending(true);
    setError(null);
    try {
      const r = await action();
      if (!r.ok) {
        setError([r.message, ...Object.values(r.fieldErrors ?? {}).flat()].join(' '));
        return false;
      }
      toast(done);
      router.refresh();
      return true;
    } finally {
      setPending(false);
    }
  }
  return { pending, error, save };
}
