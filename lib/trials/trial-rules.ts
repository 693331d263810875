// The time rules of SPEC §9 as pure functions of a trial's dates and "now" (from the
// injected clock). The sweep and the use cases both decide with these, so each rule is
// proven once, at its boundary, in tests/unit/trial-rules.test.ts.
export const DAY_MS = 86_400_000;
export const TRIAL_LENGTHS = [30, 60, 90] as const;
export type TrialLength = (typeof TRIAL_LENGTHS)[number];
/** Extend adds this many days from today (not from the current end). */
export const EXTEND_DAYS = 30;
/** Trials with devices: at most this long in total, extensions included. */
export const DEVICE_CAP_DAYS = 120;
/** A consent request nobody answered is cancelled this long after it was sent. */
export const CONSENT_TIMEOUT_DAYS = 10;
/** The first reminder goes out this long before the end. */
export const REMINDER_DAYS = 7;
/** After the end: still convertible for this long (expired_grace). */
export const GRACE_DAYS = 30;
/** After the grace: calling numbers are kept this much longer, then released. */
export const NUMBER_HOLD_DAYS = 15;

const plusDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY_MS);

export const trialEnd = (startsAt: Date, lengthDays: number) => plusDays(startsAt, lengthDays);

/** Whole days left, rounded up ("1 day left" until the very end); 0 once ended. */
export function daysLeft(endsAt: Date, now: Date): number {
  const ms = endsAt.getTime() - now.getTime();
  return ms <= 0 ? 0 : Math.ceil(ms / DAY_MS);
}

export type ExtendResult = { ok: true; endsAt: Date; capped: boolean } | { ok: false; reason: 'device_cap' };

/**
 * Extend (SPEC §9): today + 30 days. With devices, never past start + 120 days; when the
 * cap leaves no time beyond the current end, the extension is refused.
 */
export function extendedEnd(t: { startsAt: Date; endsAt: Date; hasDevices: boolean }, now: Date): ExtendResult {
  let end = plusDays(now, EXTEND_DAYS);
  let capped = false;
  if (t.hasDevices) {
    const cap = plusDays(t.startsAt, DEVICE_CAP_DAYS);
    if (end.getTime() > cap.getTime()) {
      end = cap;
      capped = true;
    }
    if (end.getTime() <= t.endsAt.getTime()) return { ok: false, reason: 'device_cap' };
  }
  return { ok: true, endsAt: end, capped };
}

export const consentExpired = (requestedAt: Date, now: Date) => now.getTime() >= plusDays(requestedAt, CONSENT_TIMEOUT_DAYS).getTime();
/** The 7-day reminder is due from 7 days before the end until the end. */
export const reminderDue = (endsAt: Date, now: Date) =>
  now.getTime() >= plusDays(endsAt, -REMINDER_DAYS).getTime() && now.getTime() < endsAt.getTime();
/** The trial has reached its end: the on-the-day e-mail, and grace starts. */
export const expired = (endsAt: Date, now: Date) => now.getTime() >= endsAt.getTime();
export const graceEnds = (endsAt: Date) => plusDays(endsAt, GRACE_DAYS);
export const graceOver = (endsAt: Date, now: Date) => now.getTime() >= graceEnds(endsAt).getTime();
/** Numbers are released 15 days after the services were removed (end of grace, or Delete trial). */
export const numbersReleaseAt = (servicesRemovedAt: Date) => plusDays(servicesRemovedAt, NUMBER_HOLD_DAYS);
export const numbersReleaseDue = (servicesRemovedAt: Date, now: Date) => now.getTime() >= numbersReleaseAt(servicesRemovedAt).getTime();
