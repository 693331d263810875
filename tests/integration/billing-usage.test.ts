// SPEC §7.1 on real rows, with hand-computed expectations: the aggregate query of each
// level and the chart's daily totals, over a ledger of deliberately awkward intervals.
import { beforeAll, describe, expect, it } from 'vitest';
import { subPartnerSubscriptions, subscriptions } from '@/db/schema';
import { getDailyUsage } from '@/lib/billing/get-daily-usage';
import { periodBounds } from '@/lib/billing/report-dates';
import { REPORT_COLUMNS } from '@/lib/billing/report-csv';
import { usageCsvQuery } from '@/lib/billing/usage-csv-sql';
import { usageQuery, type UsageRow } from '@/lib/billing/usage-sql';
import { PACKAGE_INFO, type PackageId } from '@/lib/domain/packages';
import type { ReportType } from '@/lib/domain/statuses';
import { eq } from 'drizzle-orm';
import { freshDb } from './support/test-db';
import { makeCustomer, makePartner, makeSubPartner } from './support/fixtures';
import { addLocation, addSubscriber } from './support/billing';
import { parseCsv } from './support/csv';
import { first } from '@/tests/support/rows';

const db = await freshDb();
const MARCH = { start: '2026-03-01', end: '2026-03-31' } as const;

let partner: { id: string };
let sub: { id: string };
let subscriptionId: string;
let ids: Record<'c1' | 'c2' | 'c3' | 'c4', { orgId: string; externalId: string }>;
let branch: string;

async function usage(
  level: ReportType,
  partnerOrgId: string,
  period: { start: string; end: string } = MARCH,
  fallback: string | null = subscriptionId,
) {
  const { from, to } = periodBounds(period.start, period.end);
  return db.execute<UsageRow>(usageQuery(level, { partnerOrgId, from, to, fallbackSubscriptionId: fallback }));
}

beforeAll(async () => {
  partner = await makePartner(db);
  [{ id: subscriptionId }] = await db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(eq(subscriptions.partnerOrgId, partner.id));
  sub = await makeSubPartner(db, partner.id);
  await db.insert(subPartnerSubscriptions).values({ subPartnerOrgId: sub.id, subscriptionId });
  const c1 = await makeCustomer(db, partner.id);
  const c2 = await makeCustomer(db, partner.id);
  const c3 = await makeCustomer(db, partner.id);
  const c4 = await makeCustomer(db, sub.id);
  branch = await addLocation(db, c2.org.id);

  // C1: a full month (31), from 12:00 on the 1st (30.5), a workspace from 23:00 on the last day (1/24).
  await addSubscriber(db, c1, [{ pkg: 'webex_calling', start: '2026-02-10T08:00:00Z' }]);
  await addSubscriber(db, c1, [{ pkg: 'webex_calling', start: '2026-03-01T12:00:00Z' }]);
  await addSubscriber(db, c1, [{ pkg: 'common_area_calling', start: '2026-03-31T23:00:00Z' }], { workspace: true });
  // C2: a package change at 06:00 on the 10th (9.25 + 21.75); a removal at midnight on the 5th
  // (4, at the branch); an interval ending exactly when the period starts (0: no row).
  await addSubscriber(db, c2, [
    { pkg: 'webex_calling', start: '2026-01-15T00:00:00Z', end: '2026-03-10T06:00:00Z' },
    { pkg: 'webex_suite', start: '2026-03-10T06:00:00Z' },
  ]);
  await addSubscriber(db, c2, [{ pkg: 'webex_suite', start: '2026-02-01T00:00:00Z', end: '2026-03-05T00:00:00Z' }], { locationId: branch });
  await addSubscriber(db, c2, [{ pkg: 'webex_suite', start: '2026-02-01T00:00:00Z', end: '2026-03-01T00:00:00Z' }]);
  // C3: deprovisioned at 18:00 on the 20th — every interval closed then (19.75 each).
  await addSubscriber(db, c3, [{ pkg: 'webex_voice', start: '2026-01-01T00:00:00Z', end: '2026-03-20T18:00:00Z' }]);
  await addSubscriber(db, c3, [{ pkg: 'webex_meetings', start: '2026-02-15T00:00:00Z', end: '2026-03-20T18:00:00Z' }]);
  // C4 belongs to the sub-partner.
  await addSubscriber(db, c4, [{ pkg: 'webex_calling', start: '2026-01-01T00:00:00Z' }]);
  ids = {
    c1: { orgId: c1.org.id, externalId: c1.customer.externalId },
    c2: { orgId: c2.org.id, externalId: c2.customer.externalId },
    c3: { orgId: c3.org.id, externalId: c3.customer.externalId },
    c4: { orgId: c4.org.id, externalId: c4.customer.externalId },
  };
});

const n = (q: string | undefined) => Number(q);

