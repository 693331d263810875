// The customer list (SPEC §4.2): search, filters, sort, pagination, the indirect scope and
// who sees what — called with URL params through the real authorised path.
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { customerPackages, customers, orgs } from '@/db/schema';
import type { Actor } from '@/lib/auth/access';
import { parseCustomerListParams } from '@/lib/customers/customer-list-params';
import { listPartnerCustomers } from '@/lib/customers/list-partner-customers';
import type { PackageId } from '@/lib/domain/packages';
import type { CustomerStatus } from '@/lib/domain/statuses';
import { ForbiddenError, NotFoundError } from '@/lib/platform/errors';
import { serviceCaller } from './support/customer-fixtures';
import { makeAdmin, makeCustomer, makePartner, makeSubPartner } from './support/fixtures';
import { freshDb } from './support/test-db';
import { at } from '@/tests/support/rows';

const db = await freshDb();
const call = serviceCaller(db);
const urlParams = z.record(z.string(), z.string()).transform((sp) => parseCustomerListParams(sp));
const list = (a: Actor, orgId: string, sp: Record<string, string> = {}) =>
  call(a.userId, orgId, 'customers.read', urlParams, (ctx, p) => listPartnerCustomers(ctx.db, ctx.access, p), sp);

let parent: string;
let subA: string;
let subB: string;
let a: Record<'full' | 'wholesaleOnly' | 'readonly' | 'subA' | 'sales' | 'salesFull', Actor>;
let nonWholesale: string;
const names: string[] = [];
const T0 = Date.parse('2030-01-01T00:00:00Z');

/** A customer with a chosen name, status, packages and creation time. */
async function customer(
  ownerId: string,
  name: string,
  i: number,
  opts: { status?: CustomerStatus; packages?: PackageId[]; createdBy?: string; externalId?: string } = {},
) {
  const { customer: c, org } = await makeCustomer(db, ownerId, { name, createdBy: opts.createdBy });
  await db
    .update(customers)
    .set({
      status: opts.status ?? 'provisioned',
      createdAt: new Date(T0 + i * 60_000),
      ...(opts.externalId ? { externalId: opts.externalId } : {}),
    })
    .where(eq(customers.id, c.id));
  if (opts.packages?.length) await db.insert(customerPackages).values(opts.packages.map((p) => ({ customerId: c.id, package: p })));
  return { ...c, orgId: org.id };
}

beforeAll(async () => {
  parent = (await makePartner(db, { name: 'List Parent' })).id;
  subA = (await makeSubPartner(db, parent, 'Alpha Indirect')).id;
  subB = (await makeSubPartner(db, parent, 'Beta Indirect')).id;
  nonWholesale = (await makePartner(db, { name: 'Trials Co', wholesale: false })).id;
  a = {
    full: await makeAdmin(db, parent, ['partner_full_admin', 'wholesale_admin']),
    wholesaleOnly: await makeAdmin(db, parent, ['wholesale_admin']),
    readonly: await makeAdmin(db, parent, ['partner_readonly_admin']),
    subA: await makeAdmin(db, subA, ['partner_full_admin', 'wholesale_admin']),
    sales: await makeAdmin(db, nonWholesale, ['sales_admin']),
    salesFull: await makeAdmin(db, nonWholesale, ['sales_full_admin']),
  };
  // 30 customers of the parent: names "Acme 00"… mixed with others, statuses and packages by index.
  const statuses: CustomerStatus[] = ['provisioned', 'provisioned', 'error', 'provisioning', 'deprovisioned'];
  for (let i = 0; i < 30; i++) {
    const name = i % 3 === 0 ? `Acme Widgets ${String(i).padStart(2, '0')}` : `Zephyr Foods ${String(i).padStart(2, '0')}`;
    names.push(name);
    await customer(parent, name, i, {
      status: statuses[i % 5],
      packages: i % 2 ? ['webex_calling', 'common_area_calling'] : ['webex_meetings'],
      externalId: `P-${i}`,
    });
  }
  await customer(parent, '100% Organic', 40, { externalId: 'P-40' });
  await customer(subA, 'Acme Alpha Customer', 50, { externalId: 'A-1' });
  await customer(subB, 'Acme Beta Customer', 51, { externalId: 'B-1' });
  await customer(nonWholesale, 'Sold By Sales', 60, { createdBy: a.sales.userId });
  await customer(nonWholesale, 'Sold By Someone Else', 61);
});

