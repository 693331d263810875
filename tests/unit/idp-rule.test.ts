// Issue 10, item 14: the OIDC IdP name (and SAML entity ID) follow one rule in the
// template wizard and in Organisation settings → SSO — the same verdict and message.
import { describe, expect, it } from 'vitest';
import { updateSsoSchema } from '@/lib/customer-org-settings/org-settings-schemas';
import { templateSchema, type TemplateFormValues } from '@/lib/templates/template-schema';

const template: TemplateFormValues = {
  type: 'webex_wholesale',
  name: 'Standard',
  country: 'US',
  serviceProviderAdminId: '0b1e0000-0000-4000-8000-000000000001',
  subscriptionId: 'Sub-1',
  authMode: 'oidc',
  idpEntityId: '',
  idpName: '',
  pstnProviderId: '',
  allowAdminInviteEmails: false,
  brandName: '',
  disableWebexCalling: false,
  defaultLanguage: 'en_US',
};

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string) =>
  r.success ? [] : r.error!.issues.filter((i) => i.path.join('.') === field).map((i) => i.message);

const names = [
  'Okta-Prod',
  'azure_ad.v2~1',
  '  Trimmed  ',
  'has space',
  'ümlaut',
  'a/b',
  'x'.repeat(128),
  'x'.repeat(129),
  '',
  'evil<script>',
];

describe('the OIDC IdP name rule is one rule', () => {
  it.each(names)('%j gets the same verdict and message from the template and the org SSO form', (name) => {
    const fromTemplate = messages(templateSchema.safeParse({ ...template, idpName: name }), 'idpName');
    const fromSso = messages(updateSsoSchema.safeParse({ mode: 'oidc', idpName: name }), 'idpName');
    expect(fromSso).toEqual(fromTemplate);
  });

  it('the org SSO form refuses what the template refuses (spaces, other characters, over 128) and accepts the rest', () => {
    expect(updateSsoSchema.safeParse({ mode: 'oidc', idpName: 'Okta-Prod' }).success).toBe(true);
    expect(messages(updateSsoSchema.safeParse({ mode: 'oidc', idpName: 'has space' }), 'idpName')).toEqual([
      'Use only letters, digits and - _ . ~ (no spaces).',
    ]);
    expect(messages(updateSsoSchema.safeParse({ mode: 'oidc', idpName: 'x'.repeat(129) }), 'idpName')).toEqual([
      'Use at most 128 characters.',
    ]);
    expect(messages(updateSsoSchema.safeParse({ mode: 'oidc', idpName: '  ' }), 'idpName')).toEqual(['Enter the IdP name.']);
  });

  it.each(['urn:example:idp', '', 'e'.repeat(1024), 'e'.repeat(1025)])('SAML entity ID %# gets the same verdict from both', (entityId) => {
    const fromTemplate = messages(templateSchema.safeParse({ ...template, authMode: 'saml', idpEntityId: entityId }), 'idpEntityId');
    const fromSso = messages(updateSsoSchema.safeParse({ mode: 'saml', idpEntityId: entityId }), 'idpEntityId');
    expect(fromSso).toEqual(fromTemplate);
  });
});
