// Issue 10 #1: Delete racing 20 parallel "add users" must leave no active subscriber and no
// package interval after deprovisioning: every write that adds or changes subscribers,
// packages or locations takes the customer row lock and checks the status under it.
import { and, eq, gte, isNull, or } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { customers, locations, packageAssignments, subscribers } from '@/db/schema';
import { runAuthorized } from '@/lib/server/guard';
import { customerIdSchema } from '@/lib/customers/customer-id-schema';
import { deleteCustomer } from '@/lib/customers/delete-customer';
import { addLocation } from '@/lib/locations/add-location';
import { addLocationSchema } from '@/lib/locations/location-schema';
import { systemClock } from '@/lib/platform/clock';
import { addUsers } from '@/lib/subscribers/add-users';
import { addUsersSchema } from '@/lib/subscribers/subscriber-schemas';
import { makeAdmin, makeCustomer, makePartner } from './support/fixtures';
import { freshDb } from './support/test-db';
import { oneRow } from '@/db/one-row';

const db = await freshDb();
// A real clock: the race is about commit order, and intervals are compared with deprovisioned_at.
const deps = { db, clock: systemClock, jobs: { send: async () => {} } };

describe('Delete racing writes to the customer', () => {
  it('leaves nothing billable after the delete, whatever the interleaving', async () => {
    for (let run = 0; run < 3; run++) {
      const partner = await makePartner(db);
      const admin = await makeAdmin(db, partner.id, ['partner_full_admin', 'wholesale_admin']);
      const { org, customer } = await makeCustomer(db, partner.id);
      await db
        .update(customers)
        .set({ packages: ['webex_meetings'] })
        .where(eq(customers.id, customer.id));
      const hq = await oneRow(db.select().from(locations).where(eq(locations.orgId, org.id)), 'hq');
      const add = (i: number) =>
        runAuthorized(
          deps,
          {
            userId: admin.userId,
            orgId: org.id,
            input: {
              rows: [
                {
                  firstName: 'Racing',
                  lastName: `User${i}`,
                  email: `r${run}-${i}@race.test`,
                  package: 'webex_meetings',
                  locationId: hq.id,
                  extension: '',
                  primaryPhoneNumber: '',
                },
              ],
            },
          },
          'cv.users.manage',
          addUsersSchema,
          addUsers,
        );
      const location = (i: number) =>
        runAuthorized(
          deps,
          {
            userId: admin.userId,
            orgId: org.id,
            input: {
              name: `Branch ${i}`,
              address: {
                addressLine1: '1 Race St',
                city: 'Springfield',
                addressLine2: '',
                stateOrProvince: 'IL',
                postalCode: '62701',
                country: 'US',
              },
              timeZone: 'America/Chicago',
              language: 'en_US',
            },
          },
          'cv.locations.manage',
          addLocationSchema,
          addLocation,
        );

      const writes = Array.from({ length: 20 }, (_, i) => (i % 5 === 4 ? location(i) : add(i)));
      const del = new Promise((r) => setTimeout(r, 5)).then(() =>
        runAuthorized(
          deps,
          { userId: admin.userId, orgId: partner.id, input: { customerId: customer.id } },
          'customers.delete',
          customerIdSchema,
          deleteCustomer,
        ),
      );
      const settled = await Promise.allSettled([...writes, del]);
      expect(settled.at(-1)!.status).toBe('fulfilled');
      // Writes that lost the race were refused with the clear conflict, not a crash.
      for (const s of settled) if (s.status === 'rejected') expect(String(s.reason)).toMatch(/while the customer is deprovisioned/);

      const after = await oneRow(db.select().from(customers).where(eq(customers.id, customer.id)), 'after');
      expect(after.status).toBe('deprovisioned');
      const active = await db
        .select({ id: subscribers.id })
        .from(subscribers)
        .where(and(eq(subscribers.customerId, customer.id), isNull(subscribers.removedAt)));
      expect(active).toHaveLength(0);
      const billable = await db
        .select({ id: packageAssignments.id })
        .from(packageAssignments)
        .where(
          and(
            eq(packageAssignments.customerId, customer.id),
            or(isNull(packageAssignments.endedAt), gte(packageAssignments.startedAt, after.deprovisionedAt!)),
          ),
        );
      expect(billable).toHaveLength(0);
      const lateLocations = await db
        .select({ id: locations.id })
        .from(locations)
        .where(and(eq(locations.orgId, org.id), gte(locations.createdAt, after.deprovisionedAt!)));
      expect(lateLocations).toHaveLength(0);
    }
  });
});
