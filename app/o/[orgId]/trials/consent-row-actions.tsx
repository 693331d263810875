'use client';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useSave } from '@/components/ui/use-save';
import { cancelConsentAction, resendConsentAction } from './actions';

/** A pending consent request: Resend the e-mail, or Cancel it (confirmed). */
export function ConsentRowActions({ orgId, trialId, customerName }: { orgId: string; trialId: string; customerName: string }) {
  const { pending, error, save } = useSave();
  const [confirm, setConfirm] = useState(false);
  return (
    <div className="flex gap-3">
      <button
        type="button"
        className="text-brand-700 underline disabled:opacity-50"
        disabled={pending}
        onClick={() => save(() => resendConsentAction(orgId, { trialId }), `Trial request sent again to ${customerName}.`)}
      >
        Resend
      </button>
      <button type="button" className="text-red-700 underline" onClick={() => setConfirm(true)}>
        Cancel request
      </button>
      {error && !confirm && (
        <span role="alert" className="text-red-700">
          {error}
        </span>
      )}
      <ConfirmDialog
        open={confirm}
        title="Cancel the trial request?"
        confirmLabel="Cancel request"
        pending={pending}
        error={error}
        onClose={() => setConfirm(false)}
        onConfirm={async () => {
          if (await save(() => cancelConsentAction(orgId, { trialId }), 'Trial request cancelled.')) setConfirm(false);
        }}
      >
        The request to {customerName} is withdrawn; they can no longer accept it.
      </ConfirmDialog>
    </div>
  );
}
