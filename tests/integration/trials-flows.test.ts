// SPEC §9 flows on real rows: the consent flow, service availability, one shipment per
// device type under a race, Extend, convert (tier 1) and its refusal (tier 2), the
// permission matrix of the trial capabilities, and tenancy (another partner's trial → 404).
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { customers, emailOutbox, orgRelations, trialDeviceShipments, trials } from '@/db/schema';
import { fixedClock } from '@/lib/platform/clock';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/platform/errors';
import { DAY_MS } from '@/lib/trials/trial-rules';
import { sweepTrials } from '@/lib/trials/sweep-trials';
import { DISTRIBUTOR_MESSAGE } from '@/lib/trials/convert-trial';
import { recordingJobs, rejection } from './support/customer-fixtures';
import { makeAdmin, makeCustomer, makePartner } from './support/fixtures';
import { freshDb } from './support/test-db';
import { makeExistingOrg, makeTrialPartner, services, startInput, trialCaller } from './support/trial-fixtures';
import { oneRow } from '@/db/one-row';
import { defined } from '@/tests/support/rows';

const db = await freshDb();
const T0 = new Date('2030-09-01T08:00:00Z');
const clock = fixedClock(T0);
const jobs = recordingJobs();
const deps = { db, clock, jobs };
const call = trialCaller(db, clock, jobs);

let a: Awaited<ReturnType<typeof makeTrialPartner>>;
let b: Awaited<ReturnType<typeof makeTrialPartner>>;
let tier2: Awaited<ReturnType<typeof makeTrialPartner>>;

const mailsTo = async (kind: string) =>
  (await db.select().from(emailOutbox).where(eq(emailOutbox.kind, kind))).map((m) => m.to.toLowerCase()).sort();
const trialRow = async (id: string) => (await db.select().from(trials).where(eq(trials.id, id)))[0];

beforeAll(async () => {
  a = await makeTrialPartner(db, { name: 'Partner A' });
  b = await makeTrialPartner(db, { name: 'Partner B' });
  tier2 = await makeTrialPartner(db, { name: 'Tier Two', tier: '2' });
});

