// Report generation on a real pg-boss, the CSV it stores, the signed download link and
// the streamed download (SPEC §7.2).
import { gunzipSync } from 'node:zlib';
import { asc, eq } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billingReportChunks, billingReports, customers as customersTable, subPartnerSubscriptions, subscriptions } from '@/db/schema';
import { senderFor, startBoss } from '@/lib/platform/boss';
import { generateReport } from '@/jobs/handlers/generate-report';
import { registerWorkers } from '@/jobs/worker';
import type { Actor } from '@/lib/auth/access';
import { downloadLinkKey, signDownloadUrl } from '@/lib/billing/download-link';
import { reportDownloadResponse } from '@/lib/billing/report-download-response';
import { fixedClock } from '@/lib/platform/clock';
import { freshDb } from './support/test-db';
import { makeAdmin, makeCustomer, makePartner, makeSubPartner } from './support/fixtures';
import { addSubscriber } from './support/billing';
import { reportCaller } from './support/billing-ops';
import { parseCsv } from './support/csv';
import { oneRow } from '@/db/one-row';
import { at } from '@/tests/support/rows';

const db = await freshDb();
const clock = fixedClock('2026-04-15T10:00:00Z');
const key = downloadLinkKey('test-secret-test-secret-test-secret-0123');
let boss: PgBoss;
let call: ReturnType<typeof reportCaller>;
let parent: { id: string; name: string };
let sub: { id: string; name: string };
let admin: Actor;
let subscriptionId: string;
let customers: Record<'quoted' | 'plain' | 'ofSub', { orgId: string; externalId: string }>;

beforeAll(async () => {
  process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
  boss = await startBoss(db.url);
  await registerWorkers(boss, db, clock);
  call = reportCaller({ db, clock, jobs: senderFor(boss) });
  parent = await makePartner(db, { name: 'Northwind "Tést", Inc.' });
  [{ id: subscriptionId }] = await db.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.partnerOrgId, parent.id));
  sub = await makeSubPartner(db, parent.id, 'Fabrikam Test');
  await db.insert(subPartnerSubscriptions).values({ subPartnerOrgId: sub.id, subscriptionId });
  admin = await makeAdmin(db, parent.id, ['partner_full_admin', 'wholesale_admin']);
  const quoted = await makeCustomer(db, parent.id);
  const plain = await makeCustomer(db, parent.id);
  const ofSub = await makeCustomer(db, sub.id);
  await addSubscriber(db, quoted, [{ pkg: 'webex_suite', start: '2026-02-01T00:00:00Z' }]);
  await addSubscriber(db, quoted, [{ pkg: 'webex_suite', start: '2026-03-01T12:00:00Z', end: '2026-03-11T12:00:00Z' }]);
  await addSubscriber(db, plain, [{ pkg: 'webex_calling', start: '2026-03-10T06:00:00Z' }]);
  await addSubscriber(db, plain, [{ pkg: 'common_area_calling', start: '2026-01-01T00:00:00Z' }], { workspace: true });
  await addSubscriber(db, ofSub, [{ pkg: 'webex_meetings', start: '2026-01-01T00:00:00Z' }]);
  // An external ID needing every RFC 4180 rule: the SQL-built lines must quote it.
  await db.update(customersTable).set({ externalId: 'Ext "7",\r\nWest' }).where(eq(customersTable.id, plain.customer.id));
  customers = {
    quoted: { orgId: quoted.org.id, externalId: quoted.customer.externalId },
    plain: { orgId: plain.org.id, externalId: 'Ext "7",\r\nWest' },
    ofSub: { orgId: ofSub.org.id, externalId: ofSub.customer.externalId },
  };
});

afterAll(async () => {
  await boss.stop({ graceful: false, timeout: 2_000 });
});

async function waitForStatus(id: string, ms = 20_000) {
  const until = Date.now() + ms;
  for (;;) {
    const [r] = await db.select({ status: billingReports.status }).from(billingReports).where(eq(billingReports.id, id));
    if (r?.status !== 'IN_PROGRESS' || Date.now() > until) return r?.status;
    await new Promise((res) => setTimeout(res, 150));
  }
}

