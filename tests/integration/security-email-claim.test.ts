// Issue 10 #8: one e-mail-claim rule on every path that writes an e-mail. An address
// claimed by a customer still being provisioned is taken — renaming a user to it, adding
// a user with it or setting up a sub-partner with it is refused, so one tenant can't
// block another's provisioning.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { customers, locations, subscribers, subscriptions, users } from '@/db/schema';
import { runAuthorized } from '@/lib/server/guard';
import { fixedClock } from '@/lib/platform/clock';
import { ConflictError } from '@/lib/platform/errors';
import { createSubPartner } from '@/lib/sub-partners/create-sub-partner';
import { createSubPartnerSchema } from '@/lib/sub-partners/sub-partner-schema';
import { addUsers } from '@/lib/subscribers/add-users';
import { addUsersSchema, updateUserNamesSchema } from '@/lib/subscribers/subscriber-schemas';
import { updateUserNames } from '@/lib/subscribers/update-user-names';
import { makeAdmin, makeCustomer, makePartner } from './support/fixtures';
import { freshDb } from './support/test-db';
import { oneRow } from '@/db/one-row';

const db = await freshDb();
const deps = { db, clock: fixedClock('2026-11-21T12:00:00Z'), jobs: { send: async () => {} } };
let n = 0;
let PENDING = '';

async function world() {
  PENDING = `pending.admin${++n}@pinecrest.test`;
  const other = await makePartner(db);
  const pinecrest = await makeCustomer(db, other.id);
  await db.update(customers).set({ status: 'provisioning', adminEmail: PENDING }).where(eq(customers.id, pinecrest.customer.id));
  const partner = await makePartner(db);
  const admin = await makeAdmin(db, partner.id, ['partner_full_admin', 'wholesale_admin']);
  const bluebird = await makeCustomer(db, partner.id);
  await db
    .update(customers)
    .set({ packages: ['webex_meetings'] })
    .where(eq(customers.id, bluebird.customer.id));
  const bluebirdAdmin = await makeAdmin(db, bluebird.org.id, ['customer_full_admin']);
  const [hq] = await db.select().from(locations).where(eq(locations.orgId, bluebird.org.id));
  return { partner, admin, bluebird, bluebirdAdmin, hq, pinecrest };
}

const usersWith = async (email: string) =>
  db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);

describe("a pending customer's administrator address", () => {
  it("can't be taken by renaming another tenant's user", async () => {
    const w = await world();
    const u = await oneRow(
      db.insert(users).values({ orgId: w.bluebird.org.id, email: 'baker@bluebird.test', firstName: 'B', lastName: 'B' }).returning(),
      'u',
    );
    const s = await oneRow(
      db
        .insert(subscribers)
        .values({
          customerId: w.bluebird.customer.id,
          orgId: w.bluebird.org.id,
          kind: 'user',
          userId: u.id,
          package: 'webex_meetings',
          locationId: w.hq.id,
        })
        .returning(),
      's',
    );
    const input = { subscriberId: s.id, firstName: 'B', lastName: 'B', displayName: '', email: PENDING.toUpperCase() };
    const err = await runAuthorized(
      deps,
      { userId: w.bluebirdAdmin.userId, orgId: w.bluebird.org.id, input },
      'cv.users.editNames',
      updateUserNamesSchema,
      updateUserNames,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(await usersWith(PENDING)).toHaveLength(0);
  });

  it("can't be taken by adding a user", async () => {
    const w = await world();
    const input = {
      rows: [
        {
          firstName: 'P',
          lastName: 'C',
          email: PENDING,
          package: 'webex_meetings',
          locationId: w.hq.id,
          extension: '',
          primaryPhoneNumber: '',
        },
      ],
    };
    const r = await runAuthorized(
      deps,
      { userId: w.admin.userId, orgId: w.bluebird.org.id, input },
      'cv.users.manage',
      addUsersSchema,
      addUsers,
    );
    expect(r.results[0]).toMatchObject({ ok: false, errors: { email: [expect.stringMatching(/already in use/)] } });
    expect(await usersWith(PENDING)).toHaveLength(0);
  });

  it("can't be taken by a sub-partner's first administrator (10022)", async () => {
    const w = await world();
    const subscription = await oneRow(db.select().from(subscriptions).where(eq(subscriptions.partnerOrgId, w.partner.id)), 'subscription');
    const input = {
      name: 'Claimer',
      adminEmail: PENDING,
      adminFirstName: 'A',
      adminLastName: 'B',
      subscriptionId: subscription.id,
      billingStartDate: '',
    };
    const err = await runAuthorized(
      deps,
      { userId: w.admin.userId, orgId: w.partner.id, input },
      'subPartners.manage',
      createSubPartnerSchema,
      createSubPartner,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).errorCode).toBe(10022);
    expect(await usersWith(PENDING)).toHaveLength(0);
  });

  it("stays available to the customer's own provisioning", async () => {
    const w = await world();
    await db.insert(users).values({ orgId: w.pinecrest.org.id, email: PENDING, firstName: 'P', lastName: 'A' });
    expect(await usersWith(PENDING)).toHaveLength(1);
  });
});
