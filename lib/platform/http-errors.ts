import { randomUUID } from 'node:crypto';
import { codeForMessage, ERROR_CODES } from './error-codes';
import { DomainError } from './errors';
import { logger } from './logger';

/** SPEC §8 error body: { message, errors: [{ errorCode, description }], trackingId }. */
export interface ApiErrorBody {
  message: string;
  errors: { errorCode: number; description: string; field?: string }[];
  trackingId: string;
}

export const newTrackingId = () => `PH_${randomUUID()}`;

/** A DomainError as the SPEC body: one entry per field message, each with its rule's code (error-codes.ts). */
export function errorBody(err: DomainError, trackingId: string): ApiErrorBody {
  const fieldErrors = Object.entries(err.fieldErrors ?? {}).flatMap(([field, msgs]) =>
    msgs.map((msg) => ({
      errorCode: codeForMessage(msg, err.errorCode),
      // Validation errors name the field (SPEC §8.1) in the text too, for logs and tickets.
      description: field === '_form' ? msg : `${field}: ${msg}`,
      ...(field === '_form' ? {} : { field }),
    })),
  );
  return {
    message: err.message,
    errors: fieldErrors.length ? fieldErrors : [{ errorCode: codeForMessage(err.message, err.errorCode), description: err.message }],
    trackingId,
  };
}

export function errorResponse(err: unknown, trackingId = newTrackingId(), headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  h.set('TrackingID', trackingId);
  if (err instanceof DomainError) return Response.json(errorBody(err, trackingId), { status: err.status, headers: h });
  logger.error({ err, trackingId }, 'request failed');
  const body: ApiErrorBody = {
    message: 'Internal error.',
    errors: [{ errorCode: ERROR_CODES.internal, description: 'Something went wrong on our side; nothing was changed.' }],
    trackingId,
  };
  return Response.json(body, { status: 500, headers: h });
}
