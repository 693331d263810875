// The OpenAPI 3.1 document, generated from the endpoint table and the very zod schemas
// the server validates with (zod 4's JSON Schema output), so it cannot drift from what
// the API accepts. Served at /api/openapi.json and rendered at /docs/api.
import { z } from 'zod';
import { scopeFor } from '@/lib/auth/token-scopes';
import { ERROR_CODES, ERROR_RULES, PRECHECK_OK_INFO } from '@/lib/platform/error-codes';
import type { ApiEndpoint } from './api-endpoint';
import { API_BASE } from './api-handler';
import { endpoints } from './endpoints';
import { openApiWebhooks } from './openapi-webhooks';
import { ATTACH_INFO } from '@/lib/customers/attach-rules';

type Json = Record<string, unknown>;

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output'): Json => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  return rest;
};

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  202: 'Accepted',
  204: 'No Content',
  400: 'Invalid request (the errors name the fields)',
  401: 'Missing, unknown, revoked or expired token',
  403: 'The token lacks the scope (named in the message), or onBehalfOfSubPartnerOrgId is not yours',
  404: 'Not found (or not within your reach)',
  409: 'Conflict with existing data, or the same Idempotency-Key still in progress',
  413: 'Body over 1 MB',
  415: 'Body is not application/json',
  422: 'Idempotency-Key reused with a different request',
  429: 'Rate limit exceeded (see Retry-After)',
  500: 'Internal error; nothing changed',
};

const header = (description: string, type: 'string' | 'integer' = 'string') => ({ description, schema: { type } });
const COMMON_HEADERS = {
  TrackingID: header('Identifies this request in our logs; quote it in support tickets.'),
  'RateLimit-Limit': header('Bucket size (burst) of this token.', 'integer'),
  'RateLimit-Remaining': header('Requests left in the bucket.', 'integer'),
  'RateLimit-Reset': header('Seconds until the bucket is full again.', 'integer'),
};

function parameters(e: ApiEndpoint): Json[] {
  const out: Json[] = [];
  const shape = (s: z.ZodType | undefined): Record<string, z.ZodType> => (s instanceof z.ZodObject ? s.shape : {});
  for (const [name, s] of Object.entries(shape(e.params))) out.push({ name, in: 'path', required: true, schema: jsonSchema(s, 'input') });
  for (const [name, s] of Object.entries(shape(e.query))) {
    const required = !s.safeParse(undefined).success;
    out.push({ name, in: 'query', required, schema: jsonSchema(s, 'input') });
  }
  out.push({
    name: 'onBehalfOfSubPartnerOrgId',
    in: 'query',
    required: false,
    schema: { type: 'string', format: 'uuid' },
    description: 'A parent partner acting for one of its own sub-partners. Anyone else using it gets 403.',
  });
  if (e.method !== 'GET') {
    out.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      schema: { type: 'string', maxLength: 255 },
      description: 'Retries with the same key and body get the stored response (Idempotent-Replayed: true) for 24 hours.',
    });
  }
  return out;
}

/** The catalogue code an error example of this status shows: the operation's own first, else the generic one. */
const GENERIC_CODE: Record<number, number> = {
  400: ERROR_CODES.validation,
  401: ERROR_CODES.unauthenticated,
  403: ERROR_CODES.forbidden,
  404: ERROR_CODES.notFound,
  409: ERROR_CODES.conflict,
  413: ERROR_CODES.bodyTooLarge,
  415: ERROR_CODES.unsupportedMediaType,
  422: ERROR_CODES.idempotencyMismatch,
  429: ERROR_CODES.rateLimited,
  500: ERROR_CODES.internal,
};
function exampleCode(status: number, e: ApiEndpoint): number {
  if (status === 404 && e.errorCodes.includes(ERROR_CODES.reportNotFound)) return ERROR_CODES.reportNotFound;
  if (status === 400 && e.errorCodes[0]) return e.errorCodes[0];
  return GENERIC_CODE[status] ?? ERROR_CODES.internal;
}

