import { requestHost } from './client-address';
import { ForbiddenError, ValidationError } from './errors';

/**
 * CSRF guard for mutating calls authenticated by the session cookie: the browser must
 * say the call comes from our own origin, and the body must be JSON (which a cross-site
 * form cannot send without a CORS preflight we never answer).
 */
export function assertSameOriginJson(req: Request) {
  const origin = req.headers.get('origin');
  // X-Forwarded-Host only counts behind a configured proxy (TRUST_PROXY=1).
  const host = requestHost(req.headers);
  if (!origin || !host || new URL(origin).host !== host) throw new ForbiddenError('Cross-site request refused.');
  if (!(req.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    throw new ValidationError('Send the request body as application/json.');
  }
}
