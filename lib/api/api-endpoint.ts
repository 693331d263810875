import type { z } from 'zod';
import type { Capability } from '@/lib/auth/permissions';
import type { OrgAccess } from '@/lib/auth/access';
import type { ServiceCtx, ServiceDeps } from '@/lib/platform/service-ctx';
import type { ApiToken } from './authenticate-token';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Page window of a list call, for the RFC 8288 Link header. */
export interface PageInfo {
  offset: number;
  max: number;
  hasNext: boolean;
}

export interface ApiOutput {
  body?: unknown;
  /** Absolute or base-relative; the wrapper resolves it against /v1/wholesale. */
  location?: string;
  page?: PageInfo;
}

export interface ApiCall<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  token: ApiToken;
  /** The org the call acts for (the token's, or a sub-partner via onBehalfOfSubPartnerOrgId). */
  access: OrgAccess;
  deps: ServiceDeps;
  /** Decides `capability` for this token on `access` (403 naming the scope), then runs fn in one transaction. */
  exec<R>(access: OrgAccess, capability: Capability, fn: (ctx: ServiceCtx) => Promise<R>): Promise<R>;
}

/**
 * One public API operation (SPEC §8). The route file, the OpenAPI document and the
 * contract tests all read this object; `capability` comes from the use case's
 * descriptor, so the REST door checks what the portal door checks.
 */
export interface ApiEndpoint<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  operationId: string;
  method: HttpMethod;
  /** Below /v1/wholesale, OpenAPI style: '/customers/{customerId}'. */
  path: string;
  summary: string;
  description?: string;
  tag: 'Customers' | 'Subscribers' | 'Billing reports' | 'Sub-partners';
  capability: Capability;
  params?: P;
  query?: Q;
  body?: B;
  status: 200 | 202 | 204;
  response?: z.ZodType;
  /** Error statuses this operation can answer besides 401/403/429/500. */
  errorStatuses: readonly number[];
  /** Error codes (error-codes.ts) this operation can return, for the document. */
  errorCodes: readonly number[];
  example: { request?: unknown; response?: unknown };
  run(call: ApiCall<z.output<P>, z.output<Q>, z.output<B>>): Promise<ApiOutput>;
}

/**
 * Erases an endpoint's schema types for the route table. The handler parses params, query and
 * body with this endpoint's own schemas before calling run, so the call it passes has their types.
 */
export const defineEndpoint = <P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(e: ApiEndpoint<P, Q, B>): ApiEndpoint => ({
  ...e,
  run: (call) => e.run(call as ApiCall<z.output<P>, z.output<Q>, z.output<B>>),
});
