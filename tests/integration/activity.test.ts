// Activity (SPEC §10 audit log) on the keyset-paged UNION ALL read: newest first across
// both halves of the scope (entries on the org, entries its admins made elsewhere),
// Newer/Older paging, each filter, the capped total, the streamed CSV — and never an
// entry of another org.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { activityCsvResponse, activityExportSchema } from '@/lib/activity/activity-csv';
import {
  ACTIVITY_COUNT_CAP,
  ACTIVITY_PAGE_SIZE,
  listActivity,
  type ActivityCursor,
  type ActivityFilters,
} from '@/lib/activity/list-activity';
import { resolveAccess, type Actor, type OrgAccess } from '@/lib/auth/access';
import { runAuthorized } from '@/lib/server/guard';
import type { AuditAction } from '@/lib/domain/audit-actions';
import { fixedClock } from '@/lib/platform/clock';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/platform/errors';
import type { ServiceDeps } from '@/lib/platform/service-ctx';
import { parseCsv } from './support/csv';
import { makeAdmin, makeCustomer, makePartner } from './support/fixtures';
import { freshDb } from './support/test-db';
import { at } from '@/tests/support/rows';

const db = await freshDb();
const clock = fixedClock('2026-11-21T10:00:00Z');
const deps: ServiceDeps = { db, clock, jobs: { send: async () => {} } };
const NONE: ActivityFilters = { action: '', actor: '', from: '', to: '' };
const T0 = Date.parse('2026-10-01T00:00:00Z');
const HOUR = 3_600_000;

let partner: string;
let other: string;
let customerOrg: string;
let otherCustomerOrg: string;
let full: Actor;
let readonly: Actor;
let otherAdmin: Actor;
let access: OrgAccess;

/** Entry i of the partner's log: at T0 + i hours (two share an instant: the id breaks the tie). */
const entry = (i: number, orgId: string, actor: Actor | null, action: AuditAction, summary = `Entry ${i}`) => ({
  at: new Date(T0 + Math.min(i, 119) * HOUR),
  orgId,
  actorUserId: actor?.userId ?? null,
  actorOrgId: actor?.orgId ?? null,
  action,
  targetType: 'customer',
  summary,
});

const page = (cursor: ActivityCursor = null, f: Partial<ActivityFilters> = {}) => listActivity(db, access, { ...NONE, ...f }, cursor);
const summaries = (rows: { summary: string }[]) => rows.map((r) => r.summary);

beforeAll(async () => {
  partner = (await makePartner(db, { name: 'Activity Partner' })).id;
  other = (await makePartner(db, { name: 'Other Partner' })).id;
  full = await makeAdmin(db, partner, ['partner_full_admin', 'wholesale_admin']);
  readonly = await makeAdmin(db, partner, ['partner_readonly_admin']);
  otherAdmin = await makeAdmin(db, other, ['partner_full_admin', 'wholesale_admin']);
  customerOrg = (await makeCustomer(db, partner, { name: 'Cross Launched Co' })).org.id;
  otherCustomerOrg = (await makeCustomer(db, other, { name: 'Not Yours Co' })).org.id;
  access = (await resolveAccess(db, full, partner))!;
  // 121 entries in the partner's scope: 0–79 on the partner (readonly's every 4th),
  // 80–120 by its full admin cross-launched into a customer; 119 and 120 share an instant.
  const rows = [];
  for (let i = 0; i <= 120; i++) {
    if (i < 80) rows.push(entry(i, partner, i % 4 === 0 ? readonly : full, i % 2 ? 'customer.update' : 'template.create'));
    else rows.push(entry(i, customerOrg, full, i % 2 ? 'subscriber.create' : 'customer.rbpm.update'));
  }
  // Another org's entries, also made at the same instants: never shown.
  rows.push(entry(50, other, otherAdmin, 'customer.update', 'Other org entry'));
  rows.push(entry(60, otherCustomerOrg, otherAdmin, 'customer.update', 'Other customer entry'));
  rows.push({ ...entry(70, otherCustomerOrg, null, 'email.sent', 'System entry elsewhere') });
  await db.insert(auditLog).values(rows);
});

