'use client';
import { useQuery } from '@tanstack/react-query';
import type { CustomerDetail } from '@/lib/customers/get-customer-detail';
import { isTransitional } from '@/lib/customers/status-machine';

/** How often a customer that a job is working on is re-read (SPEC §4.1: progress live, no reload). */
export const POLL_MS = 1500;
/** A job normally finishes in seconds; one stuck for minutes (waiting for a retry) is re-read less often. */
const SLOW_POLL_MS = 15_000;
const FAST_POLLS = 80;

export const customerQueryKey = (orgId: string, customerId: string) => ['customer', orgId, customerId] as const;

async function fetchCustomer(orgId: string, customerId: string): Promise<CustomerDetail> {
  const res = await fetch(`/api/orgs/${orgId}/customers/${customerId}`, { cache: 'no-store' });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { message?: string } | null;
    throw new Error(body?.message ?? `Could not load the customer (HTTP ${res.status}).`);
  }
  return (await res.json()) as CustomerDetail;
}

/**
 * One customer's panel data, shared by its list row and the panel (same query key), and
 * polled while its status is transitional — then polling stops by itself.
 */
export function useCustomerDetail(orgId: string, customerId: string, opts: { initialData?: CustomerDetail; enabled?: boolean } = {}) {
  return useQuery({
    queryKey: customerQueryKey(orgId, customerId),
    queryFn: () => fetchCustomer(orgId, customerId),
    initialData: opts.initialData,
    enabled: opts.enabled ?? true,
    refetchInterval: (q) => {
      if (q.state.status === 'error') return false; // shown to the user; no hammering a failing server
      if (q.state.data && !isTransitional(q.state.data.status)) return false;
      return q.state.dataUpdateCount < FAST_POLLS ? POLL_MS : SLOW_POLL_MS;
    },
    refetchIntervalInBackground: false,
  });
}
