'use client';
import { HydratedForm } from '@/components/ui/hydrated-form';
// One small form per settings section; each calls the action that carries that section's capability.
import { useState } from 'react';
import { SelectField, TextField, Toggle } from '@/components/ui/form-controls';
import { buttonClass } from '@/components/ui/primitives';
import { useSave } from '@/components/ui/use-save';
import { IDP_NAME_HINT } from '@/lib/domain/identity-provider-limits';
import type { Locale } from '@/lib/domain/locales';
import { updateDomainAction, updateEmailSettingsAction, updateSsoAction } from './actions';
import { LocaleOptions } from '@/components/locale/locale-options';

const FormError = ({ text }: { text: string | null }) =>
  text ? (
    <p role="alert" className="text-sm text-red-700">
      {text}
    </p>
  ) : null;
const Save = ({ pending }: { pending: boolean }) => (
  <button type="submit" className={buttonClass('primary')} disabled={pending}>
    {pending ? 'Saving…' : 'Save'}
  </button>
);

export function DomainForm({ orgId, domain }: { orgId: string; domain: string }) {
  const [value, setValue] = useState(domain);
  const { pending, error, save } = useSave();
  return (
    <HydratedForm
      noValidate
      className="mb-4 space-y-3"
      data-testid="domain-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(() => updateDomainAction(orgId, { domain: value }), 'Domain saved; verify it again.');
      }}
    >
      <TextField
        id="domain"
        label="Domain"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        hint="A changed domain must be verified again."
      />
      <FormError text={error} />
      <Save pending={pending} />
    </HydratedForm>
  );
}

export function EmailForm({ orgId, suppress, language }: { orgId: string; suppress: boolean; language: string }) {
  const [v, setV] = useState({ suppressAdminInviteEmails: suppress, emailLanguage: (language || 'en_US') as Locale });
  const { pending, error, save } = useSave();
  return (
    <HydratedForm
      noValidate
      className="mb-4 space-y-3"
      data-testid="email-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(() => updateEmailSettingsAction(orgId, v), 'E-mail settings saved.');
      }}
    >
      <Toggle
        id="suppress"
        label="Suppress admin invite emails"
        checked={v.suppressAdminInviteEmails}
        onChange={(e) => setV({ ...v, suppressAdminInviteEmails: e.target.checked })}
      />
      <SelectField
        id="emailLanguage"
        label="Email language"
        value={v.emailLanguage}
        onChange={(e) => setV({ ...v, emailLanguage: e.target.value as Locale })}
      >
        <LocaleOptions />
      </SelectField>
      <FormError text={error} />
      <Save pending={pending} />
    </HydratedForm>
  );
}

export function SsoForm({ orgId, mode, idp }: { orgId: string; mode: 'webex' | 'saml' | 'oidc'; idp: string }) {
  const [m, setM] = useState(mode);
  const [value, setValue] = useState(idp);
  const { pending, error, save } = useSave();
  const input = m === 'saml' ? { mode: m, idpEntityId: value } : m === 'oidc' ? { mode: m, idpName: value } : { mode: m };
  return (
    <HydratedForm
      noValidate
      className="mb-4 space-y-3"
      data-testid="sso-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(() => updateSsoAction(orgId, input), 'Sign-in settings saved.');
      }}
    >
      <SelectField id="ssoMode" label="Single sign-on" value={m} onChange={(e) => setM(e.target.value as typeof m)}>
        <option value="webex">Webex identity (no single sign-on)</option>
        <option value="saml">SAML single sign-on</option>
        <option value="oidc">OpenID Connect single sign-on</option>
      </SelectField>
      {m !== 'webex' && (
        <TextField
          id="idp"
          label={m === 'saml' ? 'IdP entity ID' : 'Identity provider'}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          hint={m === 'oidc' ? IDP_NAME_HINT : undefined}
        />
      )}
      <FormError text={error} />
      <Save pending={pending} />
    </HydratedForm>
  );
}