const download = (id: string, url: string) => reportDownloadResponse({ db, clock }, id, new URL(url, 'http://x').searchParams, key);

/** Signs with the test key (the service signs with AUTH_SECRET's): the link shape is the same. */
const linkFor = async (id: string) => signDownloadUrl(id, clock.now(), key, undefined).url;

describe('the job on a real pg-boss', () => {
  it('completes a CUSTOMER report whose CSV has the SPEC columns and hand-computed quantities', async () => {
    const r = await call('create', admin, parent.id, { billingStartDate: '2026-03-01', billingEndDate: '2026-03-31', type: 'CUSTOMER' });
    expect(await waitForStatus(r.id)).toBe('COMPLETED');
    const res = await download(r.id, await linkFor(r.id));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="billing-report-customer-2026-03-01-to-2026-03-31.csv"');
    const text = await res.text();
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]).toBe(
      'PARTNER_NAME,PARTNER_ORG_ID,SUBSCRIPTION_ID,SERVICE_NAME,SKU,DESCRIPTION,CONSUMPTION_START_DATE,CONSUMPTION_END_DATE,QUANTITY,CUSTOMER_ORG_ID,CUSTOMER_EXTERNAL_ID,LOCATION_ID',
    );
    const [, ...rows] = parseCsv(text);
    // The partner name needs RFC 4180 quoting.
    expect(text.split('\r\n')[1].startsWith('"Northwind ""Tést"", Inc.",')).toBe(true);
    const byKey = Object.fromEntries(rows.map((row) => [`${row[9]}|${row[3]}`, row]));
    expect(rows).toHaveLength(3);
    expect(byKey[`${customers.quoted.orgId}|WEBEX_SUITE`].slice(0, 9)).toEqual([
      parent.name,
      parent.id,
      subscriptionId,
      'WEBEX_SUITE',
      'WX-SUITE-M',
      'Calling plus meetings up to 1000 participants',
      '2026-03-01',
      '2026-03-31',
      '41',
    ]);
    expect(byKey[`${customers.plain.orgId}|WEBEX_CALLING`].slice(6, 9)).toEqual(['2026-03-10', '2026-03-31', '21.75']);
    expect(byKey[`${customers.plain.orgId}|COMMON_AREA_CALLING`][8]).toBe('31');
    expect(byKey[`${customers.plain.orgId}|WEBEX_CALLING`][10]).toBe(customers.plain.externalId);
    const [stored] = await db.select().from(billingReports).where(eq(billingReports.id, r.id));
    expect(stored).toMatchObject({ rowCount: 3, chunkCount: 1, byteSize: Buffer.byteLength(text) });
  });

  it('a parent’s report for one indirect provider holds only that provider’s customers, under its name', async () => {
    const r = await call('create', admin, parent.id, {
      billingStartDate: '2026-03-01',
      billingEndDate: '2026-03-31',
      type: 'USER',
      subPartnerOrgId: sub.id,
    });
    expect(await waitForStatus(r.id)).toBe('COMPLETED');
    const [header, ...rows] = parseCsv(await (await download(r.id, await linkFor(r.id))).text());
    expect(header).toEqual([
      'PARTNER_NAME',
      'PARTNER_ORG_ID',
      'SUBSCRIPTION_ID',
      'SERVICE_NAME',
      'SKU',
      'DESCRIPTION',
      'CONSUMPTION_START_DATE',
      'CONSUMPTION_END_DATE',
      'QUANTITY',
      'CUSTOMER_ORG_ID',
      'CUSTOMER_EXTERNAL_ID',
      'LOCATION_ID',
      'SUBSCRIBER_ID',
      'USER_ID',
      'WORKSPACE_ID',
    ]);
    expect(rows).toHaveLength(1);
    expect(at(rows, 0).slice(0, 4)).toEqual([sub.name, sub.id, subscriptionId, 'WEBEX_MEETINGS']);
    expect(at(rows, 0)[8]).toBe('31');
    expect(at(rows, 0)[9]).toBe(customers.ofSub.orgId);
  });

  it('a PARTNER report sums every customer per package', async () => {
    const r = await call('create', admin, parent.id, { billingStartDate: '2026-03-01', billingEndDate: '2026-03-31' });
    expect(await waitForStatus(r.id)).toBe('COMPLETED');
    const [header, ...rows] = parseCsv(await (await download(r.id, await linkFor(r.id))).text());
    expect(header).toHaveLength(9);
    // suite: 31 + 10 (noon to noon), calling 21.75, the workspace 31.
    expect(rows.map((row) => [row[3], row[8]])).toEqual([
      ['COMMON_AREA_CALLING', '31'],
      ['WEBEX_CALLING', '21.75'],
      ['WEBEX_SUITE', '41'],
    ]);
  });
});

