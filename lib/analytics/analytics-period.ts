import { z } from 'zod';

/** The period picker: the last N calendar months, this month (to date) included. */
export const ANALYTICS_PERIODS = [3, 6, 12, 24] as const;
export const DEFAULT_MONTHS = 12;

export const analyticsPeriodSchema = z.object({
  months: z.coerce
    .number()
    .int()
    .refine((n) => (ANALYTICS_PERIODS as readonly number[]).includes(n), 'Choose 3, 6, 12 or 24 months.')
    .catch(DEFAULT_MONTHS),
});

/** 'YYYY-MM' keys of the period, oldest first, ending with today's month (UTC). */
export function periodMonths(today: Date, months: number): string[] {
  const out: string[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

/** First instant of the month after key (exclusive end of "at month end"). */
export const monthEnd = (key: string) => {
  const { y, m } = yearMonth(key);
  return new Date(Date.UTC(y, m, 1));
};
export const monthStart = (key: string) => {
  const { y, m } = yearMonth(key);
  return new Date(Date.UTC(y, m - 1, 1));
};

function yearMonth(key: string): { y: number; m: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) throw new Error(`Expected a 'YYYY-MM' month key, got "${key}".`);
  return { y: Number(match[1]), m: Number(match[2]) };
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const monthLabel = (key: string) => `${MONTH_NAMES[Number(key.slice(5)) - 1]} ${key.slice(0, 4)}`;
