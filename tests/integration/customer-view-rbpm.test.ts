// SPEC §5: every customer-view mutation × RBPM on/off × who acts, through the real
// authorised path (runAuthorized). A refused call throws ForbiddenError and changes nothing.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { customers } from '@/db/schema';
import type { z } from 'zod';
import type { Actor } from '@/lib/auth/access';
import type { Capability } from '@/lib/auth/permissions';
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
import { ForbiddenError } from '@/lib/platform/errors';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
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
import { rejection, serviceCaller } from './support/customer-fixtures';
import { insertUser, next, setupCustomer, snapshot, uniqueEmail, uniquePhone, type ViewCustomer } from './support/customer-view-fixtures';
import { makeAdmin, makePartner } from './support/fixtures';
import { freshDb } from './support/test-db';
import { defined } from '@/tests/support/rows';

const db = await freshDb();
const clock = fixedClock('2030-03-01T09:00:00Z');
const call = serviceCaller(db, { clock });

interface Op {
  run: (userId: string, orgId: string, input: unknown) => Promise<unknown>;
  /** Builds a valid input; may create what the mutation needs (a subscriber to change). */
  input: (c: ViewCustomer) => Promise<unknown>;
  /** Still allowed for a customer full admin under RBPM (SPEC §5.2). */
  rbpmFree?: boolean;
}

/** Binds a service to its capability and schema the way its server action does. */
function op<S extends z.ZodType>(o: {
  capability: Capability;
  schema: S;
  service: (ctx: ServiceCtx, input: z.output<S>) => Promise<unknown>;
  input: Op['input'];
  rbpmFree?: boolean;
}): Op {
  return {
    run: (userId, orgId, input) => call(userId, orgId, o.capability, o.schema, o.service, input),
    input: o.input,
    rbpmFree: o.rbpmFree,
  };
}

const OPS: Record<string, Op> = {
  addUsers: op({
    capability: 'cv.users.manage',
    schema: addUsersSchema,
    service: addUsers,
    input: async (c) => ({
      rows: [
        {
          firstName: 'Ada',
          lastName: 'Lovelace',
          email: uniqueEmail(),
          package: 'webex_calling',
          locationId: c.hqId,
          extension: String(4000 + next()),
          primaryPhoneNumber: '',
        },
      ],
    }),
  }),
  addWorkspace: op({
    capability: 'cv.users.manage',
    schema: addWorkspaceSchema,
    service: addWorkspace,
    input: async (c) => ({
      name: `Lobby ${next()}`,
      package: 'common_area_calling',
      locationId: c.hqId,
      extension: String(5000 + next()),
      primaryPhoneNumber: '',
    }),
  }),
  changePackage: op({
    capability: 'cv.users.manage',
    schema: changePackageSchema,
    service: changePackage,
    input: async (c) => ({ subscriberId: (await insertUser(db, c)).subscriberId, package: 'webex_suite' }),
  }),
  updateUserNames: op({
    capability: 'cv.users.editNames',
    schema: updateUserNamesSchema,
    service: updateUserNames,
    rbpmFree: true,
    input: async (c) => ({
      subscriberId: (await insertUser(db, c)).subscriberId,
      firstName: 'Grace',
      lastName: 'Hopper',
      displayName: '',
      email: uniqueEmail('renamed'),
    }),
  }),
  updatePrimaryNumber: op({
    capability: 'cv.users.primaryNumber',
    schema: updatePrimaryNumberSchema,
    service: updatePrimaryNumber,
    input: async (c) => ({ subscriberId: (await insertUser(db, c)).subscriberId, primaryPhoneNumber: uniquePhone() }),
  }),
  removeSubscriber: op({
    capability: 'cv.users.manage',
    schema: subscriberIdSchema,
    service: removeSubscriber,
    input: async (c) => ({ subscriberId: (await insertUser(db, c)).subscriberId }),
  }),
  updateAccount: op({
    capability: 'cv.account.edit',
    schema: updateAccountSchema,
    service: updateAccount,
    input: async () => ({ companyName: `Renamed Co ${next()}` }),
  }),
  updateDomain: op({
    capability: 'cv.orgSettings.domain',
    schema: updateDomainSchema,
    service: updateDomain,
    input: async () => ({ domain: `d${next()}.example.com` }),
  }),
  updateEmailSettings: op({
    capability: 'cv.orgSettings.email',
    schema: updateEmailSettingsSchema,
    service: updateEmailSettings,
    input: async () => ({ suppressAdminInviteEmails: true, emailLanguage: 'fr_FR' }),
  }),
  updateSso: op({
    capability: 'cv.orgSettings.sso',
    schema: updateSsoSchema,
    service: updateSso,
    input: async () => ({ mode: 'saml', idpEntityId: `https://idp${next()}.example.com` }),
  }),
  addLocation: op({
    capability: 'cv.locations.manage',
    schema: addLocationSchema,
    service: addLocation,
    rbpmFree: true,
    input: async () => ({
      name: `Branch ${next()}`,
      timeZone: 'America/Chicago',
      language: 'en_US',
      address: { addressLine1: '2 Side St', addressLine2: '', city: 'Peoria', stateOrProvince: 'IL', postalCode: '61602', country: 'US' },
    }),
  }),
};

