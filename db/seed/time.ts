// Time helpers: the builder works in epoch milliseconds and rounds to whole seconds for rows.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Whole seconds: the UI shows times to the second, and ties stay exact. */
export const toDate = (ms: number) => new Date(Math.round(ms / 1000) * 1000);
export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
