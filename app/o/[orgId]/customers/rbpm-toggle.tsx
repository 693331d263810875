'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Switch } from '@/components/ui/switch';
import { useToast } from '@/components/ui/toast';
import type { CustomerDetail } from '@/lib/customers/get-customer-detail';
import { setCustomerRbpmAction } from './actions';
import { customerQueryKey } from './use-customer-detail';

/**
 * The Restricted by Partner Mode switch (SPEC §5.1). Optimistic: it flips at once and
 * flips back with an error toast when the server refuses. Read-only for admins without
 * 'customers.rbpm' (the server refuses them anyway) and for attached orgs.
 */
export function RbpmToggle({ orgId, customer, canToggle }: { orgId: string; customer: CustomerDetail; canToggle: boolean }) {
  const qc = useQueryClient();
  const toast = useToast();
  const router = useRouter();
  const key = customerQueryKey(orgId, customer.customerId);
  const mutation = useMutation({
    mutationFn: async (value: boolean) => {
      const r = await setCustomerRbpmAction(orgId, { customerId: customer.customerId, rbpm: value });
      if (!r.ok) throw new Error(r.message);
      return r.data;
    },
    onMutate: async (value) => {
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData<CustomerDetail>(key);
      if (previous) qc.setQueryData<CustomerDetail>(key, { ...previous, rbpm: value });
      return { previous };
    },
    onError: (err, _value, context) => {
      if (context?.previous) qc.setQueryData(key, context.previous);
      toast(err instanceof Error ? err.message : 'Restricted by Partner Mode was not changed.', 'error');
    },
    onSuccess: (data) => {
      toast(`Restricted by Partner Mode turned ${data.rbpm ? 'on' : 'off'} for ${customer.name}.`);
      router.refresh(); // the list's RBPM column
    },
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  });

  const description = customer.attached
    ? 'Managed through the API. Not available for organisations attached through the API.'
    : !canToggle
      ? 'Only partner full and wholesale administrators can change this.'
      : customer.rbpm
        ? 'On: the customer’s administrators can’t change users’ services, company details or calling setup.'
        : 'Off: the customer’s administrators manage these settings themselves.';
  // A deprovisioned customer has no partner-managed services left: the restriction no longer applies.
  if (customer.status === 'deprovisioned') {
    return (
      <p className="text-sm text-slate-600" data-testid="rbpm-not-applicable">
        Not applicable: the customer is deprovisioned, so there is nothing left to restrict.
      </p>
    );
  }
  return (
    <Switch
      label="Restricted by Partner Mode"
      checked={customer.rbpm}
      disabled={!canToggle || customer.attached || mutation.isPending}
      description={description}
      onChange={(next) => mutation.mutate(next)}
      testId="rbpm-switch"
    />
  );
}
