// Addresses as written in their country (issue 17): the one formatter every page uses.
import { describe, expect, it } from 'vitest';
import { addressLines, addressOneLine } from '@/lib/domain/address-format';

const base = { addressLine1: '1 Pike St', addressLine2: '', stateOrProvince: '' };

describe('address formatting per country', () => {
  it('United States: "Seattle, WA 98101"', () => {
    expect(addressLines({ ...base, city: 'Seattle', stateOrProvince: 'WA', postalCode: '98101', country: 'US' })).toEqual([
      '1 Pike St',
      'Seattle, WA 98101',
      'United States',
    ]);
  });
  it('Canada and Australia: the state after the city', () => {
    expect(addressLines({ ...base, city: 'Toronto', stateOrProvince: 'ON', postalCode: 'M5V 2T6', country: 'CA' })[1]).toBe(
      'Toronto, ON M5V 2T6',
    );
    expect(addressLines({ ...base, city: 'Sydney', stateOrProvince: 'NSW', postalCode: '2000', country: 'AU' })[1]).toBe('Sydney NSW 2000');
  });
  it('Finland, Poland, Germany, France: the postcode before the city', () => {
    for (const [country, postalCode, city, name] of [
      ['FI', '00100', 'Helsinki', 'Finland'],
      ['PL', '00-001', 'Warszawa', 'Poland'],
      ['DE', '10115', 'Berlin', 'Germany'],
      ['FR', '75001', 'Paris', 'France'],
    ] as const) {
      expect(addressLines({ ...base, addressLine1: 'Katu 1', city, postalCode, country })).toEqual([
        'Katu 1',
        `${postalCode} ${city}`,
        name,
      ]);
    }
  });
  it('United Kingdom: the postcode on its own line', () => {
    expect(addressLines({ ...base, addressLine1: '10 Downing St', city: 'London', postalCode: 'SW1A 2AA', country: 'GB' })).toEqual([
      '10 Downing St',
      'London',
      'SW1A 2AA',
      'United Kingdom',
    ]);
  });
  it('keeps the second line, drops empty parts, trims, and falls back to the code for an unknown country', () => {
    expect(
      addressLines({
        addressLine1: ' 1 Pike St ',
        addressLine2: 'Suite 200',
        city: 'Seattle ',
        stateOrProvince: null,
        postalCode: '98101',
        country: 'US',
      }),
    ).toEqual(['1 Pike St', 'Suite 200', 'Seattle, 98101', 'United States']);
    expect(addressLines({ ...base, city: 'Zürich', postalCode: '8001', country: 'CH' })).toEqual(['1 Pike St', '8001 Zürich', 'CH']);
  });
  it('one line for lists', () => {
    expect(addressOneLine({ ...base, city: 'Seattle', stateOrProvince: 'WA', postalCode: '98101', country: 'US' })).toBe(
      '1 Pike St, Seattle, WA 98101, United States',
    );
  });
});
