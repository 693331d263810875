'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Button } from '@/components/ui/primitives';
import { useToast } from '@/components/ui/toast';
import { setSubPartnerStateAction } from './actions';

/** Suspend / Reactivate with a confirmation naming the indirect provider. */
export function SubPartnerStateButton({
  orgId,
  subPartner,
}: {
  orgId: string;
  subPartner: { id: string; name: string; state: 'active' | 'suspended' };
}) {
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const router = useRouter();
  const toast = useToast();
  const suspending = subPartner.state === 'active';
  const confirm = () =>
    start(async () => {
      const res = await setSubPartnerStateAction(orgId, { subPartnerOrgId: subPartner.id, state: suspending ? 'suspended' : 'active' });
      setOpen(false);
      if (res.ok) {
        toast(`${subPartner.name} ${suspending ? 'suspended' : 'reactivated'}.`);
        router.refresh();
      } else toast(res.message, 'error');
    });
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} aria-label={`${suspending ? 'Suspend' : 'Reactivate'} ${subPartner.name}`}>
        {suspending ? 'Suspend' : 'Reactivate'}
      </Button>
      <ConfirmDialog
        open={open}
        pending={pending}
        onClose={() => setOpen(false)}
        onConfirm={confirm}
        title={`${suspending ? 'Suspend' : 'Reactivate'} ${subPartner.name}?`}
        confirmLabel={suspending ? 'Suspend' : 'Reactivate'}
        tone={suspending ? 'danger' : 'primary'}
      >
        {suspending
          ? `${subPartner.name} will no longer be able to provision or update customers; it can still delete them. You can reactivate it at any time.`
          : `${subPartner.name} will be able to provision and update customers again.`}
      </ConfirmDialog>
    </>
  );
}
