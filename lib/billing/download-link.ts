// Temporary download links (SPEC §7.2): HMAC-SHA256 over the report id and an expiry,
// with a key derived from AUTH_SECRET, so a link needs no session and no stored token.
// The download route also checks that the report still exists: delete revokes at once.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const DOWNLOAD_LINK_TTL_MS = 30 * 60 * 1000;

/** A key for this purpose only, so a link signature can never double as a session token. */
export function downloadLinkKey(authSecret = process.env.AUTH_SECRET): Buffer {
  if (!authSecret) throw new Error('AUTH_SECRET is not set: download links cannot be signed.');
  return createHmac('sha256', authSecret).update('partner-hub/billing-report-download/v1').digest();
}

const signature = (key: Buffer, reportId: string, expires: number) =>
  createHmac('sha256', key).update(`${reportId}\n${expires}`).digest('base64url');

export const downloadPath = (reportId: string) => `/api/billing/reports/${reportId}/download`;

/** The link (absolute when APP_URL is set) and when it stops working. */
export function signDownloadUrl(
  reportId: string,
  now: Date,
  key = downloadLinkKey(),
  baseUrl = process.env.APP_URL,
): { url: string; expiresAt: Date } {
  const expires = Math.floor((now.getTime() + DOWNLOAD_LINK_TTL_MS) / 1000);
  const query = new URLSearchParams({ expires: String(expires), signature: signature(key, reportId, expires) });
  const path = `${downloadPath(reportId)}?${query}`;
  return { url: baseUrl ? new URL(path, baseUrl).toString() : path, expiresAt: new Date(expires * 1000) };
}

export type LinkCheck = 'valid' | 'invalid' | 'expired';

export function checkDownloadLink(reportId: string, params: URLSearchParams, now: Date, key = downloadLinkKey()): LinkCheck {
  const expiresRaw = params.get('expires') ?? '';
  const given = Buffer.from(params.get('signature') ?? '', 'utf8');
  if (!/^\d{1,12}$/.test(expiresRaw)) return 'invalid';
  const expires = Number(expiresRaw);
  const expected = Buffer.from(signature(key, reportId, expires), 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  return now.getTime() < expires * 1000 ? 'valid' : 'expired';
}
