// SPEC §8.3: an existing org attached through the API is managed by its partner through
// the API only. Every portal write of the partner on it — the customer view's writes
// (which the Set up wizard uses too), Retry, Delete, the RBPM toggle — is refused on the
// server with 10114 "Managed through the API" and changes nothing; the org's own admins
// keep managing it; the same changes through the API (a token of the partner) work.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerPackages, customers, subscribers } from '@/db/schema';
import { createApiToken } from '@/lib/api-tokens/create-api-token';
import { createTokenSchema } from '@/lib/api-tokens/token-schema';
import { loadActor, resolveAccess } from '@/lib/auth/access';
import type { Capability } from '@/lib/auth/permissions';
import { decide } from '@/lib/auth/policy';
import { customerIdSchema, customerRbpmSchema } from '@/lib/customers/customer-id-schema';
import { deleteCustomer } from '@/lib/customers/delete-customer';
import { retryCustomer } from '@/lib/customers/retry-customer';
import { setCustomerRbpm } from '@/lib/customers/set-customer-rbpm';
import { addLocation } from '@/lib/locations/add-location';
import { addLocationSchema } from '@/lib/locations/location-schema';
import {
  updateAccountSchema,
  updateDomainSchema,
  updateEmailSettingsSchema,
  updateSsoSchema,
} from '@/lib/customer-org-settings/org-settings-schemas';
import { updateAccount } from '@/lib/customer-org-settings/update-account';
import { updateDomain } from '@/lib/customer-org-settings/update-domain';
import { updateEmailSettings } from '@/lib/customer-org-settings/update-email-settings';
import { updateSso } from '@/lib/customer-org-settings/update-sso';
import { fixedClock } from '@/lib/platform/clock';
import { ConflictError } from '@/lib/platform/errors';
import type { ServiceCtx, ServiceDeps } from '@/lib/platform/service-ctx';
import { addUsers } from '@/lib/subscribers/add-users';
import { addWorkspace } from '@/lib/subscribers/add-workspace';
import { changePackage } from '@/lib/subscribers/change-package';
import { removeSubscriber } from '@/lib/subscribers/remove-subscriber';
import {
  addUsersSchema,
  addWorkspaceSchema,
  changePackageSchema,
  subscriberIdSchema,
  updatePrimaryNumberSchema,
  updateUserNamesSchema,
} from '@/lib/subscribers/subscriber-schemas';
import { updatePrimaryNumber } from '@/lib/subscribers/update-primary-number';
import { updateUserNames } from '@/lib/subscribers/update-user-names';
import { startApiServer, type ApiServer } from './support/api-server';
import { recordingJobs, rejection, serviceCaller } from './support/customer-fixtures';
import { insertUser, next, setupCustomer, snapshot, uniqueEmail, uniquePhone, type ViewCustomer } from './support/customer-view-fixtures';
import { makeAdmin, makePartner } from './support/fixtures';
import { freshDb } from './support/test-db';
import { defined } from '@/tests/support/rows';

const db = await freshDb();
const clock = fixedClock('2030-03-01T09:00:00Z');
const jobs = recordingJobs();
const deps: ServiceDeps = { db, clock, jobs };
const call = serviceCaller(db, { clock, jobs });

const partnerId = (await makePartner(db, { name: 'API-only Partner' })).id;
const full = await makeAdmin(db, partnerId, ['partner_full_admin', 'wholesale_admin']);
const c = await setupCustomer(db, partnerId, { rbpm: false });
await db.update(customers).set({ attached: true, partnerAdminLevel: 'full' }).where(eq(customers.id, c.customerId));
const orgAdmin = await makeAdmin(db, c.orgId, ['customer_full_admin']);
let api: ApiServer;
let token: string;

beforeAll(async () => {
  api = await startApiServer(() => deps);
  ({ token } = await call(full.userId, partnerId, 'apiTokens.manage', createTokenSchema, createApiToken, {
    name: 'api-only',
    scopes: ['wholesale_customers_read', 'wholesale_customers_write', 'wholesale_subscribers_read', 'wholesale_subscribers_write'],
    expiry: '30',
  }));
});
afterAll(async () => {
  await api.close();
});

