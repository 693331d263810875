/**
 * Forwarded headers are trusted only behind a configured reverse proxy (TRUST_PROXY=1):
 * otherwise any client could name its own host or address (issue 10 #17).
 */
export function trustProxy(): boolean {
  return process.env.TRUST_PROXY === '1';
}

/**
 * The client's address for the sign-in throttle. Behind a trusted proxy: the first
 * X-Forwarded-For entry (the proxy's view of the client). Without one, the production
 * server (scripts/serve.mjs) has replaced X-Forwarded-For with the socket's peer address
 * before Next.js sees the request, so it is the only entry and can't be forged. (Under
 * `next dev` Next only fills it when absent; the last entry is the nearest hop.)
 */
export function clientAddress(headers: Headers, trusted = trustProxy()): string {
  const xff = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const ip = trusted ? (xff[0] ?? headers.get('x-real-ip')) : xff.at(-1);
  return (ip ?? 'unknown').slice(0, 100);
}

/** The host the request was addressed to (for same-origin checks). */
export function requestHost(headers: Headers, trusted = trustProxy()): string | null {
  const forwarded = trusted ? headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  return forwarded || headers.get('host');
}
