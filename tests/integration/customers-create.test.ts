// Create customer and its pre-provisioning check (SPEC §4.1, §8 validate) through the
// real authorised path: every rule, every problem at once, races, and tenancy.
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, customerPackages, customers, orgRelations, orgs, provisioningEvents, users } from '@/db/schema';
import { QUEUES } from '@/lib/platform/queues';
import type { Actor } from '@/lib/auth/access';
import { createCustomer } from '@/lib/customers/create-customer';
import { createCustomerSchema } from '@/lib/customers/customer-schema';
import { validateCustomer } from '@/lib/customers/validate-customer';
import { fixedClock } from '@/lib/platform/clock';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type DomainError } from '@/lib/platform/errors';
import { customerInput, makeTemplate, recordingJobs, rejection, serviceCaller } from './support/customer-fixtures';
import { makeAdmin, makeCustomer, makePartner, makeSubPartner } from './support/fixtures';
import { freshDb } from './support/test-db';
import { oneRow } from '@/db/one-row';
import { at } from '@/tests/support/rows';

const db = await freshDb();
const clock = fixedClock('2030-03-01T10:00:00Z');
const jobs = recordingJobs();
const call = serviceCaller(db, { clock, jobs });

let parent: { id: string };
let sub: { id: string };
let full: Actor;
let wholesale: Actor;
let readonly: Actor;
let subAdmin: Actor;
let callingTemplate: { id: string };
let meetingsTemplate: { id: string };
let subTemplate: { id: string };

const create = (a: Actor, orgId: string, input: unknown) =>
  call(a.userId, orgId, 'customers.write', createCustomerSchema, createCustomer, input);
const validate = (a: Actor, orgId: string, input: unknown) =>
  call(a.userId, orgId, 'customers.write', createCustomerSchema, validateCustomer, input);