describe('existing customer: consent flow', () => {
  it('names the org, sends the request to that admin only, and accept with full admin → pending provisioning details', async () => {
    clock.set(T0);
    const org = await makeExistingOrg(db, 'Harbor Test Group');
    const found = await call('lookupEmail', a.salesFull, a.org.id, { adminEmail: org.admin.email });
    expect(found).toMatchObject({ kind: 'existing_org', orgName: 'Harbor Test Group' });
    const { trialId } = await call('request', a.salesFull, a.org.id, { adminEmail: org.admin.email, businessVertical: 'Legal' });
    expect((await trialRow(trialId)).status).toBe('pending_consent');
    expect(await mailsTo('trial_consent_request')).toEqual([org.admin.email.toLowerCase()]);
    // Resend sends it again; a second open request is refused.
    await call('resendConsent', a.salesFull, a.org.id, { trialId });
    expect(await mailsTo('trial_consent_request')).toHaveLength(2);
    expect(
      await rejection(call('request', a.salesFull, a.org.id, { adminEmail: org.admin.email, businessVertical: 'Legal' })),
    ).toBeInstanceOf(ConflictError);
    // The partner can't answer for the customer: its org is not theirs.
    expect(await rejection(call('answer', a.salesFull, org.org.id, { trialId, accept: true, grantFullAdmin: true }))).toBeInstanceOf(
      NotFoundError,
    );
    const requests = await call('listRequests', org.admin, org.org.id, {});
    expect(requests.map((r) => r.partnerName)).toEqual(['Partner A']);
    await call('answer', org.admin, org.org.id, { trialId, accept: true, grantFullAdmin: true });
    const t = defined(await trialRow(trialId), 't');
    expect([t.status, t.grantFullAdmin]).toEqual(['pending_provisioning_details', true]);
    expect(
      await db
        .select()
        .from(orgRelations)
        .where(and(eq(orgRelations.managerOrgId, a.org.id), eq(orgRelations.managedOrgId, org.org.id))),
    ).toHaveLength(1);
    const c = await oneRow(db.select().from(customers).where(eq(customers.orgId, org.org.id)), 'c');
    expect(c.partnerOrgId).toBe(a.org.id);
    expect(await mailsTo('trial_consent_accepted')).toContain(a.salesFull.email.toLowerCase());
    // Provisioning details start it: the customer's admins are told.
    await call('provideDetails', a.salesFull, a.org.id, { trialId, services: services({ messaging: true }), lengthDays: 60 });
    const active = defined(await trialRow(trialId), 'active');
    expect([active.status, active.endsAt?.getTime()]).toEqual(['active', T0.getTime() + 60 * DAY_MS]);
    expect(await mailsTo('trial_started')).toEqual([org.admin.email, org.admin2.email].map((e) => e.toLowerCase()).sort());
  });

  it('a non-admin address: the request also goes to every full admin; accepting without the box → provisioning admin', async () => {
    const org = await makeExistingOrg(db);
    const before = (await mailsTo('trial_consent_request')).length;
    const { trialId } = await call('request', a.sales, a.org.id, { adminEmail: org.user.email, businessVertical: 'Retail' });
    const sent = (await mailsTo('trial_consent_request')).slice();
    expect(sent.length - before).toBe(3);
    for (const e of [org.user.email, org.admin.email, org.admin2.email]) expect(sent).toContain(e.toLowerCase());
    await call('answer', org.admin2, org.org.id, { trialId, accept: true, grantFullAdmin: false });
    expect((await trialRow(trialId)).grantFullAdmin).toBe(false);
  });

  it('decline → cancelled', async () => {
    const org = await makeExistingOrg(db);
    const { trialId } = await call('request', a.salesFull, a.org.id, { adminEmail: org.admin.email, businessVertical: 'Retail' });
    await call('answer', org.admin, org.org.id, { trialId, accept: false, grantFullAdmin: false });
    expect((await trialRow(trialId)).status).toBe('cancelled');
    expect(await rejection(call('answer', org.admin, org.org.id, { trialId, accept: true, grantFullAdmin: false }))).toBeInstanceOf(
      ConflictError,
    );
  });

  it('no answer within 10 days → cancelled by the sweep (±1 s); cancel by the partner works too', async () => {
    clock.set(T0);
    const org = await makeExistingOrg(db);
    const { trialId } = await call('request', a.salesFull, a.org.id, { adminEmail: org.admin.email, businessVertical: 'Retail' });
    clock.set(new Date(T0.getTime() + 10 * DAY_MS - 1000));
    await sweepTrials(deps);
    expect((await trialRow(trialId)).status).toBe('pending_consent');
    clock.set(new Date(T0.getTime() + 10 * DAY_MS));
    await sweepTrials(deps);
    expect((await trialRow(trialId)).status).toBe('cancelled');
    // Cancelled requests leave the Trials screen.
    const list = await call('list', a.salesFull, a.org.id, {});
    expect(list.rows.map((r) => r.trialId)).not.toContain(trialId);
    clock.set(T0);
    const org2 = await makeExistingOrg(db);
    const second = await call('request', a.salesFull, a.org.id, { adminEmail: org2.admin.email, businessVertical: 'Retail' });
    await call('cancelConsent', a.salesFull, a.org.id, { trialId: second.trialId });
    expect((await trialRow(second.trialId)).status).toBe('cancelled');
  });
});

describe('service availability', () => {
  it('bought services and services another partner is trialling are unavailable, with the reason', async () => {
    clock.set(T0);
    const org = await makeExistingOrg(db);
    // Partner B trials meetings there first.
    const rb = await call('request', b.salesFull, b.org.id, { adminEmail: org.admin.email, businessVertical: 'Legal' });
    const ra = await call('request', a.salesFull, a.org.id, { adminEmail: org.admin.email, businessVertical: 'Legal' });
    // B is accepted first; A's request was already pending, so it can still be accepted afterwards.
    await call('answer', org.admin, org.org.id, { trialId: rb.trialId, accept: true, grantFullAdmin: false });
    await call('provideDetails', b.salesFull, b.org.id, {
      trialId: rb.trialId,
      services: services({ meetings: true, siteUrl: 'harbor-b', timeZone: 'UTC' }),
      lengthDays: 30,
    });
    const found = await call('lookupEmail', a.salesFull, a.org.id, { adminEmail: org.admin.email });
    expect(found.kind).toBe('unavailable');
    await call('answer', org.admin, org.org.id, { trialId: ra.trialId, accept: true, grantFullAdmin: false });
    const err = await rejection(
      call('provideDetails', a.salesFull, a.org.id, {
        trialId: ra.trialId,
        services: services({ meetings: true, siteUrl: 'harbor-a', timeZone: 'UTC' }),
        lengthDays: 30,
      }),
    );
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).fieldErrors).toEqual({ 'services.meetings': ['Another partner is trialling it.'] });
    expect((await trialRow(ra.trialId)).status).toBe('pending_provisioning_details');
  });

  it('a paying customer: services it bought are disabled; the others can be added with Start trial', async () => {
    const { customer } = await makeCustomer(db, a.org.id, { createdBy: a.salesFull.userId });
    const { customerPackages } = await import('@/db/schema');
    await db.insert(customerPackages).values({ customerId: customer.id, package: 'webex_calling', status: 'provisioned' });
    const view = await call('getForCustomer', a.salesFull, a.org.id, { customerId: customer.id });
    expect(view.availability.filter((x) => !x.available).map((x) => [x.service, x.reason])).toEqual([
      ['meetings', 'Already bought by the customer'],
      ['messaging', 'Already bought by the customer'],
      ['calling', 'Already bought by the customer'],
    ]);
    expect(
      await rejection(
        call('addToCustomer', a.salesFull, a.org.id, { customerId: customer.id, services: services({ calling: true }), lengthDays: 30 }),
      ),
    ).toBeInstanceOf(ConflictError);
    await call('addToCustomer', a.salesFull, a.org.id, {
      customerId: customer.id,
      services: services({ devices: true, deviceLines: [{ type: 'Webex Desk Pro', quantity: 2 }] }),
      lengthDays: 30,
    });
    const after = await call('getForCustomer', a.salesFull, a.org.id, { customerId: customer.id });
    expect(after.trial?.status).toBe('active');
    expect(after.trial?.shipments.map((s) => [s.deviceType, s.quantity])).toEqual([['Webex Desk Pro', 2]]);
  });
});

