import 'server-only';
import type { z } from 'zod';
import { signedInUser } from '@/lib/server/session';
import { runAuthorized } from '@/lib/server/guard';
import type { Capability } from '@/lib/auth/permissions';
import { assertSameOriginJson } from '@/lib/platform/same-origin';
import { errorResponse, newTrackingId } from '@/lib/platform/http-errors';
import { withRequestContext } from '@/lib/platform/logger';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import { appDeps } from './deps';

type RouteContext = { params: Promise<Record<string, string>> };

/**
 * A route handler for the portal's own browser calls (polling, downloads), authenticated
 * by the session. Like orgAction, it cannot be declared without a capability. The org
 * comes from the `orgId` route param; input is the query string (GET) or JSON body.
 * The handler runs in a transaction that ends when it returns: a streamed Response must
 * open its own connection/cursor rather than use ctx.db.
 */
export function sessionRoute<S extends z.ZodType, R>(
  capability: Capability,
  schema: S,
  handler: (ctx: ServiceCtx, input: z.output<S>, params: Record<string, string>) => Promise<R | Response>,
) {
  return (req: Request, context: RouteContext): Promise<Response> => {
    const trackingId = newTrackingId();
    return withRequestContext({ trackingId }, () => serve(req, context, trackingId));
  };

  async function serve(req: Request, context: RouteContext, trackingId: string): Promise<Response> {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') assertSameOriginJson(req);
      const params = await context.params;
      // Session routes live under /o/[orgId]: a missing param is a routing mistake, not bad input.
      if (!params.orgId) throw new Error('A session route needs the [orgId] route param.');
      const userId = (await signedInUser()) ?? undefined;
      const input =
        req.method === 'GET' || req.method === 'DELETE'
          ? { ...Object.fromEntries(new URL(req.url).searchParams), ...params }
          : { ...(await req.json().catch(() => ({}))), ...params };
      const result = await runAuthorized(appDeps(), { userId, orgId: params.orgId, input }, capability, schema, (ctx, i) =>
        handler(ctx, i, params),
      );
      return result instanceof Response ? result : Response.json(result);
    } catch (err) {
      return errorResponse(err, trackingId);
    }
  }
}
