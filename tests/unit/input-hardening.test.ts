// Issue 10 items 11, 12, 14: lookups keyed by user input are own-key only, dates must be
// real calendar dates, e-mails are capped at 254 characters — each with a clear field error.
import { describe, expect, it } from 'vitest';
import { countryOf, dialInCode, isCountry } from '@/lib/domain/countries';
import { localeLabel } from '@/lib/domain/locale-names';
import { createSubPartnerSchema } from '@/lib/sub-partners/sub-partner-schema';
import { addressSchema } from '@/lib/customers/customer-schema';

const subPartner = (over: Record<string, unknown>) =>
  createSubPartnerSchema.safeParse({
    name: 'Reseller',
    adminEmail: 'a@reseller.test',
    adminFirstName: 'A',
    adminLastName: 'B',
    subscriptionId: 'Sub-1',
    billingStartDate: '',
    ...over,
  });
const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string) =>
  (r.error?.issues ?? []).filter((i) => i.path.join('.') === field).map((i) => i.message);

describe('lookup tables keyed by user input', () => {
  it('__proto__, toString and constructor are not countries', () => {
    for (const code of ['__proto__', 'toString', 'constructor', 'hasOwnProperty']) {
      expect(isCountry(code)).toBe(false);
      expect(countryOf(code)).toBeUndefined();
    }
    expect(countryOf('US')?.hasStates).toBe(true);
    expect(dialInCode('__proto__')).toBe('+1');
  });

  it('the address schema refuses __proto__ as a country with a field error', () => {
    const r = addressSchema.safeParse({
      addressLine1: '1 Main',
      addressLine2: '',
      city: 'X',
      stateOrProvince: '',
      postalCode: '1',
      country: '__proto__',
    });
    expect(r.success).toBe(false);
    expect(messages(r, 'country')).toEqual(['Choose the country.']);
  });

  it('a locale label for an inherited key is the raw value', () => {
    expect(localeLabel('toString')).toBe('toString');
  });
});

describe('dates and e-mail length', () => {
  it('refuses impossible billing start dates and keeps real ones', () => {
    for (const d of ['2026-99-99', '2026-02-30', '0000-00-01', '2026-13-01']) {
      expect(messages(subPartner({ billingStartDate: d }), 'billingStartDate')).toEqual(['Enter a real date as YYYY-MM-DD.']);
    }
    expect(subPartner({ billingStartDate: '2028-02-29' }).success).toBe(true);
  });

  it('caps the sub-partner administrator e-mail at 254 characters', () => {
    const long = `${'a'.repeat(250)}@reseller.test`;
    expect(messages(subPartner({ adminEmail: long }), 'adminEmail')).toContain('Use at most 254 characters.');
  });
});
