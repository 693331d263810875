import { describe, expect, it } from 'vitest';
import { zodFieldErrors } from '@/lib/server/guard';
import { createCustomerSchema, type CreateCustomerInput } from '@/lib/customers/customer-schema';
import { parseCustomerListParams, customerListQuery } from '@/lib/customers/customer-list-params';

const valid: CreateCustomerInput = {
  companyName: 'Acme Dental',
  adminEmail: 'it@acme.test',
  adminFirstName: '',
  adminLastName: '',
  templateId: '0b1e0000-0000-4000-8000-000000000001',
  externalId: '',
  language: '',
  packages: ['webex_calling'],
  confirmSupportedLocation: true,
  address: { addressLine1: '1 Main St', addressLine2: '', city: 'Seattle', stateOrProvince: 'WA', postalCode: '98101', country: 'US' },
};
const errors = (input: unknown) => {
  const r = createCustomerSchema.safeParse(input);
  return r.success ? {} : zodFieldErrors(r.error);
};

describe('the create-customer schema (shared by the wizard and the server)', () => {
  it('accepts a valid request, trimming text', () => {
    const r = createCustomerSchema.parse({ ...valid, companyName: '  Acme Dental  ' });
    expect(r.companyName).toBe('Acme Dental');
  });

  it('reports every problem at once, at its field', () => {
    expect(
      Object.keys(
        errors({
          ...valid,
          companyName: 'x'.repeat(256),
          adminEmail: 'nope',
          templateId: '',
          externalId: 'has space',
          language: 'xx_YY',
          packages: [],
          address: { addressLine1: '', addressLine2: 'y'.repeat(51), city: '', stateOrProvince: '', postalCode: '', country: 'ZZ' },
          confirmSupportedLocation: false,
        }),
      ).sort(),
    ).toEqual([
      'address.addressLine1',
      'address.addressLine2',
      'address.city',
      'address.country',
      'address.postalCode',
      'adminEmail',
      'companyName',
      'confirmSupportedLocation',
      'externalId',
      'language',
      'packages',
      'templateId',
    ]);
  });

  it('requires a state/province only where the country has them', () => {
    const noState = { ...valid.address, stateOrProvince: '' };
    expect(errors({ ...valid, address: noState })).toEqual({ 'address.stateOrProvince': ['Enter the state/province.'] });
    expect(errors({ ...valid, address: { ...noState, country: 'FI' } })).toEqual({});
  });

  it('takes a two-letter language (completed per SPEC §7.4) or a locale', () => {
    expect(errors({ ...valid, language: 'fr' })).toEqual({});
    expect(errors({ ...valid, language: 'pt_BR' })).toEqual({});
    expect(errors({ ...valid, language: 'klingon' })).toHaveProperty('language');
  });

  it('refuses a company name with "%", duplicate packages and Common Area Calling alone', () => {
    expect(errors({ ...valid, companyName: '100% Dental' })).toHaveProperty('companyName');
    expect(errors({ ...valid, packages: ['webex_calling', 'webex_calling'] })).toHaveProperty('packages');
    expect(errors({ ...valid, packages: ['common_area_calling'] }).packages?.[0]).toMatch(/Common Area Calling is for workspaces/);
    expect(errors({ ...valid, packages: ['common_area_calling', 'webex_voice'] })).toEqual({});
  });
});

describe('customer list URL params', () => {
  it('fall back to defaults on anything unknown and round-trip through links', () => {
    const p = parseCustomerListParams({ q: ' acme ', status: 'error', package: 'webex_suite', sort: 'name', page: '3', scope: 'indirect' });
    expect(p).toEqual({
      q: 'acme',
      status: 'error',
      package: 'webex_suite',
      sort: 'name',
      dir: 'asc',
      page: 3,
      scope: 'indirect',
      after: null,
      before: null,
      last: false,
    });
    expect(
      parseCustomerListParams({ status: 'nope', sort: 'evil', dir: 'up', page: 'x', after: "1' or 1=1", before: 'x', last: 'yes' }),
    ).toEqual({
      q: '',
      status: null,
      package: null,
      sort: 'created',
      dir: 'desc',
      page: 1,
      scope: 'own',
      after: null,
      before: null,
      last: false,
    });
    // The pager's cursors: a customer id (any case), or the Last link.
    expect(parseCustomerListParams({ page: '4', after: 'BE4C0000-0000-4000-8000-000000000001', last: '1' })).toMatchObject({
      page: 4,
      after: 'be4c0000-0000-4000-8000-000000000001',
      before: null,
      last: true,
    });
    const q = customerListQuery(p);
    expect(
      parseCustomerListParams(Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as Record<string, string>),
    ).toEqual(p);
  });
});
