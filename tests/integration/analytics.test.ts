// Analytics (issue 15): the series from real rows, who may see it (not cross-launched),
// and the CSV export with formula neutralisation.
import { eq, inArray, sql } from 'drizzle-orm';
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
import { oneRow } from '@/db/one-row';
import { at as itemAt } from '@/tests/support/rows';

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
    expect(itemAt(a.newCustomers.series, 0).values).toEqual([1, 0, 0, 1, 0, 1]);
    expect(a.provisioning).toMatchObject({ succeeded: 2, failed: 1, medianSeconds: 240 });
    expect(a.provisioning.successRate).toBeCloseTo(2 / 3);
    expect(a.topCustomers.customers).toEqual([{ id: expect.any(String), name: '=HYPERLINK("http://evil")', seats: 2 }]);
  });
});

describe('provisioning outcomes from customers.provisioned_at', () => {
  // The summaries behind "new customers" and "provisioning" against a full recount from
  // customers and provisioning_events (the queries Analytics ran before), after a seeded
  // random mix of event inserts (single and multi-row), edits, deletes and status changes.
  async function recount(partnerOrgId: string, start: string) {
    const rows = await db.execute<{ m: string; n: number; ok: number; failed: number }>(sql`
      select to_char(c.created_at at time zone 'UTC', 'YYYY-MM') as m, count(*)::int as n,
        count(*) filter (where exists (select 1 from provisioning_events e where e.customer_id = c.id and e.step = 'completed'))::int as ok,
        count(*) filter (where c.status = 'error')::int as failed
      from customers c where c.partner_org_id = ${partnerOrgId}::uuid and c.created_at >= ${start}::timestamptz group by 1 order by 1`);
    const median = await oneRow(
      db.execute<{ median: number | null }>(sql`
      select percentile_cont(0.5) within group (order by extract(epoch from e.at - c.created_at))::float8 as median
      from customers c
      join lateral (select min(at) as at from provisioning_events e where e.customer_id = c.id and e.step = 'completed') e on e.at is not null
      where c.partner_org_id = ${partnerOrgId}::uuid and c.created_at >= ${start}::timestamptz`),
      'median',
    );
    return { rows: rows.map((r) => ({ ...r })), median: median.median };
  }

  it('equal a full recount of the events after random changes', async () => {
    const owner = (await makePartner(db, { name: 'Provisioning Recount' })).id;
    let seed = 15;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      const c = await makeCustomer(db, owner, { name: `Recount ${i}` });
      const created = new Date(Date.UTC(2026, 3 + rnd(8), 1 + rnd(27), rnd(24)));
      await db
        .update(customers)
        .set({ createdAt: created, status: rnd(4) === 0 ? 'error' : 'provisioned' })
        .where(eq(customers.id, c.customer.id));
      ids.push(c.customer.id);
    }
    const createdAt = new Map(
      (await db.select({ id: customers.id, at: customers.createdAt }).from(customers).where(inArray(customers.id, ids))).map((r) => [
        r.id,
        r.at.getTime(),
      ]),
    );
    const event = (id: string) => ({
      customerId: id,
      at: new Date(createdAt.get(id)! + (1 + rnd(3600)) * 1000),
      step: rnd(3) === 0 ? 'users' : 'completed',
      message: 'x',
    });
    const check = async () => {
      const a = await getPartnerAnalytics(db, owner, clock.now(), 12);
      const want = await recount(owner, `${a.months[0]}-01T00:00:00Z`);
      const got = a.months
        .map((m, i) => ({
          m,
          n: a.newCustomers.series[0].values[i],
          ok: a.provisioning.series[0].values[i],
          failed: a.provisioning.series[1].values[i],
        }))
        .filter((r) => r.n > 0);
      expect(got).toEqual(want.rows);
      expect(a.provisioning.medianSeconds).toEqual(want.median);
    };
    for (let round = 0; round < 6; round++) {
      for (let k = 0; k < 10; k++) {
        const op = rnd(10);
        const id = ids[rnd(ids.length)];
        if (op < 4) await db.insert(provisioningEvents).values(event(id));
        else if (op < 6) await db.insert(provisioningEvents).values([event(id), event(ids[rnd(ids.length)]), event(id)]);
        else if (op < 8) {
          const [e] = await db.select().from(provisioningEvents).where(eq(provisioningEvents.customerId, id)).limit(1);
          if (e)
            await db
              .update(provisioningEvents)
              .set({ at: event(id).at, step: rnd(2) ? 'completed' : 'users' })
              .where(eq(provisioningEvents.id, e.id));
        } else if (op < 9) await db.delete(provisioningEvents).where(eq(provisioningEvents.customerId, id));
        else
          await db
            .update(customers)
            .set({ status: rnd(2) ? 'error' : 'provisioned' })
            .where(eq(customers.id, id));
      }
      await check();
    }
    // The histogram itself (all months) against one built from the events.
    const plain = (rows: Iterable<Record<string, unknown>>) => [...rows].map((r) => ({ ...r }));
    const kept = await db.execute(sql`
      select to_char(created_month, 'YYYY-MM') as m, seconds, n from partner_provisioning_seconds
      where partner_org_id = ${owner}::uuid order by 1, 2`);
    const rebuilt = await db.execute(sql`
      select to_char(date_trunc('month', c.created_at at time zone 'UTC'), 'YYYY-MM') as m,
        floor(extract(epoch from (e.at - c.created_at)))::int as seconds, count(*)::int as n
      from customers c
      join lateral (select min(at) as at from provisioning_events e where e.customer_id = c.id and e.step = 'completed') e on e.at is not null
      where c.partner_org_id = ${owner}::uuid group by 1, 2 order by 1, 2`);
    expect(plain(kept)).toEqual(plain(rebuilt));
    const a = await getPartnerAnalytics(db, owner, clock.now(), 12);
    expect(a.provisioning.succeeded).toBeGreaterThan(0);
    expect(a.provisioning.medianSeconds).not.toBeNull();
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
    expect(itemAt(rows, 1)[0]).toBe(`'=HYPERLINK("http://evil")`);
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
