// Analytics (issue 15): the series from real rows, who may see it (not cross-launched),
// and the CSV export with formula neutralisation.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { customers, provisioningEvents } from '@/db/schema';
import { analyticsExportSchema, exportAnalyticsCsv } from '@/lib/analytics/analytics-exports';
import { safeCsvCell } from '@/lib/analytics/analytics-csv';
import { getPartnerAnalytics } from '@/lib/analytics/get-partner-analytics';
import type { Actor } from '@/lib/auth/access';
import { runAuthorized } from '@/lib/server/guard';
import { fixedClock } from '@/lib/platform/clock';
import { ForbiddenError, NotFoundError } from '@/lib/platform/errors';
import type { ServiceDeps } from '@/lib/platform/service-ctx';
import { addSubscriber } from './support/billing';
import { parseCsv } from './support/csv';
import { freshDb } from './support/test-db';
import { makeAdmin, makeCustomer, makePartner, makeSubPartner } from './support/fixtures';

const db = await freshDb();
const clock = fixedClock('2026-11-21T10:00:00Z');
const deps: ServiceDeps = { db, clock, jobs: { send: async () => {} } };
let partnerId: string;
let full: Actor;

const at = (iso: string) => new Date(iso);
async function customer(
  name: string,
  o: { created: string; status?: 'provisioned' | 'error' | 'deprovisioned'; changed?: string; deprov?: string; completed?: string },
) {
  const c = await makeCustomer(db, partnerId, { name });
  await db
    .update(customers)
    .set({
      name,
      status: o.status ?? 'provisioned',
      createdAt: at(o.created),
      statusChangedAt: at(o.changed ?? o.created),
      deprovisionedAt: o.deprov ? at(o.deprov) : null,
    })
    .where(eq(customers.id, c.customer.id));
  if (o.completed)
    await db
      .insert(provisioningEvents)
      .values({ customerId: c.customer.id, at: at(o.completed), step: 'completed', message: 'Provisioning completed' });
  return c;
}

beforeAll(async () => {
  partnerId = (await makePartner(db, { name: 'Analytics Partner' })).id;
  full = await makeAdmin(db, partnerId, ['partner_full_admin', 'wholesale_admin']);
  const a = await customer('=HYPERLINK("http://evil")', { created: '2026-06-10T00:00:00Z', completed: '2026-06-10T00:02:00Z' });
  await customer('Beta', { created: '2026-09-05T00:00:00Z', completed: '2026-09-05T00:06:00Z' });
  await customer('Gamma', { created: '2026-11-02T00:00:00Z', status: 'error', changed: '2026-11-02T00:01:00Z' });
  await customer('Delta', {
    created: '2025-01-01T00:00:00Z',
    status: 'deprovisioned',
    changed: '2026-10-15T00:00:00Z',
    deprov: '2026-10-15T00:00:00Z',
  });
  await addSubscriber(db, a, [{ pkg: 'webex_calling', start: '2026-07-01T00:00:00Z' }]);
  await addSubscriber(db, a, [
    { pkg: 'webex_calling', start: '2026-07-01T00:00:00Z', end: '2026-10-10T00:00:00Z' },
    { pkg: 'webex_suite', start: '2026-10-10T00:00:00Z' },
  ]);
});

describe('analytics series', () => {
  it('counts customers by status, seats by package, new customers, provisioning and top customers', async () => {
    const a = await getPartnerAnalytics(db, partnerId, clock.now(), 6);
    expect(a.months).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    const status = Object.fromEntries(a.customersByStatus.series.map((s) => [s.key, s.values]));
    expect(status.provisioned).toEqual([2, 2, 2, 3, 2, 2]);
    expect(status.deprovisioned).toEqual([0, 0, 0, 0, 1, 1]);
    expect(status.error).toEqual([0, 0, 0, 0, 0, 1]);
    const seats = Object.fromEntries(a.seatsByPackage.series.map((s) => [s.key, s.values]));
    expect(seats.webex_calling).toEqual([0, 2, 2, 2, 1, 1]);
    expect(seats.webex_suite).toEqual([0, 0, 0, 0, 1, 1]);
    expect(a.newCustomers.series[0].values).toEqual([1, 0, 0, 1, 0, 1]);
    expect(a.provisioning).toMatchObject({ succeeded: 2, failed: 1, medianSeconds: 240 });
    expect(a.provisioning.successRate).toBeCloseTo(2 / 3);
    expect(a.topCustomers.customers).toEqual([{ id: expect.any(String), name: '=HYPERLINK("http://evil")', seats: 2 }]);
  });
});

describe('who sees analytics, and the CSV', () => {
  const exportAs = (who: Actor, orgId: string, input: Record<string, unknown>) =>
    runAuthorized(deps, { userId: who.userId, orgId, input }, 'analytics.read', analyticsExportSchema, exportAnalyticsCsv);

  it('exports each chart as CSV with formula cells neutralised', async () => {
    const res = await exportAs(full, partnerId, { chart: 'top-customers', months: '12' });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual(['Customer', 'Org ID', 'Active seats']);
    expect(rows[1][0]).toBe(`'=HYPERLINK("http://evil")`);
    const months = parseCsv(await (await exportAs(full, partnerId, { chart: 'new-customers', months: '3' })).text());
    expect(months).toEqual([
      ['Month', 'New customers'],
      ['Sep 2026', '1'],
      ['Oct 2026', '0'],
      ['Nov 2026', '1'],
    ]);
    for (const v of ['+1', '-1', '@x', '\tx', '\rx']) expect(safeCsvCell(v).replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('read-only admins may; sales admins may not; cross-launched it is not available; strangers get 404', async () => {
    const readonly = await makeAdmin(db, partnerId, ['partner_readonly_admin']);
    expect((await exportAs(readonly, partnerId, { chart: 'provisioning', months: '6' })).status).toBe(200);
    const sales = await makePartner(db, { wholesale: false });
    const salesAdmin = await makeAdmin(db, sales.id, ['sales_full_admin']);
    await expect(exportAs(salesAdmin, sales.id, { chart: 'provisioning', months: '6' })).rejects.toBeInstanceOf(ForbiddenError);
    const sub = await makeSubPartner(db, partnerId);
    await expect(exportAs(full, sub.id, { chart: 'provisioning', months: '6' })).rejects.toMatchObject({
      message: 'Not available when cross-launched.',
    });
    const other = await makePartner(db);
    await expect(exportAs(full, other.id, { chart: 'provisioning', months: '6' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
