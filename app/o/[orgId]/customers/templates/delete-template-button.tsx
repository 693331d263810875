'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Button } from '@/components/ui/primitives';
import { useToast } from '@/components/ui/toast';
import { deleteTemplateAction } from './actions';

/** Delete with a confirmation naming the template; the server's refusal (e.g. still in use) shows in the dialog. */
export function DeleteTemplateButton({
  orgId,
  templateId,
  name,
  blockedReason,
}: {
  orgId: string;
  templateId: string;
  name: string;
  blockedReason: string | null;
}) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const confirm = () =>
    startTransition(async () => {
      const result = await deleteTemplateAction(orgId, { templateId });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setOpen(false);
      toast(`Template “${name}” deleted.`);
      router.push(`/o/${orgId}/customers/templates`);
    });

  return (
    <>
      <Button
        variant="danger"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
        disabled={!!blockedReason}
        aria-describedby={blockedReason ? 'delete-blocked' : undefined}
      >
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete template “${name}”?`}
        confirmLabel="Delete template"
        pending={pending}
        error={error}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      >
        The template <strong>{name}</strong> and its provisioning ID stop working at once. This can&apos;t be undone.
      </ConfirmDialog>
    </>
  );
}
