// Pure billing rules: the CSV format, the shared create schema's date window, calendar
// helpers and the signed download link.
import { describe, expect, it } from 'vitest';
import { chartPeriod } from '@/lib/billing/chart-period';
import { checkDownloadLink, downloadLinkKey, signDownloadUrl } from '@/lib/billing/download-link';
import { addYears, daysInPeriod, isIsoDate, periodBounds } from '@/lib/billing/report-dates';
import { catalogFields, csvField, csvLine, partnerFields, REPORT_COLUMNS } from '@/lib/billing/report-csv';
import { createReportSchema, listReportsSchema } from '@/lib/billing/report-schema';
import { parseCsv } from '../integration/support/csv';

describe('CSV (RFC 4180)', () => {
  it('quotes only fields with a quote, comma or line break, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField('Zürich Café')).toBe('Zürich Café');
  });

  it('ends lines with CRLF', () => {
    expect(csvLine(['a', 'b,c', null])).toBe('a,"b,c",\r\n');
  });

  it('has exactly the SPEC columns per type, in order', () => {
    expect(REPORT_COLUMNS.PARTNER.join(',')).toBe(
      'PARTNER_NAME,PARTNER_ORG_ID,SUBSCRIPTION_ID,SERVICE_NAME,SKU,DESCRIPTION,CONSUMPTION_START_DATE,CONSUMPTION_END_DATE,QUANTITY',
    );
    expect(REPORT_COLUMNS.CUSTOMER.slice(9)).toEqual(['CUSTOMER_ORG_ID', 'CUSTOMER_EXTERNAL_ID', 'LOCATION_ID']);
    expect(REPORT_COLUMNS.USER.slice(12)).toEqual(['SUBSCRIBER_ID', 'USER_ID', 'WORKSPACE_ID']);
  });

  it('the per-report and per-package fields are pre-quoted CSV', () => {
    expect(partnerFields({ name: 'Northwind "NW", Inc.', orgId: 'p-1' })).toBe('"Northwind ""NW"", Inc.",p-1');
    expect(catalogFields('webex_calling')).toBe('WEBEX_CALLING,WX-CALL-M,"Advanced calling, app, messaging and basic meetings"');
    expect(parseCsv(`${catalogFields('cx_essentials')}\r\n`)[0]).toEqual([
      'CX_ESSENTIALS',
      'WX-CXE-M',
      'Calling plus contact-centre basics',
    ]);
  });
});

describe('report period rules (the schema the form and the server share)', () => {
  const schema = createReportSchema('2026-04-15');
  const errors = (input: object) => {
    const r = schema.safeParse(input);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
  };
  it('accepts yesterday, a one-day period and exactly five years back; defaults to PARTNER', () => {
    expect(schema.parse({ billingStartDate: '2026-04-14', billingEndDate: '2026-04-14' }).type).toBe('PARTNER');
    expect(errors({ billingStartDate: '2021-04-15', billingEndDate: '2021-04-15' })).toEqual({});
  });
  it('refuses start after end, today, tomorrow, older than five years, impossible dates', () => {
    expect(errors({ billingStartDate: '2026-03-02', billingEndDate: '2026-03-01' })).toHaveProperty('billingEndDate');
    expect(errors({ billingStartDate: '2026-04-01', billingEndDate: '2026-04-15' })).toHaveProperty('billingEndDate');
    expect(errors({ billingStartDate: '2026-04-16', billingEndDate: '2026-04-16' })).toMatchObject({
      billingStartDate: expect.any(String),
      billingEndDate: expect.any(String),
    });
    expect(errors({ billingStartDate: '2021-04-14', billingEndDate: '2021-04-20' })).toHaveProperty('billingStartDate');
    expect(errors({ billingStartDate: '2026-02-29', billingEndDate: '2026-03-01' })).toHaveProperty('billingStartDate');
  });
  it('an empty indirect provider means none', () => {
    expect(
      schema.parse({ billingStartDate: '2026-03-01', billingEndDate: '2026-03-02', subPartnerOrgId: '' }).subPartnerOrgId,
    ).toBeUndefined();
  });
  it('list paging: max defaults to 100 and never exceeds it', () => {
    expect(listReportsSchema.parse({})).toMatchObject({ offset: 0, max: 100 });
    expect(listReportsSchema.safeParse({ max: '101' }).success).toBe(false);
    expect(listReportsSchema.safeParse({ sortBy: 'created' }).success).toBe(false);
  });
});

