import { and, eq, isNull, sql } from 'drizzle-orm';
import { locations, subscribers, users } from '@/db/schema';
import { PACKAGE_INFO } from '@/lib/domain/packages';
import { PRECHECK_OK_INFO } from '@/lib/platform/error-codes';
import { ConflictError, ValidationError, type FieldErrors } from '@/lib/platform/errors';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import { defaultLocationId } from './add-api-subscriber';
import type { ApiCreateSubscriber } from './subscriber-api-schema';
import { getViewCustomerOrThrow } from './get-view-customer-or-throw';

/**
 * POST /subscribers/validate: every reason the subscriber would be refused, all at once
 * (e-mail used by another org or partner, number or extension taken, package not in the
 * customer, location not the org's), or infoCode 100 — changing nothing.
 */
export async function validateSubscriber(ctx: ServiceCtx, input: ApiCreateSubscriber) {
  const customer = await getViewCustomerOrThrow(ctx);
  const p = input.provisioningParameters;
  const errors: FieldErrors = {};
  const add = (f: string, m: string) => (errors[f] ??= []).push(m);
  let conflict = false;
  const locationId = await defaultLocationId(ctx, p.locationId);
  const [[loc], [emailUser], [phone], [ext]] = await Promise.all([
    ctx.db
      .select({ id: locations.id })
      .from(locations)
      .where(and(eq(locations.orgId, customer.orgId), sql`${locations.id}::text = ${locationId}`)),
    ctx.db
      .select({ orgId: users.orgId })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${input.email})`),
    p.primaryPhoneNumber
      ? ctx.db
          .select({ id: subscribers.id })
          .from(subscribers)
          .where(and(eq(subscribers.primaryPhoneNumber, p.primaryPhoneNumber), isNull(subscribers.removedAt)))
      : Promise.resolve([]),
    p.extension
      ? ctx.db
          .select({ id: subscribers.id })
          .from(subscribers)
          .where(
            and(
              sql`${subscribers.locationId}::text = ${locationId}`,
              eq(subscribers.extension, p.extension),
              isNull(subscribers.removedAt),
            ),
          )
      : Promise.resolve([]),
  ]);
  if (!customer.packages.includes(input.package))
    add('package', `${PACKAGE_INFO[input.package].name} isn't one of this customer's packages.`);
  if (!loc) add('provisioningParameters.locationId', 'Choose a location of this organisation.');
  if (emailUser && emailUser.orgId !== customer.orgId) {
    add('email', 'The email is already associated with an existing user.');
    conflict = true;
  }
  if (phone) {
    add('provisioningParameters.primaryPhoneNumber', 'This phone number is already in use.');
    conflict = true;
  }
  if (ext) {
    add('provisioningParameters.extension', 'This extension is already used at this location.');
    conflict = true;
  }
  if (Object.keys(errors).length) {
    const message = 'Fix the highlighted problems before adding the subscriber.';
    throw conflict ? new ConflictError(message, errors) : new ValidationError(message, errors);
  }
  return { message: PRECHECK_OK_INFO.description, info: [PRECHECK_OK_INFO] };
}
