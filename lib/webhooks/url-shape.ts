// The scheme rule of SPEC §8.4, client-safe (the form checks it as you type; the server again).
export const isLoopbackHost = (host: string) => {
  const h = host.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
};

/** The scheme and shape rules; no DNS. Used by the form schema on both sides. */
export function urlShapeProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Enter a full URL, such as https://example.com/webhooks.';
  }
  if (url.username || url.password) return 'The URL must not contain a user name or password.';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null;
  return 'Use an HTTPS URL (plain HTTP is allowed only to loopback addresses, for development).';
}