describe('default view', () => {
  it('lists the org’s own customers newest first, 25 a page; never its sub-partners’', async () => {
    const p1 = await list(a.readonly, parent);
    expect(p1.total).toBe(31);
    expect(p1.rows).toHaveLength(25);
    expect(at(p1.rows, 0).name).toBe('100% Organic');
    expect(at(p1.rows, 1).name).toBe(names[29]);
    expect(p1.rows.some((r) => r.name.includes('Alpha') || r.name.includes('Beta'))).toBe(false);
    const p2 = await list(a.readonly, parent, { page: '2' });
    expect(p2.rows).toHaveLength(6);
    const all = [...p1.rows, ...p2.rows].map((r) => r.customerId);
    expect(new Set(all).size).toBe(31);
    expect(p1.rows.every((r) => r.owner === null)).toBe(true);
  });

  it('shows packages (from the trigger-kept copy) and the columns the page needs', async () => {
    const { rows } = await list(a.full, parent, { q: 'P-1' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'Zephyr Foods 01', externalId: 'P-1', status: 'provisioned', rbpm: true, activeUsers: 0 });
    expect(rows[0].packages.sort()).toEqual(['common_area_calling', 'webex_calling']);
  });

  it('follows a renamed org (customers.name is kept by a trigger)', async () => {
    const {
      rows: [c],
    } = await list(a.full, parent, { q: 'P-40' });
    await db.update(orgs).set({ name: '100% Organic Renamed' }).where(eq(orgs.id, c.orgId));
    expect((await list(a.full, parent, { q: 'P-40' })).rows[0].name).toBe('100% Organic Renamed');
    await db.update(orgs).set({ name: '100% Organic' }).where(eq(orgs.id, c.orgId));
  });
});

describe('search, filters, sort', () => {
  it('searches name (contains, any case), exact external ID and org ID', async () => {
    expect((await list(a.full, parent, { q: 'aCmE wid' })).total).toBe(10);
    expect((await list(a.full, parent, { q: 'P-2' })).rows.map((r) => r.externalId)).toEqual(['P-2']);
    const {
      rows: [c],
    } = await list(a.full, parent, { q: 'P-7' });
    expect((await list(a.full, parent, { q: c.orgId.toUpperCase() })).rows.map((r) => r.customerId)).toEqual([c.customerId]);
    // "%" and "_" are literal characters, not wildcards.
    expect((await list(a.full, parent, { q: '100%' })).rows.map((r) => r.name)).toEqual(['100% Organic']);
    expect((await list(a.full, parent, { q: '%' })).total).toBe(1);
    expect((await list(a.full, parent, { q: 'nothing like this' })).total).toBe(0);
  });

  it('filters by status and by package, combined with search', async () => {
    const errors = await list(a.full, parent, { status: 'error' });
    expect(errors.total).toBe(6);
    expect(errors.rows.every((r) => r.status === 'error')).toBe(true);
    const meetings = await list(a.full, parent, { package: 'webex_meetings' });
    expect(meetings.total).toBe(15);
    expect(meetings.rows.every((r) => r.packages.includes('webex_meetings'))).toBe(true);
    const combo = await list(a.full, parent, { q: 'acme', package: 'webex_meetings', status: 'provisioned' });
    // Acme: i = 0,3,…,27; meetings: even i; provisioned: i % 5 in {0,1} → i = 0, 6.
    expect(combo.rows.map((r) => r.name).sort()).toEqual(['Acme Widgets 00', 'Acme Widgets 06']);
  });

  it('sorts by name, status and created, either way', async () => {
    const byName = await list(a.full, parent, { sort: 'name', q: 'acme' });
    expect(byName.rows.map((r) => r.name)).toEqual(byName.rows.map((r) => r.name).sort());
    const desc = await list(a.full, parent, { sort: 'name', dir: 'desc', q: 'acme' });
    expect(desc.rows.map((r) => r.name)).toEqual(byName.rows.map((r) => r.name).reverse());
    const oldest = await list(a.full, parent, { sort: 'created', dir: 'asc' });
    expect(at(oldest.rows, 0).name).toBe('Acme Widgets 00');
    const byStatus = await list(a.full, parent, { sort: 'status', page: '1' });
    const order = [
      'provisioning',
      'provisioned',
      'provisioned_with_errors',
      'updating',
      'deleting',
      'error',
      'pending_rpl_review',
      'pending_customer_approval',
      'suspended',
      'deprovisioned',
    ];
    const ranks = byStatus.rows.map((r) => order.indexOf(r.status));
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
  });

  it('ignores unknown param values instead of failing', async () => {
    const r = await list(a.full, parent, { status: 'bogus', package: 'nope', sort: 'x', dir: 'sideways', page: '-3' });
    expect(r.total).toBe(31);
    expect(r.page).toBe(1);
  });
});

