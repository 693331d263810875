// Timeline and ledger planning: when a customer's life events happen, and one subscriber's
// billing intervals.
import type { PackageId } from '@/lib/domain/packages';
import type { CustomerSpec } from './catalog-customers';
import type { Rng } from './random';
import { DAY, HOUR, MINUTE } from './time';

export interface Timeline {
  createdAt: number;
  /** When provisioning finished (admin created, billing starts). */
  readyAt: number;
  statusChangedAt: number;
  rplReviewStartedAt: number | null;
  deprovisionedAt: number | null;
}

/** Customer life times per status, all relative to `now`, all within the past year. */
export function customerTimeline(spec: CustomerSpec, rng: Rng, now: number): Timeline {
  const base = { rplReviewStartedAt: null, deprovisionedAt: null };
  switch (spec.status) {
    case 'provisioning': {
      const createdAt = now - 3 * MINUTE;
      return { ...base, createdAt, readyAt: createdAt, statusChangedAt: createdAt };
    }
    case 'error': {
      const createdAt = now - 2 * DAY + rng.between(0, 6 * HOUR);
      return { ...base, createdAt, readyAt: createdAt, statusChangedAt: createdAt + 2 * MINUTE };
    }
    case 'pending_rpl_review': {
      const createdAt = now - DAY - 10 * MINUTE;
      return { ...base, createdAt, readyAt: createdAt, statusChangedAt: createdAt + MINUTE, rplReviewStartedAt: createdAt + MINUTE };
    }
    case 'suspended': {
      const createdAt = now - 6 * DAY;
      return {
        ...base,
        createdAt,
        readyAt: createdAt,
        statusChangedAt: createdAt + MINUTE + 72 * HOUR,
        rplReviewStartedAt: createdAt + MINUTE,
      };
    }
    default: {
      const createdAt = now - (spec.daysAgo ?? rng.int(20, 358)) * DAY - rng.between(0, 8 * HOUR);
      const readyAt = createdAt + 3 * MINUTE;
      const deprovisionedAt = spec.status === 'deprovisioned' ? now - 21 * DAY : null;
      return { ...base, createdAt, readyAt, statusChangedAt: deprovisionedAt ?? readyAt, deprovisionedAt };
    }
  }
}

export interface Interval {
  pkg: PackageId;
  start: number;
  end: number | null;
}

export interface LedgerPlan {
  intervals: Interval[];
  removedAt: number | null;
}

/**
 * One subscriber's billing history: one interval, or two when the package changed
 * (the old one ends at the instant the new one starts), ending early when the
 * subscriber was removed, and closed at `closeAt` when the customer was deprovisioned.
 */
export function planLedger(
  rng: Rng,
  opts: {
    start: number;
    until: number;
    pkg: PackageId;
    alternatives: PackageId[];
    mayChange: boolean;
    mayRemove: boolean;
    closeAt: number | null;
  },
): LedgerPlan {
  const roomy = opts.until - opts.start > 4 * HOUR;
  const change = roomy && opts.mayChange && opts.alternatives.length > 0 && rng.chance(0.2);
  const remove = roomy && opts.mayRemove && rng.chance(0.05);
  const intervals: Interval[] = [];
  let pkg = opts.pkg;
  let t = opts.start;
  if (change) {
    // Leave room for a removal after the change.
    const latest = remove ? t + (opts.until - t) / 2 : opts.until - HOUR;
    const changedAt = Math.round(rng.between(t + HOUR, latest) / 1000) * 1000;
    intervals.push({ pkg, start: t, end: changedAt });
    pkg = rng.pick(opts.alternatives);
    t = changedAt;
  }
  if (remove) {
    const removedAt = Math.round(rng.between(t + HOUR, opts.until - MINUTE) / 1000) * 1000;
    intervals.push({ pkg, start: t, end: removedAt });
    return { intervals, removedAt };
  }
  intervals.push({ pkg, start: t, end: opts.closeAt });
  return { intervals, removedAt: opts.closeAt };
}
