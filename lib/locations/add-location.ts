import type { z } from 'zod';
import { locations } from '@/db/schema';
import { audit } from '@/lib/platform/audit';
import { ConflictError, uniqueViolation } from '@/lib/platform/errors';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import { getViewCustomerOrThrow, NOT_DELETED } from '@/lib/subscribers/get-view-customer-or-throw';
import type { addLocationSchema } from './location-schema';
import { oneRow } from '@/db/one-row';

/** Adds a location to the customer org in the URL; the name is unique per org (case-insensitive). */
export async function addLocation(ctx: ServiceCtx, input: z.output<typeof addLocationSchema>) {
  const { address: a } = input;
  // A wholesale customer's row lock orders this against Delete; an org without wholesale
  // services (an attached org) has nothing to delete.
  if (ctx.access.customer) await getViewCustomerOrThrow(ctx, NOT_DELETED);
  try {
    return await ctx.db.transaction(async (sp) => {
      const loc = await oneRow(
        sp
          .insert(locations)
          .values({
            orgId: ctx.access.org.id,
            name: input.name,
            addressLine1: a.addressLine1,
            addressLine2: a.addressLine2 || null,
            city: a.city,
            stateOrProvince: a.stateOrProvince || null,
            postalCode: a.postalCode,
            country: a.country,
            timeZone: input.timeZone,
            language: input.language,
            createdAt: ctx.clock.now(),
          })
          .returning({ id: locations.id }),
        'the inserted location',
      );
      await audit(sp, auditActor(ctx), {
        action: 'location.create',
        targetType: 'location',
        targetId: loc.id,
        summary: `Added location "${input.name}"`,
        after: input,
      });
      return { locationId: loc.id };
    });
  } catch (err) {
    if (uniqueViolation(err) === 'locations_org_name_unique') {
      throw new ConflictError('A location with this name already exists.', { name: ['A location with this name already exists.'] });
    }
    throw err;
  }
}
