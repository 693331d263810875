// A suspended indirect provider can only delete customers (SPEC §6.4, §8 provisioningState).
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { customers, orgs } from '@/db/schema';
import type { Actor } from '@/lib/auth/access';
import { runAuthorized } from '@/lib/server/guard';
import { customerIdSchema, customerRbpmSchema } from '@/lib/customers/customer-id-schema';
import { deleteCustomer } from '@/lib/customers/delete-customer';
import { retryCustomer } from '@/lib/customers/retry-customer';
import { setCustomerRbpm } from '@/lib/customers/set-customer-rbpm';
import { fixedClock } from '@/lib/platform/clock';
import { ConflictError } from '@/lib/platform/errors';
import { freshDb } from './support/test-db';
import { makeAdmin, makeCustomer, makePartner, makeSubPartner } from './support/fixtures';
import { oneRow } from '@/db/one-row';

const db = await freshDb();
const deps = { db, clock: fixedClock('2026-11-21T12:00:00Z'), jobs: { send: async () => {} } };
let sub: string;
let admin: Actor;
let active: { id: string; rbpm: boolean };
let failed: { id: string };

beforeAll(async () => {
  const parent = await makePartner(db);
  sub = (await makeSubPartner(db, parent.id)).id;
  admin = await makeAdmin(db, sub, ['partner_full_admin', 'wholesale_admin']);
  active = (await makeCustomer(db, sub)).customer;
  failed = (await makeCustomer(db, sub)).customer;
  await db.update(customers).set({ status: 'error' }).where(eq(customers.id, failed.id));
  await db.update(orgs).set({ state: 'suspended' }).where(eq(orgs.id, sub));
});

const status = async (id: string) =>
  (await db.select({ s: customers.status, rbpm: customers.rbpm }).from(customers).where(eq(customers.id, id)))[0];

describe('a suspended indirect provider', () => {
  it("can't retry provisioning", async () => {
    await expect(
      runAuthorized(
        deps,
        { userId: admin.userId, orgId: sub, input: { customerId: failed.id } },
        'customers.write',
        customerIdSchema,
        retryCustomer,
      ),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await status(failed.id)).s).toBe('error');
  });

  it("can't change a customer's settings (RBPM)", async () => {
    await expect(
      runAuthorized(
        deps,
        { userId: admin.userId, orgId: sub, input: { customerId: active.id, rbpm: !active.rbpm } },
        'customers.rbpm',
        customerRbpmSchema,
        setCustomerRbpm,
      ),
    ).rejects.toMatchObject({ message: expect.stringContaining('suspended'), errorCode: 10413 });
    expect((await status(active.id)).rbpm).toBe(active.rbpm);
  });

  it('can still delete a customer', async () => {
    await runAuthorized(
      deps,
      { userId: admin.userId, orgId: sub, input: { customerId: active.id } },
      'customers.delete',
      customerIdSchema,
      deleteCustomer,
    );
    expect((await status(active.id)).s).toBe('deprovisioned');
  });
});

