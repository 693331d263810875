// Calendar arithmetic on ISO dates (yyyy-mm-dd), always in UTC: a billing day is a UTC day.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Reports may look back this far (SPEC §7.2). Here, not in report-schema, so the form needs no zod to show it. */
export const REPORT_LOOKBACK_YEARS = 5;

/** Whether v is a real calendar date written yyyy-mm-dd (2026-02-30 is not). */
export function isIsoDate(v: string): boolean {
  if (!ISO_DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
}

/** The UTC day an instant falls on. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** Midnight UTC at the start of an ISO date. */
export const startOfDay = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export const addDays = (iso: string, days: number): string => utcDay(new Date(startOfDay(iso).getTime() + days * DAY_MS));

/** The same calendar date `years` later (29 Feb → 28 Feb in a common year). */
export function addYears(iso: string, years: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`Expected an ISO date (YYYY-MM-DD), got "${iso}".`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const target = new Date(Date.UTC(y + years, m - 1, 1));
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return utcDay(target);
}

/**
 * A report period as instants: [start 00:00Z, end + 1 day 00:00Z) — both dates
 * inclusive, so a one-day period is 86,400 seconds.
 */
export function periodBounds(start: string, end: string): { from: Date; to: Date } {
  return { from: startOfDay(start), to: startOfDay(addDays(end, 1)) };
}

/** Days in an inclusive period. */
export const daysInPeriod = (start: string, end: string): number =>
  Math.round((startOfDay(end).getTime() - startOfDay(start).getTime()) / DAY_MS) + 1;
