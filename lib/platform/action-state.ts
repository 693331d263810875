import type { FieldErrors } from './errors';

/**
 * What a server action returns to its form. A failure carries the request's tracking id
 * (as API error bodies do): an unexpected error's message quotes it for support, and the
 * server's log lines of that request carry the same id.
 */
export type ActionState<T = unknown> =
  { ok: true; data: T; message?: string } | { ok: false; message: string; fieldErrors?: FieldErrors; trackingId?: string };
