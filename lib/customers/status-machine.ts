// The customer status machine (SPEC §4.1, §4.5, §8). Every status change goes through
// assertTransition (via changeCustomerStatus), so an impossible jump — say, reviving a
// deprovisioned customer — is refused instead of silently written.
import type { CustomerStatus } from '@/lib/domain/statuses';
import { ConflictError } from '@/lib/platform/errors';

export const CUSTOMER_TRANSITIONS: Record<CustomerStatus, readonly CustomerStatus[]> = {
  // The job finishes, fails, or parks the customer for a restricted-party review.
  provisioning: ['provisioned', 'provisioned_with_errors', 'error', 'pending_rpl_review'],
  // Package changes and removal.
  provisioned: ['updating', 'deleting', 'deprovisioned'],
  provisioned_with_errors: ['updating', 'deleting', 'provisioning', 'deprovisioned'],
  updating: ['provisioned', 'provisioned_with_errors', 'error'],
  deleting: ['deprovisioned', 'error'],
  // Retry starts provisioning again; a failed customer can also be removed.
  error: ['provisioning', 'deprovisioned'],
  // The periodic re-check: cleared → provisioning continues; 72 h → suspended.
  pending_rpl_review: ['provisioning', 'suspended', 'deprovisioned'],
  pending_customer_approval: ['provisioning', 'deprovisioned'],
  suspended: ['deprovisioned'],
  // Terminal: the org and its history stay, the wholesale services are gone.
  deprovisioned: [],
};

/** A background job is working on the customer; the UI polls these until they settle. */
export const TRANSITIONAL_STATUSES: readonly CustomerStatus[] = ['provisioning', 'updating', 'deleting'];
export const isTransitional = (s: CustomerStatus) => TRANSITIONAL_STATUSES.includes(s);

export const canTransition = (from: CustomerStatus, to: CustomerStatus) => CUSTOMER_TRANSITIONS[from].includes(to);

/** Statuses from which Delete (SPEC §4.5) may run: not while a job is working on it. */
export const canDeleteFrom = (s: CustomerStatus) => !isTransitional(s) && canTransition(s, 'deprovisioned');

/**
 * SPEC §8.3: the one way out of `deprovisioned`, taken only by attachCustomer — the same
 * partner asking again for an org it no longer serves (after the org declined its request,
 * or after it removed the services). Ordinary changes can never revive a customer.
 */
export const REATTACH_TO: readonly CustomerStatus[] = ['pending_customer_approval', 'provisioning'];

export function assertTransition(from: CustomerStatus, to: CustomerStatus, opts: { reattach?: boolean } = {}): void {
  if (opts.reattach && from === 'deprovisioned' && REATTACH_TO.includes(to)) return;
  if (!canTransition(from, to)) {
    throw new ConflictError(`A customer in status "${from}" cannot change to "${to}".`, undefined, 10410);
  }
}