describe('the generator itself', () => {
  async function inProgressReport(period: { start: string; end: string }, type: 'PARTNER' | 'CUSTOMER' | 'USER' = 'USER') {
    const r = await oneRow(
      db.insert(billingReports).values({ orgId: parent.id, type, billingStartDate: period.start, billingEndDate: period.end }).returning(),
      'r',
    );
    return r.id;
  }
  const chunks = async (id: string) =>
    db.select().from(billingReportChunks).where(eq(billingReportChunks.reportId, id)).orderBy(asc(billingReportChunks.seq));

  it('is idempotent: a second run skips, two at once complete it once', async () => {
    const id = await inProgressReport({ start: '2026-02-01', end: '2026-02-28' });
    const outcomes = await Promise.all([generateReport(db, id, { clock }), generateReport(db, id, { clock })]);
    expect(outcomes.sort()).toEqual(['completed', 'skipped']);
    expect(await generateReport(db, id, { clock })).toBe('skipped');
  });

  it('a rerun after an interrupted one replaces the stored chunks', async () => {
    const id = await inProgressReport({ start: '2026-01-01', end: '2026-01-31' });
    await db.insert(billingReportChunks).values({ reportId: id, seq: 7, data: Buffer.from('left over') });
    expect(await generateReport(db, id, { clock })).toBe('completed');
    expect((await chunks(id)).map((c) => c.seq)).toEqual([0]);
  });

  it('a report larger than one chunk is stored in gzip pieces and downloads as their decompressed concatenation, chunk by chunk', async () => {
    const id = await inProgressReport({ start: '2026-03-01', end: '2026-03-31' });
    expect(await generateReport(db, id, { clock, chunkBytes: 100 })).toBe('completed');
    const stored = await chunks(id);
    expect(stored.length).toBeGreaterThan(3);
    // Each chunk is a gzip member of its own holding exactly 100 bytes of CSV (the last one the rest).
    const plain = stored.map((c) => gunzipSync(c.data));
    expect(stored.every((c) => c.data[0] === 0x1f && c.data[1] === 0x8b)).toBe(true);
    expect(plain.slice(0, -1).every((p) => p.length === 100)).toBe(true);
    const whole = Buffer.concat(plain);
    const [row] = await db.select().from(billingReports).where(eq(billingReports.id, id));
    expect(row).toMatchObject({ chunkEncoding: 'gzip', byteSize: whole.length, chunkCount: stored.length });
    const res = await download(id, await linkFor(id));
    expect(res.headers.get('content-length')).toBe(String(whole.length));
    expect(res.headers.get('content-encoding')).toBeNull();
    const reader = res.body!.getReader();
    const pieces: Uint8Array[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) pieces.push(r.value);
    expect(pieces.length).toBe(stored.length);
    expect(pieces.every((p) => p.length <= 100)).toBe(true);
    expect(Buffer.concat(pieces).equals(whole)).toBe(true);
    // Chunk boundaries fall mid-row and even mid-character; the bytes reassemble exactly.
    expect(parseCsv(whole.toString('utf8'))).toHaveLength(1 + 4);
  });

  it('COPY and the cursor produce the same CSV, and a plain (pre-compression) report still downloads', async () => {
    const viaCopy = await inProgressReport({ start: '2026-03-05', end: '2026-03-25' });
    expect(await generateReport(db, viaCopy, { clock, chunkBytes: 64 })).toBe('completed');
    const copied = await (await download(viaCopy, await linkFor(viaCopy))).text();
    await db.delete(billingReports).where(eq(billingReports.id, viaCopy));
    const viaCursor = await inProgressReport({ start: '2026-03-05', end: '2026-03-25' });
    expect(await generateReport(db, viaCursor, { clock, chunkBytes: 64, source: 'cursor', cursorRows: 1, encoding: 'identity' })).toBe(
      'completed',
    );
    const row = await oneRow(db.select().from(billingReports).where(eq(billingReports.id, viaCursor)), 'row');
    expect(row.chunkEncoding).toBe('identity');
    const cursored = await (await download(viaCursor, await linkFor(viaCursor))).text();
    expect(copied).toBe(cursored);
    // The quoted external ID (CR LF, quotes, comma) came through COPY byte for byte.
    expect(copied).toContain('"Ext ""7"",\r\nWest"');
    expect(parseCsv(copied)).toHaveLength(1 + 4);
  });

  it('a failure marks the report FAILED with an error and stores nothing', async () => {
    const id = await inProgressReport({ start: '2025-11-01', end: '2025-11-30' });
    const log = console.error;
    console.error = () => {};
    try {
      expect(await generateReport(db, id, { clock, chunkBytes: 0 })).toBe('failed');
    } finally {
      console.error = log;
    }
    const r = await oneRow(db.select().from(billingReports).where(eq(billingReports.id, id)), 'r');
    expect(r.status).toBe('FAILED');
    expect(at(r.errors, 0).description).toMatch(/could not be generated/);
    expect(await chunks(id)).toHaveLength(0);
    expect(await generateReport(db, id, { clock })).toBe('skipped');
  });

  it('a report deleted while it is generated is dropped quietly', async () => {
    const id = await inProgressReport({ start: '2025-12-01', end: '2025-12-31' });
    await db.delete(billingReports).where(eq(billingReports.id, id));
    expect(await generateReport(db, id, { clock })).toBe('skipped');
  });
});

