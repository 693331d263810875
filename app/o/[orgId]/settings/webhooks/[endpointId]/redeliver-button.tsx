'use client';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { Button } from '@/components/ui/primitives';
import { useToast } from '@/components/ui/toast';
import { redeliverWebhookAction } from '../actions';

/** Sends the same event again (same webhook-id, so the receiver can de-duplicate). */
export function RedeliverButton({
  orgId,
  deliveryId,
  eventType,
  disabled,
}: {
  orgId: string;
  deliveryId: string;
  eventType: string;
  disabled: boolean;
}) {
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const toast = useToast();
  const redeliver = () =>
    startTransition(async () => {
      const r = await redeliverWebhookAction(orgId, { deliveryId });
      if (!r.ok) {
        toast(r.message);
        return;
      }
      toast(`${eventType} queued for redelivery.`);
      // The job sends it after commit; give it a moment before showing the new attempt.
      setTimeout(() => router.refresh(), 1500);
    });
  return (
    <Button type="button" variant="secondary" disabled={disabled || pending} onClick={redeliver} aria-label={`Redeliver ${eventType}`}>
      {pending ? 'Redelivering…' : 'Redeliver'}
    </Button>
  );
}
