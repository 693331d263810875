// The one template schema (SPEC §3) shared by the wizard and the server actions.
import { describe, expect, it } from 'vitest';
import { templateSchema, updateTemplateSchema, type TemplateFormValues } from '@/lib/templates/template-schema';

const valid: TemplateFormValues = {
  type: 'webex_wholesale',
  name: 'Standard',
  country: 'US',
  serviceProviderAdminId: '0b1e0000-0000-4000-8000-000000000001',
  subscriptionId: 'Sub-1',
  authMode: 'webex',
  idpEntityId: '',
  idpName: '',
  pstnProviderId: '',
  allowAdminInviteEmails: false,
  brandName: '',
  disableWebexCalling: false,
  defaultLanguage: 'en_US',
};

const errorsOf = (input: unknown) => {
  const r = templateSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('templateSchema', () => {
  it('normalises: trims, turns empty optional values into null, defaults the toggles and language', () => {
    const { allowAdminInviteEmails: _a, disableWebexCalling: _d, defaultLanguage: _l, ...minimal } = valid;
    expect(templateSchema.parse({ ...minimal, name: '  Standard  ', brandName: '  Brand ' })).toEqual({
      ...valid,
      name: 'Standard',
      brandName: 'Brand',
      idpEntityId: null,
      idpName: null,
      pstnProviderId: null,
      allowAdminInviteEmails: false,
      disableWebexCalling: false,
      defaultLanguage: 'en_US',
    });
  });

  it('its output is valid input again (the wizard sends parsed values; the server parses them again)', () => {
    const once = templateSchema.parse({ ...valid, authMode: 'oidc', idpName: 'Idp-1' });
    expect(templateSchema.parse(once)).toEqual(once);
  });

  it('requires name, country, administrator, subscription and a template type', () => {
    expect(errorsOf({ ...valid, name: '   ', country: '', serviceProviderAdminId: '', subscriptionId: '', type: undefined })).toEqual({
      name: 'Enter a template name.',
      country: 'Choose a country or region.',
      serviceProviderAdminId: 'Choose a service provider administrator.',
      subscriptionId: 'Choose a wholesale subscription.',
      type: 'Choose a template type.',
    });
  });

  it('limits the name to 80 characters after trimming', () => {
    expect(errorsOf({ ...valid, name: ` ${'x'.repeat(80)} ` })).toEqual({});
    expect(errorsOf({ ...valid, name: 'x'.repeat(81) })).toEqual({ name: 'Use at most 80 characters.' });
  });

  it('SAML needs the IdP entity ID; OpenID Connect the IdP name', () => {
    expect(errorsOf({ ...valid, authMode: 'saml' })).toEqual({ idpEntityId: 'Enter the IdP entity ID.' });
    expect(errorsOf({ ...valid, authMode: 'oidc' })).toEqual({ idpName: 'Enter the IdP name.' });
  });

  it('the IdP name takes letters, digits and - _ . ~ only, at most 128, case kept', () => {
    for (const ok of ['Az09-_.~', 'a'.repeat(128), 'MyIdP']) {
      expect(templateSchema.parse({ ...valid, authMode: 'oidc', idpName: ok }).idpName).toBe(ok);
    }
    for (const bad of ['with space', 'slash/', 'ümlaut', 'a'.repeat(129), 'semi;colon']) {
      expect(errorsOf({ ...valid, authMode: 'oidc', idpName: bad })).toHaveProperty('idpName');
    }
  });

  it('keeps only the IdP value of the chosen mode; a left-over invalid one does not block', () => {
    const parsed = templateSchema.parse({ ...valid, authMode: 'saml', idpEntityId: 'urn:x', idpName: 'not valid!' });
    expect(parsed).toMatchObject({ idpEntityId: 'urn:x', idpName: null });
    expect(templateSchema.parse({ ...valid, idpEntityId: 'urn:x' }).idpEntityId).toBeNull();
  });

  it('accepts only supported countries and locales', () => {
    expect(errorsOf({ ...valid, country: 'XX' })).toHaveProperty('country');
    expect(errorsOf({ ...valid, defaultLanguage: 'en' })).toHaveProperty('defaultLanguage');
    expect(errorsOf({ ...valid, country: 'FI', defaultLanguage: 'sv_SE' })).toEqual({});
  });

  it('the update schema is the same plus the template id', () => {
    expect(updateTemplateSchema.safeParse(valid).success).toBe(false);
    expect(
      updateTemplateSchema.parse({ ...valid, templateId: '0b1e0000-0000-4000-8000-000000000009', authMode: 'oidc', idpName: 'x' }),
    ).toMatchObject({ templateId: '0b1e0000-0000-4000-8000-000000000009', idpName: 'x' });
    expect(
      updateTemplateSchema
        .safeParse({ ...valid, templateId: 'x', authMode: 'saml' })
        .error?.issues.map((i) => i.path.join('.'))
        .sort(),
    ).toEqual(['idpEntityId', 'templateId']);
  });
});
