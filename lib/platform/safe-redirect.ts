const BASE = 'http://self.invalid';

/**
 * The post-sign-in target as a path of this site, or '/' (SPEC §10; issue 10 #3). The
 * target is resolved the way a browser would — backslashes, tabs and newlines included
 * (`/\evil.test`, `/\t/evil.test` both mean `//evil.test`) — against our own origin, and
 * kept only when it stays there.
 */
export function safeCallbackPath(raw: unknown, origin: string = BASE): string {
  if (typeof raw !== 'string' || raw === '') return '/';
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return '/';
  }
  if (url.origin !== new URL(origin).origin) return '/';
  // "//x" as a path would be protocol-relative again once written into a Location header.
  return `${url.pathname.replace(/^\/+/, '/')}${url.search}${url.hash}`;
}
