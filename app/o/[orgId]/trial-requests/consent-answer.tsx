'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/primitives';
import { useSave } from '@/components/ui/use-save';
import { answerTrialRequestAction } from './actions';

export function ConsentAnswer({ orgId, trialId, partnerName }: { orgId: string; trialId: string; partnerName: string }) {
  const [fullAdmin, setFullAdmin] = useState(false);
  const { pending, error, save } = useSave();
  const answer = (accept: boolean) =>
    save(
      () => answerTrialRequestAction(orgId, { trialId, accept, grantFullAdmin: accept && fullAdmin }),
      accept ? `Trial request from ${partnerName} accepted.` : `Trial request from ${partnerName} declined.`,
    );
  return (
    <div className="mt-3 space-y-3">
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" checked={fullAdmin} onChange={(e) => setFullAdmin(e.target.checked)} />
        Grant {partnerName} full administrator access (otherwise: provisioning administrator)
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="flex gap-3">
        <Button onClick={() => answer(true)} disabled={pending}>
          Accept
        </Button>
        <Button variant="secondary" onClick={() => answer(false)} disabled={pending}>
          Decline
        </Button>
      </div>
    </div>
  );
}
