'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Button } from '@/components/ui/primitives';
import { useToast } from '@/components/ui/toast';
import type { CustomerListRow } from '@/lib/customers/list-partner-customers';
import type { BulkRbpmOutcome } from '@/lib/customers/set-customers-rbpm';
import { setCustomersRbpmAction } from './actions';

type Result = { name: string; text: string; ok: boolean };

function describe(o: BulkRbpmOutcome, name: string, on: boolean): Result {
  if (!o.ok) return { name, ok: false, text: `not changed — ${o.message}` };
  return { name, ok: true, text: o.changed ? `turned ${on ? 'on' : 'off'}` : `already ${on ? 'on' : 'off'}` };
}

/**
 * Restricted by Partner Mode for the selected customers (issue 17.5): Turn on / Turn off,
 * a confirmation naming them, one server action that applies the single toggle's rules
 * per customer, and the outcome per row (kept on screen after the selection is cleared).
 */
export function BulkRbpm({ orgId, customers, onDone }: { orgId: string; customers: CustomerListRow[]; onDone: () => void }) {
  const [confirm, setConfirm] = useState<boolean | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [results, setResults] = useState<{ on: boolean; rows: Result[] } | null>(null);
  const router = useRouter();
  const toast = useToast();
  const n = customers.length;
  const noun = n === 1 ? '1 customer' : `${n} customers`;

  async function apply(on: boolean) {
    setPending(true);
    setError(null);
    try {
      const names = new Map(customers.map((c) => [c.customerId, c.name]));
      const r = await setCustomersRbpmAction(orgId, { customerIds: customers.map((c) => c.customerId), rbpm: on });
      if (!r.ok) {
        setError(r.message);
        return;
      }
      const rows = r.data.map((o) => describe(o, names.get(o.customerId) ?? o.customerId, on));
      const applied = rows.filter((x) => x.ok).length;
      setResults({ on, rows });
      setConfirm(null);
      toast(
        `Restricted by Partner Mode ${on ? 'on' : 'off'} for ${applied} of ${rows.length} customers.`,
        applied === rows.length ? 'success' : 'error',
      );
      onDone();
      router.refresh(); // the RBPM column
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-2" data-testid="bulk-rbpm">
      {n > 0 ? (
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Selected customers">
          <span className="text-sm font-medium" data-testid="bulk-count">
            {noun} selected
          </span>
          <Button variant="secondary" onClick={() => setConfirm(true)}>
            Turn on Restricted by Partner Mode
          </Button>
          <Button variant="secondary" onClick={() => setConfirm(false)}>
            Turn off Restricted by Partner Mode
          </Button>
          <Button variant="ghost" onClick={onDone}>
            Clear selection
          </Button>
        </div>
      ) : (
        <p className="text-sm text-slate-600">Select customers to turn Restricted by Partner Mode on or off for several at once.</p>
      )}
      {results && (
        <div role="status" className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm" data-testid="bulk-rbpm-results">
          <p className="font-medium">
            Restricted by Partner Mode {results.on ? 'on' : 'off'}: {results.rows.filter((r) => r.ok).length} of {results.rows.length}{' '}
            applied.
          </p>
          <ul className="mt-1 list-disc pl-5">
            {results.rows.map((r) => (
              <li key={r.name} className={r.ok ? undefined : 'text-red-800'}>
                {r.name}: {r.text}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ConfirmDialog
        open={confirm !== null}
        title={`Turn ${confirm ? 'on' : 'off'} Restricted by Partner Mode for ${noun}?`}
        confirmLabel={confirm ? 'Turn on' : 'Turn off'}
        tone="primary"
        pending={pending}
        error={error}
        onClose={() => {
          setConfirm(null);
          setError(null);
        }}
        onConfirm={() => void apply(confirm === true)}
      >
        <p>
          {confirm
            ? 'Their administrators will no longer be able to change users’ services, company details or calling setup.'
            : 'Their administrators will manage users’ services, company details and calling setup themselves.'}{' '}
          Each customer’s administrators are e-mailed.
        </p>
        <ul className="mt-2 list-disc pl-5">
          {customers.map((c) => (
            <li key={c.customerId}>{c.name}</li>
          ))}
        </ul>
      </ConfirmDialog>
    </div>
  );
}
