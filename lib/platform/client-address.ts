/**
 * Forwarded headers are trusted only behind a configured reverse proxy (TRUST_PROXY=1):
 * otherwise any client could name its own host or address (issue 10 #17).
 */
export function trustProxy(): boolean {
  return process.env.TRUST_PROXY === '1';
}

/**
 * The client's address for the sign-in throttle. Behind a trusted proxy: the first
 * X-Forwarded-For entry (the proxy's view of the client). Without one, Next.js's server
 * fills X-Forwarded-For from the socket when the client sent none; a client-sent value
 * can't be told apart there, so we take its last entry — the hop nearest to us.
 */
export function clientAddress(headers: Headers, trusted = trustProxy()): string {
  const xff = (headers.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const ip = trusted ? (xff[0] ?? headers.get('x-real-ip')) : xff.at(-1);
  return (ip ?? 'unknown').slice(0, 100);
}

/** The host the request was addressed to (for same-origin checks). */
export function requestHost(headers: Headers, trusted = trustProxy()): string | null {
  const forwarded = trusted ? headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  return forwarded || headers.get('host');
}
