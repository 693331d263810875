'use client';
import { useState } from 'react';

/** Shows a value with a copy button (org IDs, provisioning IDs). */
export function CopyValue({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="inline-flex items-center gap-2">
      <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs" data-testid={`${label}-value`}>{value}</code>
      <button
        type="button"
        className="rounded px-1.5 py-0.5 text-xs text-brand-700 hover:bg-brand-50"
        aria-label={`Copy ${label}`}
        onClick={async () => {
          await navigator.clipboard?.writeText(value).catch(() => {});
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        }}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </span>
  );
}
