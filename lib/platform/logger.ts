// Structured logs: one JSON object per line on stdout (pino), so a log shipper can index them.
// Every line written while a request is being served carries that request's tracking id, org
// and actor: the door wrappers (API handler, sessionRoute, orgAction) open a request context,
// the guard adds the actor once it is known, and pino's mixin copies the context into each line.
// A support ticket quoting the TrackingID of an error body or toast finds every line of that request.
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream, type Logger } from 'pino';

export interface RequestContext {
  trackingId: string;
  orgId?: string;
  actorId?: string;
}

// On globalThis: Next.js may load this module more than once per process (instrumentation,
// route and action bundles); they must share one context store and one output.
declare global {
  var __partnerHubRequestContext: AsyncLocalStorage<RequestContext> | undefined;
  var __partnerHubLog: { out: DestinationStream; logger?: Logger } | undefined;
}
const storage = (globalThis.__partnerHubRequestContext ??= new AsyncLocalStorage<RequestContext>());
const sink = (globalThis.__partnerHubLog ??= { out: pino.destination({ fd: 1, sync: true }) });

/** Runs fn with a request context: every log line inside it (also in awaited calls) names the request. */
export function withRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run({ ...context }, fn);
}

/** The current request's context, if a door wrapper opened one. */
export function requestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Adds what is learnt during the request (the actor once authenticated) to its later log lines. */
export function annotateRequest(patch: Partial<Omit<RequestContext, 'trackingId'>>): void {
  const current = storage.getStore();
  if (current) Object.assign(current, patch);
}

/** The process logger. Use `logger.error({ err }, 'what failed')` so the error is serialised with its stack. */
export const logger: Logger = (sink.logger ??= pino(
  {
    level: process.env.LOG_LEVEL ?? 'info',
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const ctx = storage.getStore();
      return ctx ? { trackingId: ctx.trackingId, orgId: ctx.orgId, actorId: ctx.actorId } : {};
    },
  },
  // Indirect so that tests can collect the lines (setLogDestination) without replacing the logger.
  { write: (line: string) => sink.out.write(line) },
));

/** Where log lines go (stdout by default). Returns the previous destination, to restore it. */
export function setLogDestination(out: DestinationStream): DestinationStream {
  const previous = sink.out;
  sink.out = out;
  return previous;
}
