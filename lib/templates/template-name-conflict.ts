import { ConflictError, uniqueViolation } from '@/lib/platform/errors';

/**
 * The unique index on (org, lower(name)) is the last line against two admins saving the
 * same name at once: its violation becomes a 409 on the name field; anything else is rethrown.
 */
export const TEMPLATE_NAME_TAKEN = 'A template with this name already exists.';

export function rethrowTemplateNameConflict(err: unknown): never {
  if (uniqueViolation(err) === 'templates_org_name_unique') {
    throw new ConflictError(TEMPLATE_NAME_TAKEN, { name: [TEMPLATE_NAME_TAKEN] });
  }
  throw err;
}