describe('USER level: one row per subscriber, package and location', () => {
  it('a full month counts the days of the period; from noon on the first day, half a day less', async () => {
    const rows = (await usage('USER', partner.id)).filter((r) => r.customer_org_id === ids.c1.orgId && r.package === 'webex_calling');
    expect(rows.map((r) => r.quantity).sort()).toEqual(['30.5', '31']);
  });

  it('a package change mid-day splits that day between the two packages', async () => {
    const rows = (await usage('USER', partner.id)).filter((r) => r.customer_org_id === ids.c2.orgId && r.location_id !== branch);
    expect(rows.map((r) => [r.package, r.quantity, r.consumption_start, r.consumption_end]).sort()).toEqual([
      ['webex_calling', '9.25', '2026-03-01', '2026-03-10'],
      ['webex_suite', '21.75', '2026-03-10', '2026-03-31'],
    ]);
    expect(new Set(rows.map((r) => r.subscriber_id)).size).toBe(1);
  });

  it('a removal stops counting; an interval ending exactly at the period start counts nothing', async () => {
    const rows = (await usage('USER', partner.id)).filter((r) => r.customer_org_id === ids.c2.orgId && r.package === 'webex_suite');
    const atBranch = rows.filter((r) => r.location_id === branch);
    expect(atBranch.map((r) => [r.quantity, r.consumption_start, r.consumption_end])).toEqual([['4', '2026-03-01', '2026-03-04']]);
    // Only the changed subscriber's suite interval besides: the one that ended at 03-01 00:00 has no row.
    expect(rows).toHaveLength(2);
  });

  it('a deprovisioned customer stops when its intervals were closed', async () => {
    const rows = (await usage('USER', partner.id)).filter((r) => r.customer_org_id === ids.c3.orgId);
    expect(rows.map((r) => [r.package, r.quantity, r.consumption_end]).sort()).toEqual([
      ['webex_meetings', '19.75', '2026-03-20'],
      ['webex_voice', '19.75', '2026-03-20'],
    ]);
  });

  it('one hour before the period ends counts 1/24 of a day; a workspace has a WORKSPACE_ID and no USER_ID', async () => {
    const ws = first(
      (await usage('USER', partner.id)).filter((r) => r.package === 'common_area_calling'),
      'ws',
    );
    expect(ws).toMatchObject({ quantity: '0.041667', consumption_start: '2026-03-31', consumption_end: '2026-03-31', user_id: null });
    expect(ws.workspace_id).toBe(ws.subscriber_id);
  });

  it('user rows carry the user, the subscription falls back to the partner’s', async () => {
    const rows = await usage('USER', partner.id);
    expect(rows.filter((r) => r.package !== 'common_area_calling').every((r) => r.user_id && !r.workspace_id)).toBe(true);
    expect(new Set(rows.map((r) => r.subscription_id))).toEqual(new Set([subscriptionId]));
  });
});

describe('levels add up', () => {
  it('CUSTOMER rows: per customer, location and package', async () => {
    const rows = await usage('CUSTOMER', partner.id);
    const key = (r: UsageRow) => `${r.customer_org_id}|${r.location_id === branch ? 'branch' : 'hq'}|${r.package}`;
    expect(Object.fromEntries(rows.map((r) => [key(r), r.quantity]))).toEqual({
      [`${ids.c1.orgId}|hq|webex_calling`]: '61.5',
      [`${ids.c1.orgId}|hq|common_area_calling`]: '0.041667',
      [`${ids.c2.orgId}|hq|webex_calling`]: '9.25',
      [`${ids.c2.orgId}|hq|webex_suite`]: '21.75',
      [`${ids.c2.orgId}|branch|webex_suite`]: '4',
      [`${ids.c3.orgId}|hq|webex_voice`]: '19.75',
      [`${ids.c3.orgId}|hq|webex_meetings`]: '19.75',
    });
    expect(rows.every((r) => r.customer_external_id && r.location_id && !('subscriber_id' in r))).toBe(true);
  });

  it('PARTNER rows: per subscription and package, with the period clipped to the usage', async () => {
    const rows = await usage('PARTNER', partner.id);
    expect(rows.map((r) => [r.subscription_id, r.package, r.quantity, r.consumption_start, r.consumption_end])).toEqual([
      [subscriptionId, 'common_area_calling', '0.041667', '2026-03-31', '2026-03-31'],
      [subscriptionId, 'webex_voice', '19.75', '2026-03-01', '2026-03-20'],
      [subscriptionId, 'webex_calling', '70.75', '2026-03-01', '2026-03-31'],
      [subscriptionId, 'webex_suite', '25.75', '2026-03-01', '2026-03-31'],
      [subscriptionId, 'webex_meetings', '19.75', '2026-03-01', '2026-03-20'],
    ]);
  });

  it('USER rows summed per customer and package = CUSTOMER rows; CUSTOMER summed per package = PARTNER rows (to the hundredth)', async () => {
    const [user, customer, partnerRows] = await Promise.all([
      usage('USER', partner.id),
      usage('CUSTOMER', partner.id),
      usage('PARTNER', partner.id),
    ]);
    const sum = (rows: UsageRow[], key: (r: UsageRow) => string) => {
      const m = new Map<string, number>();
      for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + n(r.quantity));
      return m;
    };
    const byCustomer = (r: UsageRow) => `${r.customer_org_id}|${r.location_id}|${r.package}`;
    const userSums = sum(user, byCustomer);
    for (const r of customer) expect(userSums.get(byCustomer(r))).toBeCloseTo(n(r.quantity), 2);
    expect(userSums.size).toBe(customer.length);
    const customerSums = sum(customer, (r) => r.package);
    for (const r of partnerRows) expect(customerSums.get(r.package)).toBeCloseTo(n(r.quantity), 2);
  });

  it('a sub-partner’s usage is its own customers only, on the shared subscription', async () => {
    const parentRows = await usage('CUSTOMER', partner.id);
    expect(parentRows.some((r) => r.customer_org_id === ids.c4.orgId)).toBe(false);
    const subRows = await usage('CUSTOMER', sub.id, MARCH, subscriptionId);
    expect(subRows.map((r) => [r.customer_org_id, r.package, r.quantity])).toEqual([[ids.c4.orgId, 'webex_calling', '31']]);
  });

  it('a one-day period is that day; a period before any usage is empty', async () => {
    const day = await usage('PARTNER', partner.id, { start: '2026-03-10', end: '2026-03-10' });
    expect(Object.fromEntries(day.map((r) => [r.package, r.quantity]))).toMatchObject({ webex_calling: '2.25', webex_suite: '0.75' });
    expect(await usage('USER', partner.id, { start: '2025-01-01', end: '2025-12-31' })).toHaveLength(0);
  });
});

