'use client';
import { useState } from 'react';

/** Shows a value with a copy button (org IDs, provisioning IDs). */
export function CopyValue({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      // Without clipboard access (insecure origin, denied permission) say so: the value stays selectable.
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2000);
  };
  return (
    <span className="inline-flex items-center gap-2">
      <code className="select-all rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs" data-testid={`${label}-value`}>
        {value}
      </code>
      <button
        type="button"
        className="rounded px-1.5 py-0.5 text-xs text-brand-700 hover:bg-brand-50"
        aria-label={`Copy ${label}`}
        onClick={copy}
      >
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed — select the text' : 'Copy'}
      </button>
      <span className="sr-only" aria-live="polite">
        {state === 'copied' ? `${label} copied` : state === 'failed' ? `Could not copy the ${label}` : ''}
      </span>
    </span>
  );
}
