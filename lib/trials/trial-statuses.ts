// Trial statuses (SPEC §9): labels and the allowed transitions. Client-safe (no server imports).
import type { TrialStatus } from '@/lib/domain/statuses';

export const TRIAL_STATUS_LABELS: Record<TrialStatus, string> = {
  pending_consent: 'Pending customer trial consent',
  pending_provisioning_details: 'Pending provisioning details',
  active: 'Active',
  expired_grace: 'Expired (grace period)',
  ended: 'Ended',
  converted: 'Converted to paid',
  cancelled: 'Cancelled',
};

export const TRIAL_TRANSITIONS: Record<TrialStatus, readonly TrialStatus[]> = {
  // Accepted → details; declined, cancelled by the partner or 10 days without an answer → cancelled.
  pending_consent: ['pending_provisioning_details', 'cancelled'],
  pending_provisioning_details: ['active', 'cancelled'],
  active: ['expired_grace', 'converted', 'cancelled'],
  // Still convertible in the grace; deleted; or the grace runs out.
  expired_grace: ['active', 'converted', 'ended', 'cancelled'],
  ended: [],
  converted: [],
  cancelled: [],
};

/** Statuses in which a trial is open (one per partner and customer org: a partial unique index). */
export const OPEN_TRIAL_STATUSES: readonly TrialStatus[] = ['pending_consent', 'pending_provisioning_details', 'active', 'expired_grace'];
export const canTrialTransition = (from: TrialStatus, to: TrialStatus) => TRIAL_TRANSITIONS[from].includes(to);
