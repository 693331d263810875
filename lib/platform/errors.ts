// Typed domain errors with stable codes; one mapper to HTTP (api), one to form state (actions).
export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 429,
    readonly errorCode: number,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, fieldErrors?: FieldErrors, errorCode = 10001) {
    super(message, 400, errorCode, fieldErrors);
  }
}
export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in to continue.') {
    super(message, 401, 10401);
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = "You don't have permission to do this.", errorCode = 10403) {
    super(message, 403, errorCode);
  }
}
export class NotFoundError extends DomainError {
  constructor(message = 'Not found.', errorCode = 10404) {
    super(message, 404, errorCode);
  }
}
export class ConflictError extends DomainError {
  constructor(message: string, fieldErrors?: FieldErrors, errorCode = 10409) {
    super(message, 409, errorCode, fieldErrors);
  }
}

/** Postgres foreign-key violation (23503) → the constraint name: a row the change refers to was deleted meanwhile. */
export function foreignKeyViolation(err: unknown): string | null {
  const e = err as { code?: string; constraint_name?: string; cause?: unknown };
  if (e?.code === '23503') return e.constraint_name ?? 'foreign_key';
  if (e?.cause) return foreignKeyViolation(e.cause);
  return null;
}

export const REFERENCE_GONE_MESSAGE =
  'Something this change refers to was deleted meanwhile. Reload the page and try again; nothing was changed.';

/** Postgres unique violation (23505) → the constraint name, so services can map races to 409s. */
export function uniqueViolation(err: unknown): string | null {
  const e = err as { code?: string; constraint_name?: string; cause?: unknown };
  if (e?.code === '23505') return e.constraint_name ?? 'unique';
  if (e?.cause) return uniqueViolation(e.cause);
  return null;
}
