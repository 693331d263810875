import { addDays, daysInPeriod, isIsoDate } from './report-dates';

export const DEFAULT_CHART_DAYS = 30;
/** The longest period the chart draws: a day is a bar, a year is still readable. */
export const MAX_CHART_DAYS = 366;

/**
 * The usage chart's period from the page's query (?usageStart&usageEnd): by default the
 * last 30 whole days before today; a bad request falls back to it with a note.
 */
export function chartPeriod(requested: { start: string; end: string }, today: string): { start: string; end: string; note: string | null } {
  const fallback = { start: addDays(today, -DEFAULT_CHART_DAYS), end: addDays(today, -1) };
  if (!requested.start && !requested.end) return { ...fallback, note: null };
  const { start, end } = requested;
  const problem =
    !isIsoDate(start) || !isIsoDate(end)
      ? 'Enter both dates.'
      : start > end
        ? 'The start date must be on or before the end date.'
        : end >= today
          ? 'The chart shows whole days up to yesterday.'
          : daysInPeriod(start, end) > MAX_CHART_DAYS
            ? `The chart shows at most ${MAX_CHART_DAYS} days.`
            : null;
  return problem ? { ...fallback, note: `${problem} Showing the last ${DEFAULT_CHART_DAYS} days instead.` } : { start, end, note: null };
}