type Who = 'customerFull' | 'customerReadonly' | 'partnerFull' | 'partnerReadonly' | 'salesFull' | 'salesOwn';

/**
 * The expected decision (SPEC §1.2, §5.2). Sales roles write only on trials, i.e. at
 * non-wholesale partners: at this wholesale partner they open the view read-only — the
 * sales administrator even on the customer they created.
 */
function allowed(who: Who, rbpm: boolean, op: Op): boolean {
  switch (who) {
    case 'partnerFull':
      return true; // never restricted by RBPM
    case 'customerFull':
      return !rbpm || !!op.rbpmFree;
    default:
      return false;
  }
}

let partnerId: string;
let partnerActors: Record<'partnerFull' | 'partnerReadonly' | 'salesFull', Actor>;
const customersByRbpm = new Map<boolean, { c: ViewCustomer; actors: Record<Who, Actor> }>();

beforeAll(async () => {
  partnerId = (await makePartner(db, { name: 'Matrix Partner' })).id;
  partnerActors = {
    partnerFull: await makeAdmin(db, partnerId, ['partner_full_admin', 'wholesale_admin']),
    partnerReadonly: await makeAdmin(db, partnerId, ['partner_readonly_admin']),
    salesFull: await makeAdmin(db, partnerId, ['sales_full_admin']),
  };
  for (const rbpm of [true, false]) {
    const c = await setupCustomer(db, partnerId, { rbpm });
    const salesOwn = await makeAdmin(db, partnerId, ['sales_admin']);
    await db.update(customers).set({ createdBy: salesOwn.userId }).where(eq(customers.id, c.customerId));
    customersByRbpm.set(rbpm, {
      c,
      actors: {
        ...partnerActors,
        salesOwn,
        customerFull: await makeAdmin(db, c.orgId, ['customer_full_admin']),
        customerReadonly: await makeAdmin(db, c.orgId, ['customer_readonly_admin']),
      },
    });
  }
});

describe('sales roles at a non-wholesale partner (trials)', () => {
  it.each(Object.keys(OPS))('%s: sales full and the creating sales admin may write', async (name) => {
    const trialsPartner = (await makePartner(db, { name: `Trials Partner ${next()}`, wholesale: false })).id;
    const c = await setupCustomer(db, trialsPartner, { rbpm: true });
    const salesFull = await makeAdmin(db, trialsPartner, ['sales_full_admin']);
    const salesOwn = await makeAdmin(db, trialsPartner, ['sales_admin']);
    await db.update(customers).set({ createdBy: salesOwn.userId }).where(eq(customers.id, c.customerId));
    for (const who of [salesFull, salesOwn]) {
      const before = await snapshot(db, c.orgId);
      await expect(OPS[name].run(who.userId, c.orgId, await OPS[name].input(c))).resolves.toBeTruthy();
      expect(await snapshot(db, c.orgId)).not.toEqual(before);
    }
  });
});

describe.each([true, false])('RBPM %s', (rbpm) => {
  describe.each(['customerFull', 'customerReadonly', 'partnerFull', 'partnerReadonly', 'salesFull', 'salesOwn'] as const)('%s', (who) => {
    it.each(Object.keys(OPS))('%s', async (name) => {
      const o = defined(OPS[name], 'o');
      const { c, actors } = customersByRbpm.get(rbpm)!;
      const input = await o.input(c);
      const before = await snapshot(db, c.orgId);
      const run = () => o.run(actors[who].userId, c.orgId, input);
      if (allowed(who, rbpm, o)) {
        await expect(run()).resolves.toBeTruthy();
        expect(await snapshot(db, c.orgId)).not.toEqual(before);
      } else {
        expect(await rejection(run())).toBeInstanceOf(ForbiddenError);
        expect(await snapshot(db, c.orgId)).toEqual(before);
      }
    });
  });
});
