'use client';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Button } from '@/components/ui/primitives';
import { useSave } from '@/components/ui/use-save';
import { answerAttachRequestAction } from './actions';

/** Approve at once; Decline asks first, since the partner must send a new request to try again. */
export function AttachAnswer({ orgId, customerId, partnerName }: { orgId: string; customerId: string; partnerName: string }) {
  const [declining, setDeclining] = useState(false);
  const { pending, error, save } = useSave();
  const answer = async (approve: boolean) => {
    const ok = await save(
      () => answerAttachRequestAction(orgId, { customerId, approve }),
      approve ? `${partnerName} now manages your Webex services; provisioning has started.` : `Request from ${partnerName} declined.`,
    );
    if (ok) setDeclining(false);
  };
  return (
    <div className="mt-3 space-y-3">
      {error && !declining && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="flex gap-3">
        <Button onClick={() => answer(true)} disabled={pending} aria-label={`Approve request from ${partnerName}`}>
          {pending && !declining ? 'Approving…' : 'Approve'}
        </Button>
        <Button
          variant="secondary"
          onClick={() => setDeclining(true)}
          disabled={pending}
          aria-label={`Decline request from ${partnerName}`}
        >
          Decline
        </Button>
      </div>
      <ConfirmDialog
        open={declining}
        title={`Decline ${partnerName}’s request?`}
        confirmLabel="Decline request"
        pending={pending}
        error={error}
        onConfirm={() => answer(false)}
        onClose={() => setDeclining(false)}
      >
        {partnerName} will not manage your organisation’s Webex services. Nothing else changes.
      </ConfirmDialog>
    </div>
  );
}