interface Op {
  capability: Capability;
  run: (userId: string, input: unknown) => Promise<unknown>;
  input: (c: ViewCustomer) => Promise<unknown>;
}
/** A customer-view write bound to its capability and schema as its server action binds it. */
function op<S extends z.ZodType>(
  capability: Capability,
  schema: S,
  service: (ctx: ServiceCtx, input: z.output<S>) => Promise<unknown>,
  input: Op['input'],
): Op {
  return { capability, run: (userId, i) => call(userId, c.orgId, capability, schema, service, i), input };
}

// Users, workspaces and locations are also what the Set up wizard writes.
const VIEW_WRITES: Record<string, Op> = {
  addUsers: op('cv.users.manage', addUsersSchema, addUsers, async (v) => ({
    rows: [
      {
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: uniqueEmail(),
        package: 'webex_calling',
        locationId: v.hqId,
        extension: String(4000 + next()),
        primaryPhoneNumber: '',
      },
    ],
  })),
  addWorkspace: op('cv.users.manage', addWorkspaceSchema, addWorkspace, async (v) => ({
    name: `Lobby ${next()}`,
    package: 'common_area_calling',
    locationId: v.hqId,
    extension: String(5000 + next()),
    primaryPhoneNumber: '',
  })),
  changePackage: op('cv.users.manage', changePackageSchema, changePackage, async (v) => ({
    subscriberId: (await insertUser(db, v)).subscriberId,
    package: 'webex_suite',
  })),
  updateUserNames: op('cv.users.editNames', updateUserNamesSchema, updateUserNames, async (v) => ({
    subscriberId: (await insertUser(db, v)).subscriberId,
    firstName: 'Grace',
    lastName: 'Hopper',
    displayName: '',
    email: uniqueEmail('renamed'),
  })),
  updatePrimaryNumber: op('cv.users.primaryNumber', updatePrimaryNumberSchema, updatePrimaryNumber, async (v) => ({
    subscriberId: (await insertUser(db, v)).subscriberId,
    primaryPhoneNumber: uniquePhone(),
  })),
  removeSubscriber: op('cv.users.manage', subscriberIdSchema, removeSubscriber, async (v) => ({
    subscriberId: (await insertUser(db, v)).subscriberId,
  })),
  updateAccount: op('cv.account.edit', updateAccountSchema, updateAccount, async () => ({ companyName: `Renamed Co ${next()}` })),
  updateDomain: op('cv.orgSettings.domain', updateDomainSchema, updateDomain, async () => ({ domain: `d${next()}.example.com` })),
  updateEmailSettings: op('cv.orgSettings.email', updateEmailSettingsSchema, updateEmailSettings, async () => ({
    suppressAdminInviteEmails: true,
    emailLanguage: 'fr_FR',
  })),
  updateSso: op('cv.orgSettings.sso', updateSsoSchema, updateSso, async () => ({
    mode: 'saml',
    idpEntityId: `https://idp${next()}.example.com`,
  })),
  addLocation: op('cv.locations.manage', addLocationSchema, addLocation, async () => ({
    name: `Branch ${next()}`,
    timeZone: 'America/Chicago',
    language: 'en_US',
    address: { addressLine1: '2 Side St', addressLine2: '', city: 'Peoria', stateOrProvince: 'IL', postalCode: '61602', country: 'US' },
  })),
};

const managedThroughApi = { errorCode: 10114, message: expect.stringMatching(/^Managed through the API/) };
const customerRow = async () => (await db.select().from(customers).where(eq(customers.id, c.customerId)))[0];

