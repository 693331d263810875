'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Button, buttonClass } from '@/components/ui/primitives';
import { useToast } from '@/components/ui/toast';
import type { CustomerDetail } from '@/lib/customers/get-customer-detail';
import { canDeleteFrom } from '@/lib/customers/status-machine';
import type { ActionState } from '@/lib/server/org-action';
import { deleteCustomerAction, retryCustomerAction } from './actions';
import { customerQueryKey } from './use-customer-detail';
import { SERVICES_LIVE_STATUSES } from '@/lib/domain/statuses';

export interface PanelPermissions {
  write: boolean;
  delete: boolean;
  rbpm: boolean;
  openView: boolean;
}

/** Runs a server action; a refusal becomes an error toast, success refreshes the customer and the list. */
function useCustomerMutation(orgId: string, customer: CustomerDetail, run: () => Promise<ActionState>, success: string) {
  const qc = useQueryClient();
  const toast = useToast();
  const router = useRouter();
  return useMutation({
    mutationFn: async () => {
      const r = await run();
      if (!r.ok) throw new Error(r.message);
    },
    onError: (err) => toast(err instanceof Error ? err.message : 'Nothing was changed.', 'error'),
    onSuccess: () => {
      toast(success);
      router.refresh();
    },
    onSettled: () => qc.invalidateQueries({ queryKey: customerQueryKey(orgId, customer.customerId) }),
  });
}

/** The panel's actions (SPEC §4.3): Set up customer, View customer, Retry, Delete. */
export function CustomerActions({ orgId, customer, can }: { orgId: string; customer: CustomerDetail; can: PanelPermissions }) {
  const [confirming, setConfirming] = useState(false);
  const retry = useCustomerMutation(
    orgId,
    customer,
    () => retryCustomerAction(orgId, { customerId: customer.customerId }),
    `Provisioning of ${customer.name} restarted.`,
  );
  const remove = useCustomerMutation(
    orgId,
    customer,
    () => deleteCustomerAction(orgId, { customerId: customer.customerId }),
    `Wholesale services removed from ${customer.name}.`,
  );
  const view = `/o/${customer.orgId}/users`;
  // Setting up adds users and packages, which the server allows only while services are live.
  const live = SERVICES_LIVE_STATUSES.includes(customer.status);
  // SPEC §8.3: an org attached through the API is managed only through the API.
  if (customer.attached) {
    return (
      <div className="flex flex-wrap items-center gap-2">
        {can.openView && live && (
          <Link href={view} className={buttonClass('secondary')}>
            View customer
          </Link>
        )}
        <p className="text-sm text-slate-600" data-testid="managed-through-api">
          Managed through the API: this existing organisation was attached with the Wholesale API, so set-up, retry and delete are done
          there.
        </p>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap gap-2">
      {can.write && live && (
        <Link href={`/o/${customer.orgId}/setup`} className={buttonClass('primary')}>
          Set up customer
        </Link>
      )}
      {can.openView && (
        <Link href={view} className={buttonClass('secondary')}>
          View customer
        </Link>
      )}
      {can.write && customer.status === 'error' && (
        <Button variant="secondary" onClick={() => retry.mutate()} disabled={retry.isPending}>
          {retry.isPending ? 'Retrying…' : 'Retry'}
        </Button>
      )}
      {can.delete && canDeleteFrom(customer.status) && (
        <>
          <Button variant="danger" onClick={() => setConfirming(true)}>
            Delete
          </Button>
          <ConfirmDialog
            open={confirming}
            title={`Delete ${customer.name}?`}
            confirmLabel="Delete customer"
            pending={remove.isPending}
            onClose={() => setConfirming(false)}
            onConfirm={() => remove.mutate(undefined, { onSettled: () => setConfirming(false) })}
          >
            <p>
              This removes the wholesale services from <strong>{customer.name}</strong>: billing stops now and its users and workspaces lose
              their packages, phone numbers and extensions. The organisation and its history stay, and past usage remains in billing
              reports.
            </p>
          </ConfirmDialog>
        </>
      )}
    </div>
  );
}
