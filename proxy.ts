// Next.js 16 Proxy (the former middleware): runs before every request that isn't a
// static asset. It sets the SPEC §10 security headers with a per-request CSP nonce and,
// unless TRUST_PROXY=1, replaces any client-sent X-Forwarded-Host with the real Host so
// Next's server-action origin check (and ours) can't be talked into trusting a forged one.
import { NextResponse, type NextRequest } from 'next/server';
import { trustProxy } from '@/lib/platform/client-address';
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from '@/lib/platform/security-headers';

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development' });
  const trusted = trustProxy();
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  const host = request.headers.get('host');
  if (!trusted && host) headers.set('x-forwarded-host', host);

  const https = request.nextUrl.protocol === 'https:' || (trusted && request.headers.get('x-forwarded-proto') === 'https');
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(staticSecurityHeaders(https))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static build assets are immutable files, not documents: no nonce needed (next.config.mjs
  // still gives them nosniff).
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