describe('daily usage for the chart', () => {
  it('sums each day per package, splitting partial days', async () => {
    const d = await getDailyUsage(db, partner.id, '2026-03-01', '2026-03-10');
    expect(d.days).toHaveLength(10);
    const calling = d.series.find((s) => s.package === 'webex_calling')!;
    const suite = d.series.find((s) => s.package === 'webex_suite')!;
    // 1st: s1 (1) + s2 from noon (0.5) + the changed subscriber (1).
    expect(calling.values[0]).toBeCloseTo(2.5, 6);
    expect(calling.values[1]).toBeCloseTo(3, 6);
    // 10th: s1 + s2 + a quarter day before the change; suite: three quarters (the branch user left on the 5th).
    expect(calling.values[9]).toBeCloseTo(2.25, 6);
    expect(suite.values[9]).toBeCloseTo(0.75, 6);
    expect(suite.values[3]).toBeCloseTo(1, 6);
    expect(suite.values[4]).toBeCloseTo(0, 6);
    expect(d.series.map((s) => s.package)).toEqual(['webex_voice', 'webex_calling', 'webex_suite', 'webex_meetings']);
  });

  it('the chart totals equal the report quantities over the same period', async () => {
    const d = await getDailyUsage(db, partner.id, MARCH.start, MARCH.end);
    const report = await usage('PARTNER', partner.id);
    for (const r of report) expect(d.series.find((s) => s.package === r.package)!.total).toBeCloseTo(n(r.quantity), 4);
  });
});

describe('the CSV lines PostgreSQL builds', () => {
  it.each(['PARTNER', 'CUSTOMER', 'USER'] as const)('%s: the same fields as the aggregate rows, quoted, CRLF-terminated', async (level) => {
    const { from, to } = periodBounds(MARCH.start, MARCH.end);
    const scope = { partnerOrgId: partner.id, from, to, fallbackSubscriptionId: subscriptionId };
    const partnerRef = { name: 'Partner, "quoted"', orgId: partner.id };
    const [rows, lines] = await Promise.all([
      db.execute<UsageRow>(usageQuery(level, scope)),
      db.execute<{ line: string }>(usageCsvQuery(level, scope, partnerRef)),
    ]);
    expect(lines.every((l) => l.line.endsWith('\r\n'))).toBe(true);
    const parsed = parseCsv(lines.map((l) => l.line).join(''));
    const expected = rows.map((r) => {
      const info = PACKAGE_INFO[r.package as PackageId];
      const f = [
        partnerRef.name,
        partnerRef.orgId,
        r.subscription_id ?? '',
        info.serviceName,
        info.sku,
        info.description,
        r.consumption_start,
        r.consumption_end,
        r.quantity,
      ];
      if (level !== 'PARTNER') f.push(r.customer_org_id!, r.customer_external_id!, r.location_id!);
      if (level === 'USER') f.push(r.subscriber_id!, r.user_id ?? '', r.workspace_id ?? '');
      return f;
    });
    expect(parsed.every((f) => f.length === REPORT_COLUMNS[level].length)).toBe(true);
    // PARTNER and CUSTOMER keep the aggregate's order; USER has none to keep.
    if (level === 'USER') expect([...parsed].sort()).toEqual([...expected].sort());
    else expect(parsed).toEqual(expected);
  });
});