describe('calendar helpers (UTC)', () => {
  it('knows real dates, leap days and inclusive periods', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-3-1')).toBe(false);
    expect(addYears('2028-02-29', -5)).toBe('2023-02-28');
    expect(daysInPeriod('2026-03-01', '2026-03-31')).toBe(31);
    // A period spanning the EU/US DST change is still whole UTC days.
    const { from, to } = periodBounds('2026-03-01', '2026-03-31');
    expect([from.toISOString(), to.toISOString()]).toEqual(['2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z']);
  });
});

describe('download links', () => {
  const key = downloadLinkKey('a-secret-of-at-least-thirty-two-characters');
  const id = '0b1e0000-0000-4000-8000-000000000001';
  const now = new Date('2026-04-15T10:00:00Z');
  const params = (url: string) => new URL(url, 'http://x').searchParams;

  it('is valid until 30 minutes after signing, then expired', () => {
    const { url, expiresAt } = signDownloadUrl(id, now, key, undefined);
    expect(url.startsWith(`/api/billing/reports/${id}/download?`)).toBe(true);
    expect(expiresAt.toISOString()).toBe('2026-04-15T10:30:00.000Z');
    expect(checkDownloadLink(id, params(url), new Date('2026-04-15T10:29:59Z'), key)).toBe('valid');
    expect(checkDownloadLink(id, params(url), new Date('2026-04-15T10:30:00Z'), key)).toBe('expired');
  });
  it('is absolute under APP_URL', () => {
    expect(
      signDownloadUrl(id, now, key, 'https://hub.example.com').url.startsWith(
        `https://hub.example.com/api/billing/reports/${id}/download?`,
      ),
    ).toBe(true);
  });
  it('refuses another key, another report, a moved expiry or garbage', () => {
    const { url } = signDownloadUrl(id, now, key, undefined);
    expect(checkDownloadLink(id, params(url), now, downloadLinkKey('another-secret-of-at-least-thirty-two-chars'))).toBe('invalid');
    expect(checkDownloadLink('0b1e0000-0000-4000-8000-000000000002', params(url), now, key)).toBe('invalid');
    const moved = params(url);
    moved.set('expires', String(Number(moved.get('expires')) + 60));
    expect(checkDownloadLink(id, moved, now, key)).toBe('invalid');
    expect(checkDownloadLink(id, new URLSearchParams('expires=abc&signature=x'), now, key)).toBe('invalid');
  });
});

describe('usage chart period', () => {
  it('defaults to the 30 days before today and falls back on bad input with a note', () => {
    expect(chartPeriod({ start: '', end: '' }, '2026-04-15')).toEqual({ start: '2026-03-16', end: '2026-04-14', note: null });
    expect(chartPeriod({ start: '2026-01-01', end: '2026-03-31' }, '2026-04-15')).toEqual({
      start: '2026-01-01',
      end: '2026-03-31',
      note: null,
    });
    for (const bad of [
      { start: '2026-03-02', end: '2026-03-01' },
      { start: '2026-04-01', end: '2026-04-15' },
      { start: '2024-01-01', end: '2026-01-01' },
      { start: 'x', end: '2026-01-01' },
    ]) {
      expect(chartPeriod(bad, '2026-04-15')).toMatchObject({
        start: '2026-03-16',
        end: '2026-04-14',
        note: expect.stringMatching(/instead/),
      });
    }
  });
});
