// Report rules (SPEC §7.2) through the same runAuthorized path as the UI and API:
// dates, duplicates and their race, permissions and tenancy, list filters, audit.
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, billingReports } from '@/db/schema';
import { DUPLICATE_REPORT_MESSAGE } from '@/lib/billing/create-report';
import type { Actor } from '@/lib/auth/access';
import { fixedClock } from '@/lib/platform/clock';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/platform/errors';
import { freshDb } from './support/test-db';
import { makeAdmin, makePartner, makeSubPartner } from './support/fixtures';
import { recordingJobs, reportCaller } from './support/billing-ops';

const db = await freshDb();
// "Today" is 15 April 2026: the latest end date is the 14th, the earliest start 15 April 2021.
const clock = fixedClock('2026-04-15T10:00:00Z');
const jobs = recordingJobs();
const call = reportCaller({ db, clock, jobs });

let parent: string, subA: string, subB: string, other: string;
let a: Record<'full' | 'wholesale' | 'readonly' | 'sales' | 'subA' | 'subB' | 'other', Actor>;

beforeAll(async () => {
  parent = (await makePartner(db, { name: 'Parent Telecom' })).id;
  subA = (await makeSubPartner(db, parent, 'Sub A')).id;
  subB = (await makeSubPartner(db, parent, 'Sub B')).id;
  other = (await makePartner(db)).id;
  a = {
    full: await makeAdmin(db, parent, ['partner_full_admin', 'wholesale_admin']),
    wholesale: await makeAdmin(db, parent, ['wholesale_admin']),
    readonly: await makeAdmin(db, parent, ['partner_readonly_admin']),
    sales: await makeAdmin(db, parent, ['sales_full_admin']),
    subA: await makeAdmin(db, subA, ['partner_full_admin', 'wholesale_admin']),
    subB: await makeAdmin(db, subB, ['partner_full_admin', 'wholesale_admin']),
    other: await makeAdmin(db, other, ['partner_full_admin']),
  };
});

beforeEach(() => {
  jobs.sent.length = 0;
});

const reportCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(billingReports))[0].n;

async function rejection(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

describe('create', () => {
  it('starts an IN_PROGRESS report, audits it and enqueues its job after commit', async () => {
    const r = await call('create', a.full, parent, { billingStartDate: '2026-03-01', billingEndDate: '2026-03-31' });
    expect(r).toMatchObject({
      status: 'IN_PROGRESS',
      type: 'PARTNER',
      billingStartDate: '2026-03-01',
      billingEndDate: '2026-03-31',
      subPartnerOrgId: null,
      createdBy: a.full.userId,
    });
    expect(jobs.sent).toEqual([{ queue: 'billing-report-generate', data: { reportId: r.id }, singletonKey: r.id }]);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, r.id), eq(auditLog.action, 'billing.report.create')));
    expect(entry).toMatchObject({ orgId: parent, actorUserId: a.full.userId });
  });

  it('yesterday is the latest end date; a one-day period is fine', async () => {
    const r = await call('create', a.wholesale, parent, { billingStartDate: '2026-04-14', billingEndDate: '2026-04-14', type: 'USER' });
    expect(r.type).toBe('USER');
  });

  it.each([
    ['start after end', { billingStartDate: '2026-03-10', billingEndDate: '2026-03-09' }, 'billingEndDate', /on or after the start/],
    [
      'start more than 5 years ago',
      { billingStartDate: '2021-04-14', billingEndDate: '2021-05-01' },
      'billingStartDate',
      /more than 5 years ago/,
    ],
    ['end today', { billingStartDate: '2026-04-01', billingEndDate: '2026-04-15' }, 'billingEndDate', /before today/],
    ['end tomorrow', { billingStartDate: '2026-04-01', billingEndDate: '2026-04-16' }, 'billingEndDate', /before today/],
    ['start and end today', { billingStartDate: '2026-04-15', billingEndDate: '2026-04-15' }, 'billingStartDate', /before today/],
    ['not a date', { billingStartDate: '2026-02-30', billingEndDate: '2026-03-01' }, 'billingStartDate', /valid date/],
    ['missing', { billingEndDate: '2026-03-01' }, 'billingStartDate', /Enter the billing start date/],
    ['unknown type', { billingStartDate: '2026-03-01', billingEndDate: '2026-03-02', type: 'DAILY' }, 'type', /PARTNER, CUSTOMER or USER/],
  ])('refuses %s with a field error (400), writing nothing', async (_name, input, field, message) => {
    const before = await reportCount();
    const err = await rejection(call('create', a.full, parent, input));
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.status).toBe(400);
    expect(err.fieldErrors?.[field]?.join(' ')).toMatch(message);
    expect(await reportCount()).toBe(before);
    expect(jobs.sent).toHaveLength(0);
  });

  it('5 years back to the day is allowed', async () => {
    await expect(
      call('create', a.full, parent, { billingStartDate: '2021-04-15', billingEndDate: '2021-04-30', type: 'CUSTOMER' }),
    ).resolves.toMatchObject({ status: 'IN_PROGRESS' });
  });
});