const count = async (table: typeof customers | typeof orgs) => (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;

beforeAll(async () => {
  parent = await makePartner(db, { name: 'Parent Telecom' });
  sub = await makeSubPartner(db, parent.id, 'Sub Networks');
  full = await makeAdmin(db, parent.id, ['partner_full_admin', 'wholesale_admin']);
  wholesale = await makeAdmin(db, parent.id, ['wholesale_admin']);
  readonly = await makeAdmin(db, parent.id, ['partner_readonly_admin']);
  subAdmin = await makeAdmin(db, sub.id, ['partner_full_admin', 'wholesale_admin']);
  callingTemplate = await makeTemplate(db, parent.id, full.userId, { defaultLanguage: 'en_GB' });
  meetingsTemplate = await makeTemplate(db, parent.id, full.userId, { pstn: false });
  subTemplate = await makeTemplate(db, sub.id, subAdmin.userId);
});

describe('the pre-provisioning check', () => {
  it('passes a valid request and changes nothing', async () => {
    const before = await count(customers);
    const r = await validate(full, parent.id, customerInput(callingTemplate.id));
    expect(r.info).toEqual([{ infoCode: 100, description: 'Provisioning preCheck validation successful.' }]);
    expect(await count(customers)).toBe(before);
  });

  it('returns every problem at once, each at its field (409 when any is a clash)', async () => {
    const existing = await makeCustomer(db, parent.id);
    const taken = await oneRow(db.select({ email: users.email }).from(users).where(eq(users.id, full.userId)), 'taken');
    const limited = await makeTemplate(db, parent.id, full.userId, { pstn: false, packages: ['webex_meetings', 'webex_calling'] });
    const err = (await rejection(
      validate(
        full,
        parent.id,
        customerInput(limited.id, {
          externalId: existing.customer.externalId,
          adminEmail: taken.email.toUpperCase(), // e-mails are one person platform-wide, whatever the case
          packages: ['webex_calling', 'webex_suite'],
        }),
      ),
    )) as DomainError;
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.status).toBe(409);
    expect(Object.keys(err.fieldErrors ?? {}).sort()).toEqual(['adminEmail', 'externalId', 'packages']);
    expect(err.fieldErrors?.adminEmail).toEqual(['The email is already associated with an existing user.']);
    // Both package rules fire together: outside the subscription, and calling without PSTN.
    expect(err.fieldErrors?.packages).toHaveLength(2);
    expect(err.fieldErrors?.packages?.[0]).toContain('Webex Suite');
    expect(err.fieldErrors?.packages?.[1]).toMatch(/PSTN provider/);
  });

  it('refuses calling packages on a template without a PSTN provider, but allows meetings only', async () => {
    const err = (await rejection(
      validate(full, parent.id, customerInput(meetingsTemplate.id, { packages: ['webex_voice'] })),
    )) as DomainError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fieldErrors?.packages?.[0]).toMatch(/Enhanced Calling need an onboarding template with a PSTN provider/);
    await expect(validate(full, parent.id, customerInput(meetingsTemplate.id, { packages: ['webex_meetings'] }))).resolves.toBeTruthy();
  });

  it('rejects bad input with every schema error (400)', async () => {
    const err = (await rejection(
      validate(
        full,
        parent.id,
        customerInput(callingTemplate.id, {
          companyName: '',
          adminEmail: 'not-an-email',
          packages: [],
          address: { addressLine1: '', addressLine2: '', city: '', stateOrProvince: '', postalCode: '', country: 'US' },
          confirmSupportedLocation: false,
        }),
      ),
    )) as DomainError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(Object.keys(err.fieldErrors ?? {}).sort()).toEqual([
      'address.addressLine1',
      'address.city',
      'address.postalCode',
      'address.stateOrProvince',
      'adminEmail',
      'companyName',
      'confirmSupportedLocation',
      'packages',
    ]);
  });

  it('needs a state only where the country has states', async () => {
    const gb = customerInput(callingTemplate.id, {
      address: { addressLine1: '1 High St', addressLine2: '', city: 'London', stateOrProvince: '', postalCode: 'EC1A 1BB', country: 'GB' },
    });
    await expect(validate(full, parent.id, gb)).resolves.toBeTruthy();
    const us = customerInput(callingTemplate.id, { address: { ...gb.address, country: 'US' } });
    expect(((await rejection(validate(full, parent.id, us))) as DomainError).fieldErrors).toEqual({
      'address.stateOrProvince': ['Enter the state/province.'],
    });
  });

  it('only offers the acting org’s own templates (a sub-partner’s template is unknown to the parent and vice versa)', async () => {
    const e1 = (await rejection(validate(full, parent.id, customerInput(subTemplate.id)))) as DomainError;
    expect(e1.fieldErrors?.templateId).toBeDefined();
    const e2 = (await rejection(validate(subAdmin, sub.id, customerInput(callingTemplate.id)))) as DomainError;
    expect(e2.fieldErrors?.templateId).toBeDefined();
  });

  it('refuses a suspended indirect provider', async () => {
    const suspended = await makeSubPartner(db, parent.id, 'Suspended Sub');
    const admin = await makeAdmin(db, suspended.id, ['partner_full_admin', 'wholesale_admin']);
    const t = await makeTemplate(db, suspended.id, admin.userId);
    await db.update(orgs).set({ state: 'suspended' }).where(eq(orgs.id, suspended.id));
    const err = (await rejection(validate(admin, suspended.id, customerInput(t.id)))) as DomainError;
    expect(err.fieldErrors?._form?.[0]).toMatch(/suspended/);
  });

  it('is refused (403) to read-only admins', async () => {
    await expect(validate(readonly, parent.id, customerInput(callingTemplate.id))).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('create customer', () => {
  it('writes the customer in status provisioning and enqueues its job after commit', async () => {
    jobs.sent.length = 0;
    const input = customerInput(callingTemplate.id, {
      language: 'fr',
      address: { addressLine1: '5 Rue X', addressLine2: '', city: 'Paris', stateOrProvince: '', postalCode: '75001', country: 'FR' },
    });
    const r = await create(wholesale, parent.id, input);
    const c = await oneRow(db.select().from(customers).where(eq(customers.id, r.customerId)), 'c');
    const org = await oneRow(db.select().from(orgs).where(eq(orgs.id, r.orgId)), 'org');
    expect(org).toMatchObject({ kind: 'customer', name: input.companyName, wholesale: true, country: 'FR', language: 'fr_FR' });
    expect(c).toMatchObject({
      partnerOrgId: parent.id,
      status: 'provisioning',
      rbpm: true,
      externalId: input.externalId,
      adminEmail: input.adminEmail,
      language: 'fr_FR',
      creationPackage: 'webex_calling',
      templateId: callingTemplate.id,
      createdBy: wholesale.userId,
      name: input.companyName,
    });
    expect(c.statusChangedAt).toEqual(clock.now());
    expect(c.provisioningRequest).toMatchObject({ version: 1, packages: input.packages, address: input.address });
    expect(
      (await db.select().from(customerPackages).where(eq(customerPackages.customerId, c.id))).map((p) => [p.package, p.status]).sort(),
    ).toEqual([
      ['webex_calling', 'provisioning'],
      ['webex_meetings', 'provisioning'],
    ]);
    expect(c.packages.sort()).toEqual(['webex_calling', 'webex_meetings']); // the list's copy, kept by a trigger
    expect(await db.select({ m: orgRelations.managerOrgId }).from(orgRelations).where(eq(orgRelations.managedOrgId, org.id))).toEqual([
      { m: parent.id },
    ]);
    expect(
      await db.select({ step: provisioningEvents.step }).from(provisioningEvents).where(eq(provisioningEvents.customerId, c.id)),
    ).toEqual([{ step: 'accepted' }]);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'customer.create'), eq(auditLog.targetId, c.id)));
    expect(entry).toMatchObject({ orgId: parent.id, actorUserId: wholesale.userId, actorOrgId: parent.id });
    expect(jobs.sent).toEqual([{ queue: QUEUES.provisionCustomer, data: { customerId: c.id }, singletonKey: c.id }]);
  });

  it('defaults the language to the template’s and generates an external ID when none is given', async () => {
    const r = await create(full, parent.id, customerInput(callingTemplate.id, { externalId: '', language: '' }));
    const c = await oneRow(db.select().from(customers).where(eq(customers.id, r.customerId)), 'c');
    expect(c.language).toBe('en_GB');
    expect(c.externalId).toMatch(/^C-20300301-[2-9A-Z]{6}$/);
  });

  it('a sub-partner’s customer is managed by the sub-partner and its parent; a parent cross-launched creates it for the sub-partner', async () => {
    const own = await create(subAdmin, sub.id, customerInput(subTemplate.id));
    const managers = async (orgId: string) =>
      (await db.select({ m: orgRelations.managerOrgId }).from(orgRelations).where(eq(orgRelations.managedOrgId, orgId)))
        .map((r) => r.m)
        .sort();
    expect(await managers(own.orgId)).toEqual([parent.id, sub.id].sort());
    const onBehalf = await create(full, sub.id, customerInput(subTemplate.id));
    const c = await oneRow(db.select().from(customers).where(eq(customers.id, onBehalf.customerId)), 'c');
    expect(c).toMatchObject({ partnerOrgId: sub.id, createdBy: full.userId });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.targetId, c.id));
    expect(entry).toMatchObject({ orgId: sub.id, actorOrgId: parent.id, actorUserId: full.userId });
  });

  it('changes nothing when refused (validation, permission)', async () => {
    const [before, beforeOrgs] = [await count(customers), await count(orgs)];
    await expect(create(full, parent.id, customerInput(callingTemplate.id, { companyName: '' }))).rejects.toBeInstanceOf(ValidationError);
    await expect(create(readonly, parent.id, customerInput(callingTemplate.id))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(create(subAdmin, parent.id, customerInput(callingTemplate.id))).rejects.toBeInstanceOf(NotFoundError);
    expect([await count(customers), await count(orgs)]).toEqual([before, beforeOrgs]);
  });

  it('two concurrent creates with one external ID: exactly one wins, the other gets a 409 on externalId', async () => {
    const jobsBefore = jobs.sent.length;
    const before = await count(customers);
    const results = await Promise.allSettled([
      create(full, parent.id, customerInput(callingTemplate.id, { externalId: 'RACE-1' })),
      create(wholesale, parent.id, customerInput(callingTemplate.id, { externalId: 'RACE-1' })),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(at(failed, 0).reason).toBeInstanceOf(ConflictError);
    expect((at(failed, 0).reason as DomainError).fieldErrors).toEqual({
      externalId: ['This external ID is already used by another of your customers.'],
    });
    expect(await count(customers)).toBe(before + 1);
    expect(jobs.sent.length).toBe(jobsBefore + 1); // the loser enqueued nothing
  });

  it('two concurrent creates for one administrator e-mail: one wins, the other gets a 409 on adminEmail', async () => {
    const results = await Promise.allSettled([
      create(full, parent.id, customerInput(callingTemplate.id, { adminEmail: 'same.person@customer.test' })),
      create(wholesale, parent.id, customerInput(callingTemplate.id, { adminEmail: 'Same.Person@customer.test' })),
    ]);
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect((at(failed, 0).reason as DomainError).fieldErrors?.adminEmail).toBeDefined();
  });

  it('the same external ID may be used by another partner', async () => {
    await create(full, parent.id, customerInput(callingTemplate.id, { externalId: 'SHARED-1' }));
    await expect(create(subAdmin, sub.id, customerInput(subTemplate.id, { externalId: 'SHARED-1' }))).resolves.toBeTruthy();
  });
});
