// Display formatting shared by pages. Always UTC so server-rendered output is stable
// whatever the server's time zone.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

function toDate(value: Date | string): Date | null {
  const d = typeof value === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value) : value;
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "21 Nov 2026" (accepts a Date, an ISO timestamp or a SQL date string). */
export function formatDate(value: Date | string | null | undefined): string {
  if (value == null) return '—';
  const d = toDate(value);
  if (!d) return '—';
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "2026-11-21 05:03 UTC" */
export function formatTimestamp(value: Date | string | null | undefined): string {
  if (value == null) return '—';
  const d = toDate(value);
  if (!d) return '—';
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** Machine-readable value for <time dateTime>. */
export function isoDateTime(value: Date | string | null | undefined): string | undefined {
  if (value == null) return undefined;
  return toDate(value)?.toISOString();
}

export const yesNo = (v: boolean) => (v ? 'Yes' : 'No');
