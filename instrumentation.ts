import type { Instrumentation } from 'next';

// Starts the job queue workers (and the graceful-shutdown handler) with the server, not during `next build`.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startBackgroundWork } = await import('./jobs/start');
    await startBackgroundWork();
  }
}

/** Errors Next.js caught while rendering, in a route or an action: one structured log line each. */
export const onRequestError: Instrumentation.onRequestError = async (err, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logger } = await import('./lib/platform/logger');
  // Inside a door wrapper the request context is still open and the line carries its tracking id;
  // a page render has none, so Next's digest (shown by the error page) is the reference.
  const digest = (err as { digest?: string } | null)?.digest;
  logger.error(
    { err, digest, method: request.method, path: request.path, route: context.routePath, routeType: context.routeType },
    'request error',
  );
};