describe('the temporary download link', () => {
  it('works for 30 minutes from the get: at 29 minutes yes, at 31 no; delete revokes it at once', async () => {
    const t0 = clock.now();
    const r = await call('create', admin, parent.id, { billingStartDate: '2026-03-02', billingEndDate: '2026-03-02', type: 'CUSTOMER' });
    expect(await waitForStatus(r.id)).toBe('COMPLETED');
    const { tempDownloadURL } = await call('get', admin, parent.id, { reportId: r.id });
    const url = tempDownloadURL!;
    const realKey = downloadLinkKey();
    const get = () => reportDownloadResponse({ db, clock }, r.id, new URL(url, 'http://x').searchParams, realKey);
    clock.set(new Date(t0.getTime() + 29 * 60_000));
    expect((await get()).status).toBe(200);
    clock.set(new Date(t0.getTime() + 31 * 60_000));
    const expired = await get();
    expect(expired.status).toBe(403);
    expect((await expired.json()).message).toMatch(/expired/);
    clock.set(t0);
    // A fresh get gives a fresh link; a tampered one is refused.
    const tampered = new URL(url, 'http://x');
    tampered.searchParams.set('expires', String(Number(tampered.searchParams.get('expires')) + 3600));
    expect((await reportDownloadResponse({ db, clock }, r.id, tampered.searchParams, realKey)).status).toBe(403);
    expect((await reportDownloadResponse({ db, clock }, r.id, new URLSearchParams(), realKey)).status).toBe(403);
    // Another report's signature doesn't open this one.
    const other = await call('create', admin, parent.id, {
      billingStartDate: '2026-03-03',
      billingEndDate: '2026-03-03',
      type: 'CUSTOMER',
    });
    expect((await reportDownloadResponse({ db, clock }, other.id, new URL(url, 'http://x').searchParams, realKey)).status).toBe(403);
    expect((await get()).status).toBe(200);
    await call('delete', admin, parent.id, { reportId: r.id });
    const gone = await get();
    expect(gone.status).toBe(404);
    const body = await gone.json();
    expect(body).toMatchObject({ message: expect.stringMatching(/not found/i), errors: [{ errorCode: 10404 }] });
    expect(body.trackingId).toMatch(/^PH_/);
    expect(await db.select().from(billingReportChunks).where(eq(billingReportChunks.reportId, r.id))).toHaveLength(0);
  });
});
