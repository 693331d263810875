// SPEC §9's time rules on a fixed clock, each boundary checked one second either side.
import { describe, expect, it } from 'vitest';
import {
  CONSENT_TIMEOUT_DAYS,
  DAY_MS,
  consentExpired,
  daysLeft,
  expired,
  extendedEnd,
  graceOver,
  numbersReleaseDue,
  reminderDue,
  trialEnd,
} from '@/lib/trials/trial-rules';

const S = 1000;
const T0 = new Date('2030-03-01T09:30:00Z');
const at = (days: number, seconds = 0) => new Date(T0.getTime() + days * DAY_MS + seconds * S);

describe('trial length and days left', () => {
  it('a 30-day trial started now shows "30 days left" and ends 30 days later to the second', () => {
    const end = trialEnd(T0, 30);
    expect(end.toISOString()).toBe('2030-03-31T09:30:00.000Z');
    expect(daysLeft(end, T0)).toBe(30);
    expect(daysLeft(end, at(0, 1))).toBe(30);
    expect(daysLeft(end, at(29, 1))).toBe(1);
    expect(daysLeft(end, at(30, -1))).toBe(1);
    expect(daysLeft(end, at(30))).toBe(0);
  });
});

describe('Extend: +30 days from today, not from the end', () => {
  const trial = { startsAt: T0, endsAt: at(30), hasDevices: false };
  it('counts from now', () => {
    const r = extendedEnd(trial, at(10));
    expect(r).toEqual({ ok: true, endsAt: at(40), capped: false });
  });
  it('a device trial is capped at 120 days from its start (±1 s)', () => {
    const devices = { startsAt: T0, endsAt: at(100), hasDevices: true };
    expect(extendedEnd(devices, at(90, -1))).toEqual({ ok: true, endsAt: at(120, -1), capped: false });
    expect(extendedEnd(devices, at(90))).toEqual({ ok: true, endsAt: at(120), capped: false });
    expect(extendedEnd(devices, at(90, 1))).toEqual({ ok: true, endsAt: at(120), capped: true });
  });
  it('refuses when the cap leaves nothing beyond the current end', () => {
    expect(extendedEnd({ startsAt: T0, endsAt: at(120), hasDevices: true }, at(100))).toEqual({ ok: false, reason: 'device_cap' });
    expect(extendedEnd({ startsAt: T0, endsAt: at(120, -1), hasDevices: true }, at(100)).ok).toBe(true);
    // Without devices there is no cap.
    expect(extendedEnd({ startsAt: T0, endsAt: at(120), hasDevices: false }, at(100))).toEqual({
      ok: true,
      endsAt: at(130),
      capped: false,
    });
  });
});

describe('consent request: cancelled after 10 days without an answer', () => {
  it(`boundary at ${CONSENT_TIMEOUT_DAYS} days ±1 s`, () => {
    expect(consentExpired(T0, at(10, -1))).toBe(false);
    expect(consentExpired(T0, at(10))).toBe(true);
    expect(consentExpired(T0, at(10, 1))).toBe(true);
  });
});

describe('expiry', () => {
  const end = at(30);
  it('the 7-day reminder is due from 7 days before the end until the end (±1 s)', () => {
    expect(reminderDue(end, at(23, -1))).toBe(false);
    expect(reminderDue(end, at(23))).toBe(true);
    expect(reminderDue(end, at(23, 1))).toBe(true);
    expect(reminderDue(end, at(30, -1))).toBe(true);
    expect(reminderDue(end, at(30))).toBe(false);
  });
  it('the trial expires on the day, at its end (±1 s)', () => {
    expect(expired(end, at(30, -1))).toBe(false);
    expect(expired(end, at(30))).toBe(true);
    expect(expired(end, at(30, 1))).toBe(true);
  });
  it('the 30-day grace ends 30 days after the end (±1 s)', () => {
    expect(graceOver(end, at(60, -1))).toBe(false);
    expect(graceOver(end, at(60))).toBe(true);
    expect(graceOver(end, at(60, 1))).toBe(true);
  });
  it('numbers are kept 15 days after the services were removed (±1 s)', () => {
    const removed = at(60);
    expect(numbersReleaseDue(removed, at(75, -1))).toBe(false);
    expect(numbersReleaseDue(removed, at(75))).toBe(true);
    expect(numbersReleaseDue(removed, at(75, 1))).toBe(true);
  });
});
