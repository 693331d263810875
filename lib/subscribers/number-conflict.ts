import { ConflictError, uniqueViolation, type FieldErrors } from '@/lib/platform/errors';

/**
 * Field errors for a unique-index violation on subscribers or users. The database is the
 * last line against races (two admins taking one extension): whoever commits second lands here.
 */
export function numberConflict(err: unknown): FieldErrors | null {
  switch (uniqueViolation(err)) {
    case 'subscribers_location_extension_unique':
      return { extension: ['This extension is already used at this location.'] };
    case 'subscribers_phone_unique':
      return { primaryPhoneNumber: ['This phone number is already in use.'] };
    case 'users_email_unique':
      return { email: ['This email address is already in use.'] };
    case 'subscribers_user_unique':
      return { email: ['This person already has a package.'] };
    default:
      return null;
  }
}

/** The conflict as the error a use case throws: its one field's message, with the field errors. */
export function numberConflictError(err: unknown): ConflictError | null {
  const conflict = numberConflict(err);
  if (!conflict) return null;
  const message = Object.values(conflict).flat()[0] ?? 'This value is already in use.';
  return new ConflictError(message, conflict);
}
