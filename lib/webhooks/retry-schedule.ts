// When to try again (SPEC §8.4): exponential backoff with jitter, for 24 hours.
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_GAP_MS = 4 * 60 * 60 * 1000;
/** An attempt in flight holds its delivery this long (beyond the 10 s timeout) so no second worker sends it too. */
export const ATTEMPT_LEASE_MS = 60_000;

/** Gap after the n-th failed attempt (1-based): 30 s, 1 min, 2 min … capped at 4 h, each ±20 % so retries of many endpoints spread out. */
export function retryDelayMs(failedAttempts: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failedAttempts - 1), MAX_RETRY_GAP_MS);
  return Math.round(base * (0.8 + 0.4 * random()));
}