function errorResponse(status: number, e: ApiEndpoint): Json {
  const code = exampleCode(status, e);
  const rule = ERROR_RULES.find((r) => r.code === code);
  return {
    description: STATUS_TEXT[status] ?? 'Error',
    // A 401 has no token, so no bucket to report: only TrackingID.
    headers:
      status === 429
        ? { ...COMMON_HEADERS, 'Retry-After': header('Whole seconds to wait.', 'integer') }
        : status === 401
          ? { TrackingID: COMMON_HEADERS.TrackingID }
          : COMMON_HEADERS,
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/Error' },
        example: {
          message: STATUS_TEXT[status],
          errors: [{ errorCode: code, description: rule?.rule ?? STATUS_TEXT[status] }],
          trackingId: 'PH_0b6f9c2e-3a1d-4f5e-9b8c-7d6e5f4a3b2c',
        },
      },
    },
  };
}

/**
 * Every status the door itself can answer besides the operation's own: 400 (query or
 * onBehalfOf), 401, 403, 429 and 500 always; 404 with a path id; 413/415 with a body;
 * 409 (key in flight) and 422 (key reused) where Idempotency-Key applies.
 */
function errorStatuses(e: ApiEndpoint): number[] {
  const s = new Set<number>([...e.errorStatuses, 400, 401, 403, 429, 500]);
  if (e.params) s.add(404);
  if (e.body) [413, 415].forEach((x) => s.add(x));
  if (e.method !== 'GET') [409, 422].forEach((x) => s.add(x));
  return [...s].sort((a, b) => a - b);
}

function operation(e: ApiEndpoint): Json {
  const scope = scopeFor(e.capability);
  const success: Json = { description: STATUS_TEXT[e.status], headers: { ...COMMON_HEADERS } };
  if (e.status === 202 && e.response) (success.headers as Json).Location = header('Where to poll the customer.');
  if (e.query && e.path !== '/customers/validate')
    (success.headers as Json).Link = header('RFC 8288 links to the next/prev page (rel="next", rel="prev").');
  if (e.response) success.content = { 'application/json': { schema: jsonSchema(e.response, 'output'), example: e.example.response ?? {} } };
  const responses: Json = { [e.status]: success };
  for (const s of errorStatuses(e)) responses[s] = errorResponse(s, e);
  const op: Json = {
    operationId: e.operationId,
    summary: e.summary,
    description: [e.description, scope ? `Scope: \`${scope}\`.` : ''].filter(Boolean).join('\n\n'),
    tags: [e.tag],
    security: [{ bearerAuth: scope ? [scope] : [] }],
    parameters: parameters(e),
    responses,
    'x-required-scope': scope,
    'x-error-codes': e.errorCodes,
  };
  if (e.body)
    op.requestBody = {
      required: true,
      content: { 'application/json': { schema: jsonSchema(e.body, 'input'), example: e.example.request ?? {} } },
    };
  return op;
}

export function openApiDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const e of Object.values(endpoints)) {
    (paths[API_BASE + e.path] ??= {})[e.method.toLowerCase()] = operation(e);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Partner Hub Wholesale API',
      version: '1.0.0',
      description:
        'The public REST API of Partner Hub (SPEC §8): provision wholesale customers and subscribers, and download billing reports. ' +
        'Authenticate with a bearer token created in Settings → API tokens. JSON, camelCase. Lists take offset/max (default 100, at most 100). ' +
        'Every error body is {message, errors[{errorCode, description}], trackingId}.',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'Customers' },
      { name: 'Subscribers' },
      { name: 'Billing reports' },
      { name: 'Sub-partners' },
      { name: 'Webhooks', description: 'Events we send to your endpoints; see the webhooks section.' },
    ],
    paths,
    // SPEC §8.4: the events we POST to partners' endpoints (OpenAPI 3.1 webhooks).
    webhooks: openApiWebhooks(),
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'A Partner Hub API token (phk_…).' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['message', 'errors', 'trackingId'],
          properties: {
            message: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                required: ['errorCode', 'description'],
                properties: { errorCode: { type: 'integer' }, description: { type: 'string' }, field: { type: 'string' } },
              },
            },
            trackingId: { type: 'string' },
          },
        },
      },
    },
    'x-error-codes': ERROR_RULES.map((r) => ({ errorCode: r.code, description: r.rule })),
    'x-info-codes': [PRECHECK_OK_INFO, ATTACH_INFO.immediate, ATTACH_INFO.approval],
  };
}