describe('the activity list', () => {
  it('shows both halves of the scope newest first, 50 a page, with the id breaking ties; nothing of another org', async () => {
    const p1 = await page();
    expect(p1.rows).toHaveLength(ACTIVITY_PAGE_SIZE);
    expect(p1.total).toBe(121);
    expect(p1.totalCapped).toBe(false);
    expect(summaries(p1.rows.slice(0, 3))).toEqual(['Entry 120', 'Entry 119', 'Entry 118']);
    const cross = p1.rows.find((r) => r.summary === 'Entry 100')!;
    expect(cross).toMatchObject({
      orgId: customerOrg,
      orgName: 'Cross Launched Co',
      actorOrgId: partner,
      actorOrgName: 'Activity Partner',
      actorEmail: full.email,
    });
    expect(p1.newer).toBeNull();
    const all = [...p1.rows, ...(await page({ after: p1.older! })).rows];
    expect(all.every((r) => !r.summary.includes('Other') && !r.summary.includes('elsewhere'))).toBe(true);
  });

  it('pages older and newer by keyset, ending with full pages at both ends', async () => {
    const p1 = await page();
    const p2 = await page({ after: p1.older! });
    expect(summaries(p2.rows)[0]).toBe('Entry 70');
    expect(p2.rows).toHaveLength(50);
    const p3 = await page({ after: p2.older! });
    expect(summaries(p3.rows)).toEqual(Array.from({ length: 21 }, (_, i) => `Entry ${20 - i}`));
    expect(p3.older).toBeNull();
    const back = await page({ before: p3.newer! });
    expect(summaries(back.rows)).toEqual(summaries(p2.rows));
    expect(back.newer).not.toBeNull();
    // One step short of the top: the first page, whole.
    const top = await page({ before: (await page({ after: at(p1.rows, 9).id })).rows[0].id });
    expect(summaries(top.rows)).toEqual(summaries(p1.rows));
    expect(top.newer).toBeNull();
  });

  it('filters by exact action, action prefix, actor e-mail and inclusive dates', async () => {
    const updates = await page(null, { action: 'customer.update' });
    expect(updates.total).toBe(40);
    expect(updates.rows.every((r) => r.action === 'customer.update')).toBe(true);
    expect((await page(null, { action: 'customer.' })).total).toBe(40 + 21);
    expect((await page(null, { action: 'nothing.' })).total).toBe(0);
    const byReadonly = await page(null, { actor: readonly.email.slice(0, 12).toUpperCase() });
    expect(byReadonly.total).toBe(20);
    expect(byReadonly.rows.every((r) => r.actorEmail === readonly.email)).toBe(true);
    expect((await page(null, { actor: otherAdmin.email })).total).toBe(0);
    expect((await page(null, { actor: 'nobody-at-all' })).total).toBe(0);
    // Several people (fewer than 21) match: each is walked on its own, merged in time order.
    const fewAdmins = await page(null, { actor: 'admin-' });
    expect(fewAdmins.total).toBe(121);
    expect(summaries(fewAdmins.rows)).toEqual(summaries((await page()).rows));
    // More than 20 people match: the filter is a subquery instead of an id list, same answer.
    for (let i = 0; i < 21; i++) await makeAdmin(db, other, ['partner_readonly_admin']);
    const everyAdmin = await page(null, { actor: 'admin-' });
    expect(everyAdmin.total).toBe(121);
    expect(summaries(everyAdmin.rows)).toEqual(summaries((await page()).rows));
    // 2026-10-02 is entries 24–47 (T0 + 24 h … + 47 h).
    const day = await page(null, { from: '2026-10-02', to: '2026-10-02' });
    expect(summaries(day.rows)).toEqual(Array.from({ length: 24 }, (_, i) => `Entry ${47 - i}`));
    const combined = await page(null, { action: 'template.create', from: '2026-10-02', to: '2026-10-02', actor: readonly.email });
    expect(summaries(combined.rows)).toEqual(['Entry 44', 'Entry 40', 'Entry 36', 'Entry 32', 'Entry 28', 'Entry 24']);
  });

  it('counts up to 10,000 and then says so', async () => {
    const big = (await makePartner(db, { name: 'Busy Partner' })).id;
    await db.execute(sql`insert into audit_log (at, org_id, action, target_type, summary)
      select now() - g * interval '1 second', ${big}, 'email.sent', 'email', 'Bulk ' || g from generate_series(1, ${ACTIVITY_COUNT_CAP + 50}) g`);
    const admin = await makeAdmin(db, big, ['partner_full_admin']);
    const p = await listActivity(db, (await resolveAccess(db, admin, big))!, NONE);
    expect(p.total).toBe(ACTIVITY_COUNT_CAP + 1);
    expect(p.totalCapped).toBe(true);
    expect(summaries(p.rows)[0]).toBe('Bulk 1');
  });
});

describe('the CSV export', () => {
  const exportAs = (who: Actor, orgId: string, input: Record<string, unknown>) =>
    runAuthorized(deps, { userId: who.userId, orgId, input }, 'activity.read', activityExportSchema, (ctx, f) =>
      Promise.resolve(activityCsvResponse(db, ctx.access, f, ctx.clock.now())),
    );

  it('streams every filtered entry, newest first, with formula cells neutralised', async () => {
    await db.insert(auditLog).values(entry(121, partner, full, 'org.rename', '=HYPERLINK("http://evil")'));
    const res = await exportAs(readonly, partner, { action: 'org.rename' });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="activity-2026-11-21.csv"');
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(['When (UTC)', 'Who', 'Actor e-mail', 'On behalf of', 'Organisation', 'Action', 'Summary']);
    expect(rows.slice(1)).toEqual([
      [
        new Date(T0 + 119 * HOUR).toISOString(),
        'Test partner_full_admin+wholesale_admin',
        full.email,
        '',
        'Activity Partner',
        'org.rename',
        `'=HYPERLINK("http://evil")`,
      ],
    ]);
  });

  it('exports the whole unfiltered log across batches, and no other org’s entries', async () => {
    const rows = parseCsv((await (await exportAs(full, partner, {})).text()).replace(/^\uFEFF/, '')).slice(1);
    expect(rows).toHaveLength(122);
    expect(new Set(rows.map((r) => r[6])).size).toBe(122);
    expect(rows.find((r) => r[6] === 'Entry 90')).toEqual([
      new Date(T0 + 90 * HOUR).toISOString(),
      'Test partner_full_admin+wholesale_admin',
      full.email,
      'Activity Partner',
      'Cross Launched Co',
      'customer.rbpm.update',
      'Entry 90',
    ]);
    expect(rows.some((r) => at(r, 6).includes('Other'))).toBe(false);
  });

  it('refuses bad dates, other orgs and admins without activity access', async () => {
    await expect(exportAs(full, partner, { from: '2026-02-30' })).rejects.toBeInstanceOf(ValidationError);
    await expect(exportAs(full, other, {})).rejects.toBeInstanceOf(NotFoundError);
    const sales = await makeAdmin(db, partner, ['sales_admin']);
    await expect(exportAs(sales, partner, {})).rejects.toBeInstanceOf(ForbiddenError);
  });
});
