import { randomUUID } from 'node:crypto';
import { DomainError } from './errors';

/** SPEC §8 error body: { message, errors: [{ errorCode, description }], trackingId }. */
export interface ApiErrorBody {
  message: string;
  errors: { errorCode: number; description: string; field?: string }[];
  trackingId: string;
}

export function errorResponse(err: unknown): Response {
  const trackingId = `PH_${randomUUID()}`;
  if (err instanceof DomainError) {
    const fieldErrors = Object.entries(err.fieldErrors ?? {}).flatMap(([field, msgs]) =>
      msgs.map((description) => ({ errorCode: err.errorCode, description, field })),
    );
    const body: ApiErrorBody = {
      message: err.message,
      errors: fieldErrors.length ? fieldErrors : [{ errorCode: err.errorCode, description: err.message }],
      trackingId,
    };
    return Response.json(body, { status: err.status });
  }
  console.error(`[api] ${trackingId}`, err);
  const body: ApiErrorBody = { message: 'Internal error.', errors: [{ errorCode: 10500, description: 'Something went wrong on our side; nothing was changed.' }], trackingId };
  return Response.json(body, { status: 500 });
}