describe('a customer whose services are not live', () => {
  it('gets no new users, so billing never restarts after deprovisioning', async () => {
    const { addUsers } = await import('@/lib/subscribers/add-users');
    const { addUsersSchema } = await import('@/lib/subscribers/subscriber-schemas');
    const { locations, packageAssignments } = await import('@/db/schema');
    const parent = await makePartner(db);
    const partnerAdmin = await makeAdmin(db, parent.id, ['partner_full_admin', 'wholesale_admin']);
    const { org, customer } = await makeCustomer(db, parent.id);
    await db
      .update(customers)
      .set({ status: 'deprovisioned', packages: ['webex_meetings'] })
      .where(eq(customers.id, customer.id));
    const hq = await oneRow(db.select().from(locations).where(eq(locations.orgId, org.id)), 'hq');
    const input = {
      rows: [
        {
          firstName: 'Late',
          lastName: 'Comer',
          email: 'late@comer.test',
          package: 'webex_meetings',
          locationId: hq.id,
          extension: '',
          primaryPhoneNumber: '',
        },
      ],
    };
    await expect(
      runAuthorized(deps, { userId: partnerAdmin.userId, orgId: org.id, input }, 'cv.users.manage', addUsersSchema, addUsers),
    ).rejects.toThrow(/can't be changed while the customer is deprovisioned/);
    expect(await db.select().from(packageAssignments).where(eq(packageAssignments.customerId, customer.id))).toHaveLength(0);
  });
});

describe('a suspended indirect provider, at every door the review found open (issue 10 #6)', () => {
  it('creates no templates or reports, adds no users or locations and renames no customer', async () => {
    const { createTemplate } = await import('@/lib/templates/create-template');
    const { templateSchema } = await import('@/lib/templates/template-schema');
    const { billingReportOps } = await import('@/lib/billing/report-operations');
    const { addUsers } = await import('@/lib/subscribers/add-users');
    const { addUsersSchema } = await import('@/lib/subscribers/subscriber-schemas');
    const { addLocation } = await import('@/lib/locations/add-location');
    const { addLocationSchema } = await import('@/lib/locations/location-schema');
    const { updateAccount } = await import('@/lib/customer-org-settings/update-account');
    const { updateAccountSchema } = await import('@/lib/customer-org-settings/org-settings-schemas');
    const { locations, onboardingTemplates, billingReports, subscribers } = await import('@/db/schema');

    const parent = await makePartner(db);
    const subOrg = await makeSubPartner(db, parent.id);
    const subAdmin = await makeAdmin(db, subOrg.id, ['partner_full_admin', 'wholesale_admin']);
    const parentAdmin = await makeAdmin(db, parent.id, ['partner_full_admin', 'wholesale_admin']);
    const { org: customerOrg } = await makeCustomer(db, subOrg.id, { name: 'Kept Name Co' });
    await db
      .update(customers)
      .set({ packages: ['webex_meetings'] })
      .where(eq(customers.orgId, customerOrg.id));
    await db.update(orgs).set({ state: 'suspended' }).where(eq(orgs.id, subOrg.id));
    const hq = await oneRow(db.select().from(locations).where(eq(locations.orgId, customerOrg.id)), 'hq');
    const create = billingReportOps.create;

    const attempts = [
      () =>
        runAuthorized(
          deps,
          { userId: subAdmin.userId, orgId: subOrg.id, input: { name: 'T' } },
          'templates.write',
          templateSchema,
          createTemplate,
        ),
      () =>
        runAuthorized(
          deps,
          { userId: subAdmin.userId, orgId: subOrg.id, input: { type: 'PARTNER', startDate: '2026-10-01', endDate: '2026-10-31' } },
          create.capability,
          create.schema,
          create.handler as never,
        ),
      ...[subAdmin, parentAdmin].flatMap((who) => [
        () =>
          runAuthorized(
            deps,
            {
              userId: who.userId,
              orgId: customerOrg.id,
              input: {
                rows: [
                  {
                    firstName: 'No',
                    lastName: 'Billing',
                    email: `nb-${who.userId}@x.test`,
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
          ),
        () =>
          runAuthorized(
            deps,
            {
              userId: who.userId,
              orgId: customerOrg.id,
              input: {
                name: 'Branch',
                timeZone: 'America/Chicago',
                language: 'en_US',
                address: {
                  addressLine1: '2 Side St',
                  addressLine2: '',
                  city: 'Peoria',
                  stateOrProvince: 'IL',
                  postalCode: '61602',
                  country: 'US',
                },
              },
            },
            'cv.locations.manage',
            addLocationSchema,
            addLocation,
          ),
        () =>
          runAuthorized(
            deps,
            { userId: who.userId, orgId: customerOrg.id, input: { companyName: 'Renamed Co' } },
            'cv.account.edit',
            updateAccountSchema,
            updateAccount,
          ),
      ]),
    ];
    for (const attempt of attempts) {
      const err = await attempt().then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ConflictError);
      expect(String(err)).toMatch(/suspended/);
    }
    expect(await db.select().from(onboardingTemplates).where(eq(onboardingTemplates.orgId, subOrg.id))).toHaveLength(0);
    expect(await db.select().from(billingReports).where(eq(billingReports.orgId, subOrg.id))).toHaveLength(0);
    expect(await db.select().from(subscribers).where(eq(subscribers.orgId, customerOrg.id))).toHaveLength(0);
    expect(await db.select().from(locations).where(eq(locations.orgId, customerOrg.id))).toHaveLength(1);
    expect((await db.select().from(orgs).where(eq(orgs.id, customerOrg.id)))[0].name).toBe('Kept Name Co');
    // Reading still works.
    await expect(
      runAuthorized(
        deps,
        { userId: subAdmin.userId, orgId: subOrg.id, input: {} },
        'customers.read',
        (await import('zod')).z.object({}),
        async () => 'ok',
      ),
    ).resolves.toBe('ok');
  });
});