describe('devices: one shipment per device type, ever', () => {
  it('two racing shipments of one type: exactly one wins, the other is told why', async () => {
    clock.set(T0);
    const s = await call('start', a.salesFull, a.org.id, startInput({ services: services({ devices: true, deviceLines: [] }) }));
    const results = await Promise.allSettled([
      call('ship', a.salesFull, a.org.id, { trialId: s.trialId, type: 'Webex Board 55', quantity: 1 }),
      call('ship', a.salesFull, a.org.id, { trialId: s.trialId, type: 'Webex Board 55', quantity: 1 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(ConflictError);
    expect(lost.reason.message).toMatch(/only one shipment per device type/);
    expect(await db.select().from(trialDeviceShipments).where(eq(trialDeviceShipments.trialId, s.trialId))).toHaveLength(1);
    // Another type is fine.
    await call('ship', a.salesFull, a.org.id, { trialId: s.trialId, type: 'Webex Desk Mini', quantity: 3 });
  });

  it('Extend adds 30 days from today; a device trial stops at 120 days in total', async () => {
    clock.set(T0);
    const s = await call(
      'start',
      a.salesFull,
      a.org.id,
      startInput({ services: services({ devices: true, deviceLines: [{ type: 'Cisco 730 Headset', quantity: 1 }] }) }),
    );
    clock.set(new Date(T0.getTime() + 20 * DAY_MS));
    const r1 = await call('extend', a.salesFull, a.org.id, { trialId: s.trialId, duration: '30' });
    expect(r1.endsAt).toBe(new Date(T0.getTime() + 50 * DAY_MS).toISOString());
    // Two more extensions keep it running: at day 45 (→ 75) and day 70 (→ 100).
    clock.set(new Date(T0.getTime() + 45 * DAY_MS));
    await call('extend', a.salesFull, a.org.id, { trialId: s.trialId, duration: '30' });
    clock.set(new Date(T0.getTime() + 70 * DAY_MS));
    await call('extend', a.salesFull, a.org.id, { trialId: s.trialId, duration: '30' });
    clock.set(new Date(T0.getTime() + 95 * DAY_MS));
    const capped = await call('extend', a.salesFull, a.org.id, { trialId: s.trialId, duration: '30' });
    expect([capped.endsAt, capped.capped]).toEqual([new Date(T0.getTime() + 120 * DAY_MS).toISOString(), true]);
    const err = await rejection(call('extend', a.salesFull, a.org.id, { trialId: s.trialId, duration: '30' }));
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as Error).message).toMatch(/at most 120 days/);
    expect(await rejection(call('extend', a.salesFull, a.org.id, { trialId: s.trialId, duration: '60' }))).toMatchObject({
      fieldErrors: { duration: expect.any(Array) },
    });
  });
});

describe('convert to paid', () => {
  it('tier 1 converts (also in the grace period); tier 2 is told to contact the distributor and nothing changes', async () => {
    clock.set(T0);
    const s1 = await call('start', a.salesFull, a.org.id, startInput());
    clock.set(new Date(T0.getTime() + 31 * DAY_MS));
    await sweepTrials(deps);
    expect((await trialRow(s1.trialId)).status).toBe('expired_grace');
    await call('convert', a.salesFull, a.org.id, { trialId: s1.trialId });
    expect((await trialRow(s1.trialId)).status).toBe('converted');
    const s2 = await call('start', tier2.salesFull, tier2.org.id, startInput());
    const err = await rejection(call('convert', tier2.salesFull, tier2.org.id, { trialId: s2.trialId }));
    expect(err).toBeInstanceOf(ForbiddenError);
    expect((err as Error).message).toBe(DISTRIBUTOR_MESSAGE);
    expect((await trialRow(s2.trialId)).status).toBe('active');
    const view = await call('getForCustomer', tier2.salesFull, tier2.org.id, { customerId: s2.customerId });
    expect(view.tier).toBe('2');
  });

  it('Delete trial cancels it and removes its services', async () => {
    const s = await call('start', a.salesFull, a.org.id, startInput());
    await call('delete', a.salesFull, a.org.id, { trialId: s.trialId });
    const t = defined(await trialRow(s.trialId), 't');
    expect([t.status, !!t.servicesRemovedAt]).toEqual(['cancelled', true]);
  });
});

describe('permissions (SPEC §1.2) and tenancy', () => {
  it('sales roles start trials; read-only admins see but change nothing; full admins of a non-wholesale partner can’t start', async () => {
    clock.set(T0);
    const own = await call('start', a.sales, a.org.id, startInput());
    for (const who of [a.readonly, a.full]) {
      expect(await rejection(call('start', who, a.org.id, startInput()))).toBeInstanceOf(ForbiddenError);
      expect(await rejection(call('extend', who, a.org.id, { trialId: own.trialId, duration: '30' }))).toBeInstanceOf(ForbiddenError);
      expect(await rejection(call('delete', who, a.org.id, { trialId: own.trialId }))).toBeInstanceOf(ForbiddenError);
    }
    const seen = await call('list', a.readonly, a.org.id, { status: 'active' });
    expect(seen.rows.map((r) => r.trialId)).toContain(own.trialId);
  });

  it('a sales admin reaches only the trials they created; a sales full admin all of them', async () => {
    const mine = await call('start', a.sales, a.org.id, startInput());
    const colleague = await call('start', a.sales2, a.org.id, startInput());
    const list = await call('list', a.sales, a.org.id, {});
    expect(list.rows.map((r) => r.trialId)).toContain(mine.trialId);
    expect(list.rows.map((r) => r.trialId)).not.toContain(colleague.trialId);
    expect(await rejection(call('extend', a.sales, a.org.id, { trialId: colleague.trialId, duration: '30' }))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await rejection(call('getForCustomer', a.sales, a.org.id, { customerId: colleague.customerId }))).toBeInstanceOf(NotFoundError);
    await call('extend', a.salesFull, a.org.id, { trialId: colleague.trialId, duration: '30' });
    expect((await call('list', a.salesFull, a.org.id, {})).rows.map((r) => r.trialId)).toContain(colleague.trialId);
  });

  it('wholesale partners have none of it — the server refuses', async () => {
    const w = await makePartner(db, { name: 'Wholesale Co' });
    const salesFull = await makeAdmin(db, w.id, ['sales_full_admin']);
    const full = await makeAdmin(db, w.id, ['partner_full_admin', 'wholesale_admin']);
    for (const who of [salesFull, full]) {
      expect(await rejection(call('start', who, w.id, startInput()))).toBeInstanceOf(ForbiddenError);
      expect(await rejection(call('list', who, w.id, {}))).toBeInstanceOf(ForbiddenError);
    }
  });

  it('another partner’s trial is 404, through its own org and through the other org', async () => {
    const theirs = await call('start', b.salesFull, b.org.id, startInput());
    expect(await rejection(call('extend', a.salesFull, a.org.id, { trialId: theirs.trialId, duration: '30' }))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await rejection(call('convert', a.salesFull, a.org.id, { trialId: theirs.trialId }))).toBeInstanceOf(NotFoundError);
    expect(await rejection(call('extend', a.salesFull, b.org.id, { trialId: theirs.trialId, duration: '30' }))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await rejection(call('getForCustomer', a.salesFull, a.org.id, { customerId: theirs.customerId }))).toBeInstanceOf(NotFoundError);
    expect((await trialRow(theirs.trialId)).endsAt?.getTime()).toBe(T0.getTime() + 30 * DAY_MS);
  });
});