describe('the duplicate rule', () => {
  const period = { billingStartDate: '2026-02-01', billingEndDate: '2026-02-28', type: 'CUSTOMER' };

  it('a live report with the same period and type → 409; after delete it can be created again', async () => {
    const first = await call('create', a.full, parent, period);
    const err = await rejection(call('create', a.full, parent, period));
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.status).toBe(409);
    expect(err.message).toBe(DUPLICATE_REPORT_MESSAGE);
    // Other types, other periods and other indirect providers are different reports.
    await call('create', a.full, parent, { ...period, type: 'USER' });
    await call('create', a.full, parent, { ...period, subPartnerOrgId: subA });
    await call('delete', a.full, parent, { reportId: first.id });
    await expect(call('create', a.full, parent, period)).resolves.toMatchObject({ status: 'IN_PROGRESS' });
  });

  it('a COMPLETED report blocks, a FAILED one does not', async () => {
    const p = { billingStartDate: '2026-01-01', billingEndDate: '2026-01-31' };
    const r = await call('create', a.full, parent, p);
    await db.update(billingReports).set({ status: 'COMPLETED' }).where(eq(billingReports.id, r.id));
    expect(await rejection(call('create', a.full, parent, p))).toBeInstanceOf(ConflictError);
    await db.update(billingReports).set({ status: 'FAILED' }).where(eq(billingReports.id, r.id));
    await expect(call('create', a.full, parent, p)).resolves.toMatchObject({ status: 'IN_PROGRESS' });
  });

  it('two identical requests racing: exactly one wins, the other gets 409', async () => {
    const p = { billingStartDate: '2025-12-01', billingEndDate: '2025-12-31', type: 'USER' };
    const results = await Promise.allSettled([call('create', a.full, parent, p), call('create', a.wholesale, parent, p)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(ConflictError);
    const rows = await db
      .select()
      .from(billingReports)
      .where(and(eq(billingReports.orgId, parent), eq(billingReports.billingStartDate, '2025-12-01')));
    expect(rows).toHaveLength(1);
    expect(jobs.sent).toHaveLength(1);
  });
});

describe('indirect providers', () => {
  it('a parent reports on its own indirect provider only', async () => {
    const r = await call('create', a.full, parent, { billingStartDate: '2025-11-01', billingEndDate: '2025-11-30', subPartnerOrgId: subB });
    expect(r).toMatchObject({ subPartnerOrgId: subB, subPartnerName: 'Sub B' });
    for (const id of [other, parent, '0b1e0000-0000-4000-8000-00000000ffff']) {
      const err = await rejection(
        call('create', a.full, parent, { billingStartDate: '2025-11-01', billingEndDate: '2025-11-30', subPartnerOrgId: id }),
      );
      expect(err.fieldErrors?.subPartnerOrgId?.[0]).toMatch(/not one of yours/);
    }
  });

  it('an indirect provider creates its own reports, but none about another org', async () => {
    await expect(call('create', a.subA, subA, { billingStartDate: '2025-11-01', billingEndDate: '2025-11-30' })).resolves.toMatchObject({
      status: 'IN_PROGRESS',
    });
    const err = await rejection(
      call('create', a.subA, subA, { billingStartDate: '2025-11-01', billingEndDate: '2025-11-30', subPartnerOrgId: subB }),
    );
    expect(err.status).toBe(400);
  });

  it('an indirect provider never sees its parent’s or a sibling’s reports (404), and lists only its own', async () => {
    const parentReport = await call('create', a.full, parent, {
      billingStartDate: '2025-10-01',
      billingEndDate: '2025-10-31',
      subPartnerOrgId: subA,
    });
    const sibling = await call('create', a.subB, subB, { billingStartDate: '2025-10-01', billingEndDate: '2025-10-31' });
    for (const id of [parentReport.id, sibling.id]) {
      expect(await rejection(call('get', a.subA, subA, { reportId: id }))).toBeInstanceOf(NotFoundError);
      expect(await rejection(call('delete', a.subA, subA, { reportId: id }))).toBeInstanceOf(NotFoundError);
    }
    const { items } = await call('list', a.subA, subA, {});
    expect(items.length).toBeGreaterThan(0);
    const mine = await db.select({ id: billingReports.id }).from(billingReports).where(eq(billingReports.orgId, subA));
    expect(items.map((i) => i.id).sort()).toEqual(mine.map((m) => m.id).sort());
    // Nor can it act in its parent's or sibling's org at all.
    expect(await rejection(call('list', a.subA, parent, {}))).toBeInstanceOf(NotFoundError);
    expect(await rejection(call('list', a.subA, subB, {}))).toBeInstanceOf(NotFoundError);
  });

  it('cross-launched into an indirect provider, reports are not available', async () => {
    const err = await rejection(call('list', a.full, subA, {}));
    expect(err).toBeInstanceOf(ForbiddenError);
    expect(err.message).toBe('Not available when cross-launched.');
  });
});

describe('permissions (SPEC §1.2)', () => {
  it('a read-only admin lists and gets, but create and delete are refused and change nothing', async () => {
    const r = await call('create', a.full, parent, { billingStartDate: '2025-09-01', billingEndDate: '2025-09-30' });
    const before = await reportCount();
    expect((await call('list', a.readonly, parent, {})).items.some((i) => i.id === r.id)).toBe(true);
    expect((await call('get', a.readonly, parent, { reportId: r.id })).id).toBe(r.id);
    expect(
      await rejection(call('create', a.readonly, parent, { billingStartDate: '2025-08-01', billingEndDate: '2025-08-31' })),
    ).toBeInstanceOf(ForbiddenError);
    expect(await rejection(call('delete', a.readonly, parent, { reportId: r.id }))).toBeInstanceOf(ForbiddenError);
    expect(await reportCount()).toBe(before);
    expect(await db.select().from(auditLog).where(eq(auditLog.actorUserId, a.readonly.userId))).toHaveLength(0);
  });

  it('sales admins have no billing access; strangers see no org', async () => {
    expect(await rejection(call('list', a.sales, parent, {}))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(call('list', a.other, parent, {}))).toBeInstanceOf(NotFoundError);
  });
});

describe('list, get and delete', () => {
  it('filters match exactly, sortBy orders, max is capped at 100', async () => {
    const org = (await makePartner(db)).id;
    const admin = await makeAdmin(db, org, ['partner_full_admin']);
    const mk = async (s: string, e: string, type = 'PARTNER') => {
      clock.advance(1000); // distinct creation times: the default order is newest first
      return call('create', admin, org, { billingStartDate: s, billingEndDate: e, type });
    };
    const r1 = await mk('2026-03-01', '2026-03-31');
    const r2 = await mk('2026-02-01', '2026-02-28', 'USER');
    const r3 = await mk('2026-03-01', '2026-03-15');
    await db.update(billingReports).set({ status: 'COMPLETED' }).where(eq(billingReports.id, r3.id));
    const ids = async (input: Record<string, unknown>) => (await call('list', admin, org, input)).items.map((i) => i.id);
    expect(await ids({ billingStartDate: '2026-03-01' })).toEqual([r3.id, r1.id]);
    expect(await ids({ billingEndDate: '2026-03-31' })).toEqual([r1.id]);
    expect(await ids({ type: 'USER' })).toEqual([r2.id]);
    expect(await ids({ status: 'COMPLETED' })).toEqual([r3.id]);
    expect(await ids({ billingStartDate: '2026-03-02' })).toEqual([]);
    expect(await ids({ sortBy: 'billingEndDate' })).toEqual([r2.id, r3.id, r1.id]);
    expect(await ids({ sortBy: 'billingStartDate', max: '1', offset: '1' })).toHaveLength(1);
    expect(await ids({ type: '', status: '' })).toHaveLength(3);
    const err = await rejection(call('list', admin, org, { max: '101' }));
    expect(err.fieldErrors?.max).toBeDefined();
  });

  it('get gives a download link only once COMPLETED; unknown or malformed ids are 404', async () => {
    const r = await call('create', a.full, parent, { billingStartDate: '2025-07-01', billingEndDate: '2025-07-31' });
    expect(await call('get', a.full, parent, { reportId: r.id })).toMatchObject({ status: 'IN_PROGRESS', tempDownloadURL: null });
    await db.update(billingReports).set({ status: 'COMPLETED', chunkCount: 1, byteSize: 0 }).where(eq(billingReports.id, r.id));
    const got = await call('get', a.full, parent, { reportId: r.id });
    expect(got.tempDownloadURL).toMatch(new RegExp(`/api/billing/reports/${r.id}/download\\?expires=\\d+&signature=`));
    expect(Date.parse(got.tempDownloadURLExpires!) - clock.now().getTime()).toBe(30 * 60 * 1000);
    expect(await rejection(call('get', a.full, parent, { reportId: 'nope' }))).toBeInstanceOf(NotFoundError);
    expect(await rejection(call('get', a.full, parent, { reportId: '0b1e0000-0000-4000-8000-00000000ffff' }))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it('delete removes the report and is audited', async () => {
    const r = await call('create', a.full, parent, { billingStartDate: '2025-06-01', billingEndDate: '2025-06-30' });
    await call('delete', a.wholesale, parent, { reportId: r.id });
    expect(await db.select().from(billingReports).where(eq(billingReports.id, r.id))).toHaveLength(0);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, r.id), eq(auditLog.action, 'billing.report.delete')));
    expect(entry).toMatchObject({ actorUserId: a.wholesale.userId, orgId: parent });
    expect(await rejection(call('delete', a.full, parent, { reportId: r.id }))).toBeInstanceOf(NotFoundError);
  });
});
