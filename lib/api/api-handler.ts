// The API door: every /v1/wholesale route goes through createApiHandler. It owns the
// conventions of SPEC §8.1 — TrackingID, bearer token, rate limit, strict JSON bodies,
// Idempotency-Key, paging links, the error body — and leaves the rules to the services.
import { z } from 'zod';
import { parseInput } from '@/lib/server/guard';
import { decideToken, tokenDenialMessage } from '@/lib/auth/token-scopes';
import { ERROR_CODES } from '@/lib/platform/error-codes';
import { DomainError, ForbiddenError, ValidationError } from '@/lib/platform/errors';
import { errorResponse, newTrackingId } from '@/lib/platform/http-errors';
import { annotateRequest, logger, withRequestContext } from '@/lib/platform/logger';
import { inTransaction, type ServiceDeps } from '@/lib/platform/service-ctx';
import type { ApiEndpoint, ApiOutput, PageInfo } from './api-endpoint';
import { authenticateToken } from './authenticate-token';
import { beginIdempotent, fingerprint, finishIdempotent, MAX_IDEMPOTENCY_KEY, releaseIdempotent } from './idempotency';
import { rateLimitConfig, takeToken, type RateLimitResult } from './rate-limit';
import { actingAccess } from './token-access';

export const API_BASE = '/v1/wholesale';
export const MAX_BODY_BYTES = 1024 * 1024;

class HttpError extends DomainError {
  constructor(
    message: string,
    status: 400 | 409 | 429,
    code: number,
    readonly httpStatus?: number,
  ) {
    super(message, status, code);
  }
}

type RouteContext = { params: Promise<Record<string, string>> };

function rateHeaders(r: RateLimitResult): Record<string, string> {
  return { 'RateLimit-Limit': String(r.limit), 'RateLimit-Remaining': String(r.remaining), 'RateLimit-Reset': String(r.reset) };
}

/** RFC 8288 Link header for offset/max paging. */
export function linkHeader(url: URL, page: PageInfo): string | null {
  const link = (offset: number, rel: string) => {
    const u = new URL(url);
    u.searchParams.set('offset', String(offset));
    u.searchParams.set('max', String(page.max));
    return `<${u.pathname}${u.search}>; rel="${rel}"`;
  };
  const parts: string[] = [];
  if (page.hasNext) parts.push(link(page.offset + page.max, 'next'));
  if (page.offset > 0) parts.push(link(Math.max(0, page.offset - page.max), 'prev'));
  return parts.length ? parts.join(', ') : null;
}

async function readJsonBody(req: Request): Promise<{ raw: string; value: unknown }> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase(); // split always returns at least one piece
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES)
    throw Object.assign(new ValidationError('The request body is larger than 1 MB.', undefined, ERROR_CODES.bodyTooLarge), {
      httpStatus: 413,
    });
  const raw = await req.text();
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES)
    throw Object.assign(new ValidationError('The request body is larger than 1 MB.', undefined, ERROR_CODES.bodyTooLarge), {
      httpStatus: 413,
    });
  if (!raw) return { raw, value: undefined };
  if (type !== 'application/json') {
    throw Object.assign(new ValidationError('Send the request body as application/json.', undefined, ERROR_CODES.unsupportedMediaType), {
      httpStatus: 415,
    });
  }
  try {
    return { raw, value: JSON.parse(raw) };
  } catch {
    throw new ValidationError('The request body is not valid JSON.', undefined, ERROR_CODES.invalidJson);
  }
}

/** A DomainError may carry an HTTP status beyond the domain's (413, 415, 422). */
function withStatus(res: Response, err: unknown): Response {
  const s = (err as { httpStatus?: number })?.httpStatus;
  return s ? new Response(res.body, { status: s, headers: res.headers }) : res;
}

const QUERY_BASE = z.object({ onBehalfOfSubPartnerOrgId: z.string().max(64).optional() });