describe("the partner's portal writes in the attached org's view", () => {
  it.each(Object.keys(VIEW_WRITES))('%s is refused with 10114 and changes nothing', async (name) => {
    const o = defined(VIEW_WRITES[name], 'o');
    const input = await o.input(c);
    const before = await snapshot(db, c.orgId);
    const err = await rejection(o.run(full.userId, input));
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).toMatchObject(managedThroughApi);
    expect(await snapshot(db, c.orgId)).toEqual(before);
  });

  it('the policy says so for the view and the Set up wizard (the pages show it instead of the action); reading stays open', async () => {
    const access = (await resolveAccess(db, (await loadActor(db, full.userId))!, c.orgId))!;
    for (const cap of ['customerView.write', 'cv.users.manage', 'cv.locations.manage', 'cv.account.edit'] as const) {
      expect(decide(access, cap)).toEqual({ allowed: false, reason: 'managed_through_api' });
    }
    expect(decide(access, 'cv.read').allowed).toBe(true);
    expect(decide(access, 'customerView.open').allowed).toBe(true);
  });

  it("the org's own full admin still manages it from the portal", async () => {
    for (const name of ['updateAccount', 'addLocation']) {
      const o = defined(VIEW_WRITES[name], 'o');
      const before = await snapshot(db, c.orgId);
      await expect(o.run(orgAdmin.userId, await o.input(c))).resolves.toBeTruthy();
      expect(await snapshot(db, c.orgId)).not.toEqual(before);
    }
  });
});

describe("the partner's portal writes on the customer record", () => {
  it('Retry, Delete and the RBPM toggle are refused with 10114 and change nothing', async () => {
    // In error Retry and Delete would otherwise both run.
    await db.update(customers).set({ status: 'error' }).where(eq(customers.id, c.customerId));
    const attempts = [
      () => call(full.userId, partnerId, 'customers.write', customerIdSchema, retryCustomer, { customerId: c.customerId }),
      () => call(full.userId, partnerId, 'customers.delete', customerIdSchema, deleteCustomer, { customerId: c.customerId }),
      () => call(full.userId, partnerId, 'customers.rbpm', customerRbpmSchema, setCustomerRbpm, { customerId: c.customerId, rbpm: true }),
    ];
    for (const attempt of attempts) {
      const err = await rejection(attempt());
      expect(err).toBeInstanceOf(ConflictError);
      expect(err).toMatchObject(managedThroughApi);
      expect(await customerRow()).toMatchObject({ status: 'error', rbpm: false });
    }
    await db.update(customers).set({ status: 'provisioned' }).where(eq(customers.id, c.customerId));
  });
});

describe('the same through the API works', () => {
  const v1 = (method: string, path: string, body?: unknown) =>
    api.call(token, method, `/v1/wholesale${path}`, body === undefined ? {} : { body });

  it('subscribers: create, change package, delete', async () => {
    const email = uniqueEmail('api');
    const created = await v1('POST', '/subscribers', {
      customerId: c.customerId,
      email,
      package: 'webex_calling',
      provisioningParameters: { firstName: 'Api', lastName: 'User', extension: String(6000 + next()), locationId: c.hqId },
    });
    expect(created.status).toBe(200);
    const sub = await created.json();
    expect(sub).toMatchObject({ customerId: c.customerId, email, package: 'webex_calling', status: 'provisioned' });

    const changed = await v1('PUT', `/subscribers/${sub.id}`, { package: 'webex_suite' });
    expect(changed.status).toBe(200);
    expect((await db.select({ p: subscribers.package }).from(subscribers).where(eq(subscribers.id, sub.id)))[0].p).toBe('webex_suite');

    expect((await v1('DELETE', `/subscribers/${sub.id}`)).status).toBe(204);
    expect((await db.select({ r: subscribers.removedAt }).from(subscribers).where(eq(subscribers.id, sub.id)))[0].r).not.toBeNull();
  });

  it('customer: change packages (PUT) and delete', async () => {
    const put = await v1('PUT', `/customers/${c.customerId}`, {
      packages: ['webex_calling', 'webex_suite', 'common_area_calling'],
      externalId: 'API-ONLY-1',
    });
    expect(put.status).toBe(202);
    expect(await customerRow()).toMatchObject({ externalId: 'API-ONLY-1' });
    const held = (
      await db.select({ p: customerPackages.package }).from(customerPackages).where(eq(customerPackages.customerId, c.customerId))
    ).map((r) => r.p);
    expect(held.sort()).toEqual(['common_area_calling', 'webex_calling', 'webex_suite']);

    expect((await v1('DELETE', `/customers/${c.customerId}`)).status).toBe(202);
    expect((await customerRow()).status).not.toBe('provisioned');
  });
});