describe('indirect providers’ customers (SPEC §4.2, §6.3)', () => {
  it('need a non-empty search; then own and sub-partners’ customers match, with the owner named', async () => {
    const empty = await list(a.full, parent, { scope: 'indirect' });
    expect(empty).toMatchObject({ needsQuery: true, total: 0, rows: [] });
    const found = await list(a.full, parent, { scope: 'indirect', q: 'acme' });
    expect(found.total).toBe(12);
    const alpha = found.rows.find((r) => r.name === 'Acme Alpha Customer');
    expect(alpha?.owner).toEqual({ id: subA, name: 'Alpha Indirect' });
    expect(found.rows.find((r) => r.name === 'Acme Widgets 00')?.owner).toBeNull();
    expect((await list(a.full, parent, { scope: 'indirect', q: 'B-1' })).rows.map((r) => r.name)).toEqual(['Acme Beta Customer']);
  });

  it('are refused to admins without partner full + wholesale (403)', async () => {
    await expect(list(a.readonly, parent, { scope: 'indirect', q: 'acme' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(list(a.wholesaleOnly, parent, { scope: 'indirect', q: 'acme' })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('a sub-partner admin sees only its own customers, whatever the params', async () => {
    // Sub-partners have no indirect providers: asking for their customers is refused.
    await expect(list(a.subA, subA, { q: 'acme', scope: 'indirect' })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await list(a.subA, subA, { q: 'acme' })).rows.map((r) => r.name)).toEqual(['Acme Alpha Customer']);
    expect((await list(a.subA, subA)).rows.map((r) => r.name)).toEqual(['Acme Alpha Customer']);
    await expect(list(a.subA, parent)).rejects.toBeInstanceOf(NotFoundError);
    await expect(list(a.subA, subB)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('sales administrators', () => {
  it('see only the customers they created; sales full admins all', async () => {
    expect((await list(a.sales, nonWholesale)).rows.map((r) => r.name)).toEqual(['Sold By Sales']);
    expect((await list(a.salesFull, nonWholesale)).total).toBe(2);
  });
});

describe('pagination', () => {
  it('the total equals the distinct rows over all pages, for each filter and sort', async () => {
    const cases: Record<string, string>[] = [
      {},
      { q: 'acme' },
      { status: 'error' },
      { package: 'webex_calling' },
      { sort: 'name' },
      { sort: 'status', dir: 'desc' },
    ];
    for (const sp of cases) {
      const first = await list(a.full, parent, sp);
      const ids = first.rows.map((r) => r.customerId);
      for (let page = 2; page <= Math.ceil(first.total / 25); page++)
        ids.push(...(await list(a.full, parent, { ...sp, page: String(page) })).rows.map((r) => r.customerId));
      expect(ids.length, JSON.stringify(sp)).toBe(first.total);
      expect(new Set(ids).size, JSON.stringify(sp)).toBe(first.total);
    }
  });
});

describe('deep pages (read from the nearer end)', () => {
  it('return exactly the rows of a forward OFFSET, in order, for every sort and direction', async () => {
    const big = await makePartner(db, { name: 'Big Partner' });
    const admin = await makeAdmin(db, big.id, ['partner_full_admin', 'wholesale_admin']);
    // 3,010 customers in SQL; created_at repeats (ties broken by id), statuses vary.
    await db.execute(sql`
      with o as (
        insert into orgs (kind, name, wholesale, country)
        select 'customer', 'Deep ' || lpad(((n * 7919) % 3010)::text, 4, '0'), true, 'US' from generate_series(1, 3010) n
        returning id, name)
      insert into customers (org_id, partner_org_id, external_id, status, admin_email, created_at)
      select o.id, ${big.id}, 'D-' || o.name, (array['provisioned','error','provisioning'])[1 + (abs(hashtext(o.name)) % 3)]::customer_status,
             'x-' || replace(o.name, ' ', '') || '@deep.test', timestamptz '2030-01-01' + (abs(hashtext(o.name)) % 50) * interval '1 hour'
      from o`);
    const expected = async (order: string, offset: number) =>
      (
        await db.execute<{ id: string }>(
          sql.raw(`select id from customers where partner_org_id = '${big.id}' order by ${order} limit 25 offset ${offset}`),
        )
      ).map((r) => r.id);
    const cases: [Record<string, string>, string][] = [
      [{}, 'created_at desc, id desc'],
      [{ sort: 'name' }, 'lower(name) asc, id asc'],
      [{ sort: 'status', dir: 'desc' }, 'status desc, created_at desc, id desc'],
    ];
    for (const [sp, order] of cases) {
      for (const page of [100, 101, 110, 121]) {
        // 121 is the last, partial page (3,010 = 120 × 25 + 10)
        const r = await list(admin, big.id, { ...sp, page: String(page) });
        expect(r.total).toBe(3010);
        expect(
          r.rows.map((x) => x.customerId),
          `${order} page ${page}`,
        ).toEqual(await expected(order, (page - 1) * 25));
      }
      expect((await list(admin, big.id, { ...sp, page: '122' })).rows).toEqual([]);
    }
  });
});

describe('keyset paging (Next / Previous) and the capped total', () => {
  let keyset: { id: string; admin: Actor };
  beforeAll(async () => {
    const org = await makePartner(db, { name: 'Keyset Partner' });
    keyset = { id: org.id, admin: await makeAdmin(db, org.id, ['partner_full_admin', 'wholesale_admin']) };
    // 10,030 customers: more than the count cap; created_at and names repeat (ties broken by id).
    await db.execute(sql`
      with o as (
        insert into orgs (kind, name, wholesale, country)
        select 'customer', 'Key ' || lpad((n % 997)::text, 3, '0'), true, 'US' from generate_series(1, 10030) n
        returning id, name)
      insert into customers (org_id, partner_org_id, external_id, status, admin_email, created_at)
      select o.id, ${org.id}, 'K-' || o.id, (array['provisioned','error','provisioning'])[1 + (abs(hashtext(o.id::text)) % 3)]::customer_status,
             'k-' || o.id || '@keyset.test', timestamptz '2030-01-01' + (abs(hashtext(o.id::text)) % 40) * interval '1 hour'
      from o`);
  });

  it('Next and Previous links give exactly the rows of the numbered pages, for every sort and direction', async () => {
    const expected = async (order: string, offset: number) =>
      (
        await db.execute<{ id: string }>(
          sql.raw(`select id from customers where partner_org_id = '${keyset.id}' order by ${order} limit 25 offset ${offset}`),
        )
      ).map((r) => r.id);
    const cases: [Record<string, string>, string][] = [
      [{}, 'created_at desc, id desc'],
      [{ sort: 'name' }, 'lower(name) asc, id asc'],
      [{ sort: 'name', dir: 'desc' }, 'lower(name) desc, id desc'],
      [{ sort: 'status' }, 'status asc, created_at asc, id asc'],
    ];
    for (const [sp, order] of cases) {
      let r = await list(keyset.admin, keyset.id, sp);
      for (let page = 2; page <= 4; page++) {
        r = await list(keyset.admin, keyset.id, { ...sp, page: String(page), after: r.nextCursor! });
        expect(r.page).toBe(page);
        expect(
          r.rows.map((x) => x.customerId),
          `${order} next → ${page}`,
        ).toEqual(await expected(order, (page - 1) * 25));
      }
      const back = await list(keyset.admin, keyset.id, { ...sp, page: '3', before: r.prevCursor! });
      expect(
        back.rows.map((x) => x.customerId),
        `${order} previous → 3`,
      ).toEqual(await expected(order, 50));
      // Previous from page 2 is page 1, whole, with no Previous of its own.
      const top = await list(keyset.admin, keyset.id, {
        ...sp,
        page: '1',
        before: (await list(keyset.admin, keyset.id, { ...sp, page: '2' })).prevCursor!,
      });
      expect(top.rows.map((x) => x.customerId)).toEqual(await expected(order, 0));
      expect(top.prevCursor).toBeNull();
    }
  });

  it('counts up to 10,000 ("10,000+") and the Last link reads the last page with its number', async () => {
    const first = await list(keyset.admin, keyset.id);
    expect(first).toMatchObject({ total: 10_001, totalCapped: true, lastPage: null });
    const last = await list(keyset.admin, keyset.id, { last: '1' });
    expect(last).toMatchObject({ page: 402, total: 10_030, totalCapped: true, lastPage: null, nextCursor: null });
    expect(last.rows).toHaveLength(5);
    const ids = (
      await db.execute<{ id: string }>(
        sql`select id from customers where partner_org_id = ${keyset.id} order by created_at desc, id desc offset 10025`,
      )
    ).map((r) => r.id);
    expect(last.rows.map((r) => r.customerId)).toEqual(ids);
    // A filter with fewer matches counts exactly.
    expect((await list(keyset.admin, keyset.id, { q: 'key 007' })).totalCapped).toBe(false);
  });

  it('Last counts exactly after status changes and deletions (the total then comes from the trigger-kept summary)', async () => {
    // Pending summary deltas, not folded into the totals yet: 30 customers to error, 7 deleted.
    await db.execute(sql`update customers set status = 'error' where id in (
      select id from customers where partner_org_id = ${keyset.id} order by id limit 30)`);
    await db.execute(sql`delete from customers where id in (
      select id from customers where partner_org_id = ${keyset.id} order by id desc limit 7)`);
    const counted = async (status?: string) =>
      (
        await db.execute<{ n: number }>(
          sql`select count(*)::int as n from customers where partner_org_id = ${keyset.id} ${status ? sql`and status = ${status}` : sql``}`,
        )
      )[0]!.n;
    for (const sp of [
      {},
      { status: 'error' },
      { status: 'provisioned' },
      { status: 'provisioning' },
      { status: 'deprovisioned' },
    ] as Record<string, string>[]) {
      const n = await counted(sp.status);
      const last = await list(keyset.admin, keyset.id, { ...sp, last: '1' });
      expect(last.total, JSON.stringify(sp)).toBe(n);
      expect(last.page).toBe(Math.max(1, Math.ceil(n / 25)));
      expect(last.rows).toHaveLength(n === 0 ? 0 : n % 25 || 25);
      // A deep page number typed in counts the same way.
      if (n > 2_600) expect((await list(keyset.admin, keyset.id, { ...sp, page: '110' })).total).toBe(n);
    }
  });
});