export function createApiHandler(endpoint: ApiEndpoint, depsFactory: () => ServiceDeps) {
  // Every log line of the request (here and in the services) carries its TrackingID.
  return (req: Request, context?: RouteContext): Promise<Response> => {
    const trackingId = newTrackingId();
    return withRequestContext({ trackingId }, () => serve(req, context, trackingId));
  };

  async function serve(req: Request, context: RouteContext | undefined, trackingId: string): Promise<Response> {
    const started = Date.now();
    const url = new URL(req.url);
    const headers = new Headers({ TrackingID: trackingId });
    let status = 500;
    let idem: { orgId: string; key: string } | null = null;
    const deps = depsFactory();
    try {
      const now = deps.clock.now();
      const token = await authenticateToken(deps.db, req.headers.get('authorization'), now);
      annotateRequest({ orgId: token.orgId, actorId: `api-token:${token.id}` });
      const limit = await takeToken(deps.db, token.id, now, rateLimitConfig());
      for (const [k, v] of Object.entries(rateHeaders(limit))) headers.set(k, v);
      if (!limit.allowed) {
        headers.set('Retry-After', String(limit.retryAfter));
        throw new HttpError(`Rate limit exceeded: retry in ${limit.retryAfter} s.`, 429, ERROR_CODES.rateLimited);
      }
      // The scope first: a call outside the token's scopes is refused before anything is looked up.
      const scopeOnly = decideToken(
        {
          relation: 'own',
          partnerRoles: [],
          customerRoles: [],
          userId: '',
          partnerWholesale: true,
          org: { id: '', kind: 'partner', wholesale: true },
        },
        token.scopes,
        endpoint.capability,
      );
      if (!scopeOnly.allowed && scopeOnly.reason === 'missing_scope') throw new ForbiddenError(tokenDenialMessage(scopeOnly));

      const query = Object.fromEntries(url.searchParams);
      const { onBehalfOfSubPartnerOrgId, ...rest } = parseInput(QUERY_BASE.loose(), query);
      const access = await actingAccess(deps.db, token, onBehalfOfSubPartnerOrgId || null);
      const params = endpoint.params ? parseInput(endpoint.params, (await context?.params) ?? {}) : {};
      const parsedQuery = endpoint.query ? parseInput(endpoint.query, rest) : {};
      const { raw, value } = req.method === 'GET' || req.method === 'DELETE' ? { raw: '', value: undefined } : await readJsonBody(req);
      const body = endpoint.body ? parseInput(endpoint.body, value ?? {}) : undefined;

      const key = req.headers.get('idempotency-key');
      if (key !== null && req.method !== 'GET') {
        if (!key || key.length > MAX_IDEMPOTENCY_KEY)
          throw new ValidationError('Idempotency-Key must be 1–255 characters.', undefined, ERROR_CODES.badIdempotencyKey);
        const start = await beginIdempotent(deps.db, token.orgId, key, fingerprint(req.method, url.pathname + url.search, raw), now);
        if (start.kind === 'replay') {
          const h = new Headers(start.response.headers);
          for (const [k, v] of headers) if (k.toLowerCase() !== 'location') h.set(k, v);
          h.set('Idempotent-Replayed', 'true');
          status = start.response.status;
          return new Response(start.response.body || null, { status, headers: h });
        }
        if (start.kind === 'mismatch') {
          throw Object.assign(
            new ConflictLike('This Idempotency-Key was used with a different request.', ERROR_CODES.idempotencyMismatch),
            { httpStatus: 422 },
          );
        }
        if (start.kind === 'in_flight')
          throw new HttpError(
            'A request with this Idempotency-Key is still in progress; retry shortly.',
            409,
            ERROR_CODES.idempotencyInFlight,
          );
        idem = { orgId: token.orgId, key };
      }

      const out: ApiOutput = await endpoint.run({
        params,
        query: parsedQuery,
        body,
        token,
        access,
        deps,
        exec: async (target, capability, fn) => {
          const d = decideToken(target, token.scopes, capability);
          if (!d.allowed) throw new ForbiddenError(tokenDenialMessage(d));
          return inTransaction(deps, { ...target, reach: d.reach }, fn);
        },
      });
      status = endpoint.status;
      if (out.location) headers.set('Location', new URL(out.location, url.origin).pathname);
      if (out.page) {
        const link = linkHeader(url, out.page);
        if (link) headers.set('Link', link);
      }
      const text = status === 204 || out.body === undefined ? '' : JSON.stringify(out.body);
      if (text) headers.set('Content-Type', 'application/json');
      if (idem) await finishIdempotent(deps.db, idem.orgId, idem.key, { status, headers: storedHeaders(headers), body: text });
      return new Response(text || null, { status, headers });
    } catch (err) {
      const res = withStatus(errorResponse(err, trackingId, headers), err);
      status = res.status;
      if (idem) {
        // A refused request is a response like any other (replayed as is); a crash is not.
        if (status >= 500) await releaseIdempotent(deps.db, idem.orgId, idem.key).catch(() => {});
        else {
          const text = await res.clone().text();
          await finishIdempotent(deps.db, idem.orgId, idem.key, { status, headers: storedHeaders(res.headers), body: text }).catch(
            () => {},
          );
        }
      }
      return res;
    } finally {
      logger.info({ method: req.method, path: url.pathname, status, ms: Date.now() - started }, 'api request');
    }
  }
}

class ConflictLike extends DomainError {
  constructor(message: string, code: number) {
    super(message, 409, code);
  }
}

/** What a replay repeats: the response's own headers, not the per-request ones. */
function storedHeaders(h: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['location', 'content-type', 'link']) {
    const v = h.get(k);
    if (v) out[k] = v;
  }
  return out;
}
