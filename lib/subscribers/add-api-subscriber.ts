import { and, eq } from 'drizzle-orm';
import { locations } from '@/db/schema';
import { ConflictError, ValidationError, type FieldErrors } from '@/lib/platform/errors';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import { addUsers } from './add-users';
import type { ApiCreateSubscriber } from './subscriber-api-schema';
import { subscriberResources } from './subscriber-resource';

/** Field names of the portal's row → the API body's. */
const API_FIELD: Record<string, string> = {
  firstName: 'provisioningParameters.firstName',
  lastName: 'provisioningParameters.lastName',
  locationId: 'provisioningParameters.locationId',
  extension: 'provisioningParameters.extension',
  primaryPhoneNumber: 'provisioningParameters.primaryPhoneNumber',
};
const CONFLICT_FIELDS = new Set(['email', 'extension', 'primaryPhoneNumber']);

export function toApiFields(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [API_FIELD[k] ?? k, v]));
}

/** The HQ location unless the caller names one (the API's locationId is optional). */
export async function defaultLocationId(ctx: ServiceCtx, locationId: string | undefined): Promise<string> {
  if (locationId) return locationId;
  const [hq] = await ctx.db
    .select({ id: locations.id })
    .from(locations)
    .where(and(eq(locations.orgId, ctx.access.org.id), eq(locations.isHeadquarters, true)));
  return hq?.id ?? '';
}

/**
 * POST /subscribers (SPEC §8): one user through the same use case as the portal's
 * *Add users* (addUsers), in the customer org's access. Answers the provisioned
 * subscriber; the administrator the provisioning job created is reported, not duplicated.
 */
export async function addApiSubscriber(ctx: ServiceCtx, input: ApiCreateSubscriber) {
  const p = input.provisioningParameters;
  const locationId = await defaultLocationId(ctx, p.locationId);
  const { results } = await addUsers(ctx, {
    rows: [
      {
        firstName: p.firstName,
        lastName: p.lastName,
        email: input.email,
        package: input.package,
        locationId,
        extension: p.extension,
        primaryPhoneNumber: p.primaryPhoneNumber,
      },
    ],
  });
  const [r] = results;
  if (!r) throw new Error('Expected one result for the one subscriber sent.');
  if (!r.ok) {
    const errors = r.errors ?? {};
    const message = 'The subscriber could not be provisioned.';
    throw Object.keys(errors).some((k) => CONFLICT_FIELDS.has(k))
      ? new ConflictError(message, toApiFields(errors))
      : new ValidationError(message, toApiFields(errors));
  }
  const [resource] = await subscriberResources(ctx.db, [r.subscriberId!]);
  return resource;
}
