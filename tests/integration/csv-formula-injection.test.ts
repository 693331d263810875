// SPEC §10 / issue 10 item 13: a stored value that a spreadsheet would run as a formula
// comes out of every CSV the product writes prefixed with ' — in JS and in the SQL that
// builds report lines — while ordinary values, numbers and dates are untouched.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { csvField } from '@/lib/billing/report-csv';
import { csvText } from '@/lib/billing/usage-csv-sql';
import { freshDb } from './support/test-db';

const db = await freshDb();
const EVIL = '=HYPERLINK("http://evil.test","x")';
const sqlCell = async (v: string) => {
  const rows = await db.execute<{ v: string }>(sql`select ${csvText(sql`${v}::text`)} as v`);
  return rows[0]!.v;
};

describe('CSV formula neutralisation', () => {
  it('prefixes =, +, -, @, tab and CR cells with a quote, in JS and in SQL alike', async () => {
    expect(csvField(EVIL)).toBe(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
    expect(await sqlCell(EVIL)).toBe(csvField(EVIL));
    for (const v of ['+1', '-2', '@SUM(A1)', '\tx', '\rx']) {
      expect(await sqlCell(v)).toBe(csvField(v));
      expect(csvField(v).replace(/^"/, '').startsWith(`'`)).toBe(true);
    }
  });

  it('leaves ordinary values alone', async () => {
    for (const v of ['ACME-0042', '2026-11-30', '12.5', 'a,b', '0', 'Sub-104221']) {
      expect(await sqlCell(v)).toBe(csvField(v));
      expect(csvField(v).startsWith(`'`)).toBe(false);
    }
  });
});
