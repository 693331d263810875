import { describe, expect, it } from 'vitest';
import { assertTransition, canDeleteFrom, canTransition, CUSTOMER_TRANSITIONS, isTransitional } from '@/lib/customers/status-machine';
import { CUSTOMER_STATUSES, type CustomerStatus } from '@/lib/domain/statuses';
import { ConflictError } from '@/lib/platform/errors';

// The allowed transitions, written out independently of the implementation's table.
const ALLOWED: [CustomerStatus, CustomerStatus][] = [
  ['provisioning', 'provisioned'],
  ['provisioning', 'provisioned_with_errors'],
  ['provisioning', 'error'],
  ['provisioning', 'pending_rpl_review'],
  ['pending_rpl_review', 'provisioning'],
  ['pending_rpl_review', 'suspended'],
  ['pending_rpl_review', 'deprovisioned'],
  ['error', 'provisioning'],
  ['error', 'deprovisioned'],
  ['provisioned', 'updating'],
  ['provisioned', 'deleting'],
  ['provisioned', 'deprovisioned'],
  ['provisioned_with_errors', 'updating'],
  ['provisioned_with_errors', 'deleting'],
  ['provisioned_with_errors', 'provisioning'],
  ['provisioned_with_errors', 'deprovisioned'],
  ['updating', 'provisioned'],
  ['updating', 'provisioned_with_errors'],
  ['updating', 'error'],
  ['deleting', 'deprovisioned'],
  ['deleting', 'error'],
  ['pending_customer_approval', 'provisioning'],
  ['pending_customer_approval', 'deprovisioned'],
  ['suspended', 'deprovisioned'],
];

describe('customer status machine (SPEC §4.1)', () => {
  it('allows exactly the listed transitions', () => {
    const allowed = new Set(ALLOWED.map(([a, b]) => `${a}>${b}`));
    for (const from of CUSTOMER_STATUSES) {
      for (const to of CUSTOMER_STATUSES) {
        expect(canTransition(from, to), `${from} → ${to}`).toBe(allowed.has(`${from}>${to}`));
      }
    }
  });

  it.each([
    ['deprovisioned', 'provisioned'],
    ['deprovisioned', 'provisioning'],
    ['provisioned', 'provisioning'],
    ['suspended', 'provisioning'],
    ['provisioning', 'deprovisioned'],
    ['provisioning', 'suspended'],
    ['error', 'provisioned'],
  ] as [CustomerStatus, CustomerStatus][])('refuses %s → %s with a 409', (from, to) => {
    expect(() => assertTransition(from, to)).toThrow(ConflictError);
  });

  it('never transitions a status to itself, and deprovisioned is terminal', () => {
    for (const s of CUSTOMER_STATUSES) expect(canTransition(s, s)).toBe(false);
    expect(CUSTOMER_TRANSITIONS.deprovisioned).toEqual([]);
  });

  it('attaching again (SPEC §8.3) is the one way out of deprovisioned: to a new request or provisioning, nothing else', () => {
    expect(() => assertTransition('deprovisioned', 'pending_customer_approval', { reattach: true })).not.toThrow();
    expect(() => assertTransition('deprovisioned', 'provisioning', { reattach: true })).not.toThrow();
    expect(() => assertTransition('deprovisioned', 'provisioned', { reattach: true })).toThrow(ConflictError);
    expect(() => assertTransition('deprovisioned', 'pending_customer_approval')).toThrow(ConflictError);
    // The flag changes nothing for a customer that is not gone.
    expect(() => assertTransition('provisioned', 'provisioning', { reattach: true })).toThrow(ConflictError);
  });

  it('polls exactly the statuses a job is working on', () => {
    expect(CUSTOMER_STATUSES.filter(isTransitional)).toEqual(['provisioning', 'updating', 'deleting']);
  });

  it('deletes only settled customers that are not gone already', () => {
    expect(CUSTOMER_STATUSES.filter(canDeleteFrom).sort()).toEqual(
      ['error', 'pending_customer_approval', 'pending_rpl_review', 'provisioned', 'provisioned_with_errors', 'suspended'].sort(),
    );
  });
});
