'use client';
// The fields of wizard steps 1–5 (SPEC §3). They read the one react-hook-form instance
// from context, so values survive moving between steps. Every field of the schema has its
// control in FIELD_CONTROLS (or names the control it is shown in): one without is a type error.
import type { ComponentType, ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { COUNTRIES } from '@/lib/domain/countries';
import type { TemplateFormOptions } from '@/lib/templates/get-template-form-options';
import { fieldsOfStep, type TemplateField, type TemplateStep } from '@/lib/templates/template-fields';
import { AUTH_MODE_LABELS } from '@/lib/templates/template-labels';
import { IDP_NAME_HINT } from '@/lib/domain/identity-provider-limits';
import { TEMPLATE_NAME_MAX } from '@/lib/templates/template-limits';
import type { TemplateFormValues } from '@/lib/templates/template-schema';
import { FieldError, SelectField, TextField, Toggle } from '@/components/ui/form-controls';
import { LocaleOptions } from '@/components/locale/locale-options';
import { WIZARD_FIELDS_CLASS } from '@/components/ui/wizard-frame';

const useErrors = () => useFormContext<TemplateFormValues>().formState.errors;

const COUNTRY_OPTIONS = Object.entries(COUNTRIES).sort(([, a], [, b]) => a.name.localeCompare(b.name, 'en'));

function RadioOption({
  name,
  value,
  label,
  description,
  children,
}: {
  name: 'type' | 'authMode';
  value: string;
  label: string;
  description: string;
  children?: ReactNode;
}) {
  const { register, formState } = useFormContext<TemplateFormValues>();
  const id = `${name}-${value}`;
  // Rendered checked on the server too, so a preselected choice shows before hydration.
  const preselected = formState.defaultValues?.[name] === value;
  return (
    <div className="rounded-md border border-slate-200 p-4 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50/40">
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="radio"
          value={value}
          defaultChecked={preselected}
          {...register(name)}
          aria-describedby={`${id}-desc`}
          className="mt-1 h-4 w-4"
        />
        <div>
          <label htmlFor={id} className="text-sm font-medium">
            {label}
          </label>
          <p id={`${id}-desc`} className="text-sm text-slate-600">
            {description}
          </p>
        </div>
      </div>
      {children && <div className="mt-3 pl-7">{children}</div>}
    </div>
  );
}

function TypeControl() {
  const errors = useErrors();
  return (
    <fieldset aria-describedby={errors.type ? 'type-error' : undefined}>
      <legend className="mb-3 text-sm font-medium">Choose the kind of template to create.</legend>
      <RadioOption
        name="type"
        value="webex_wholesale"
        label="Webex for Wholesale"
        description="Common settings for the small-business customers you provision with Webex wholesale packages."
      />
      <FieldError id="type" message={errors.type?.message} />
    </fieldset>
  );
}

function NameControl() {
  const { register } = useFormContext<TemplateFormValues>();
  const errors = useErrors();
  return (
    <TextField
      id="name"
      label="Template name"
      required
      autoComplete="off"
      {...register('name')}
      error={errors.name?.message}
      hint={`A descriptive name, unique in your organisation (at most ${TEMPLATE_NAME_MAX} characters).`}
    />
  );
}

function CountryControl() {
  const { register } = useFormContext<TemplateFormValues>();
  const errors = useErrors();
  return (
    <SelectField id="country" label="Country or region" required {...register('country')} error={errors.country?.message}>
      <option value="">Choose a country or region</option>
      {COUNTRY_OPTIONS.map(([code, c]) => (
        <option key={code} value={code}>
          {c.name}
        </option>
      ))}
    </SelectField>
  );
}

function ServiceProviderAdminControl({ options }: ControlProps) {
  const { register } = useFormContext<TemplateFormValues>();
  const errors = useErrors();
  return (
    <SelectField
      id="serviceProviderAdminId"
      label="Service provider administrator"
      required
      {...register('serviceProviderAdminId')}
      error={errors.serviceProviderAdminId?.message}
      hint="A partner full or wholesale administrator of your organisation."
    >
      <option value="">Choose an administrator</option>
      {options.admins.map((a) => (
        <option key={a.id} value={a.id}>
          {a.name} ({a.email})
        </option>
      ))}
    </SelectField>
  );
}

function SubscriptionControl({ options }: ControlProps) {
  const { register } = useFormContext<TemplateFormValues>();
  const errors = useErrors();
  return options.subscriptionShared ? (
    <TextField
      id="subscriptionId"
      label="Wholesale subscription"
      required
      readOnly
      {...register('subscriptionId')}
      error={errors.subscriptionId?.message}
      hint={
        options.subscriptionIds.length
          ? 'The parent partner\u2019s subscription shared with this indirect provider; it can\u2019t be changed.'
          : 'The parent partner has not shared a subscription with this indirect provider yet.'
      }
    />
  ) : (
    <SelectField
      id="subscriptionId"
      label="Wholesale subscription"
      required
      {...register('subscriptionId')}
      error={errors.subscriptionId?.message}
      hint={options.subscriptionIds.length ? undefined : 'Your organisation has no wholesale subscription.'}
    >
      <option value="">Choose a subscription</option>
      {options.subscriptionIds.map((id) => (
        <option key={id} value={id}>
          {id}
        </option>
      ))}
    </SelectField>
  );
}

/** The authentication choice, with the IdP value of the chosen mode inside its option. */
function AuthModeControl() {
  const { register } = useFormContext<TemplateFormValues>();
  const errors = useErrors();
  const mode = useWatch<TemplateFormValues, 'authMode'>({ name: 'authMode' });
  return (
    <fieldset className="grid gap-3">
      <legend className="mb-3 text-sm font-medium">How the customers&apos; users sign in.</legend>
      <RadioOption
        name="authMode"
        value="webex"
        label={`${AUTH_MODE_LABELS.webex} (default)`}
        description="Webex Common Identity is the identity provider."
      />
      <RadioOption name="authMode" value="saml" label={AUTH_MODE_LABELS.saml} description="Your own SAML identity provider.">
        {mode === 'saml' && (
          <TextField
            id="idpEntityId"
            label="IdP entity ID"
            required
            autoComplete="off"
            {...register('idpEntityId')}
            error={errors.idpEntityId?.message}
            hint="The EntityID from your identity provider's SAML metadata XML."
          />
        )}
      </RadioOption>
      <RadioOption name="authMode" value="oidc" label={AUTH_MODE_LABELS.oidc} description="Your own OpenID Connect identity provider.">
        {mode === 'oidc' && (
          <TextField
            id="idpName"
            label="IdP name"
            required
            autoComplete="off"
            spellCheck={false}
            {...register('idpName')}
            error={errors.idpName?.message}
            hint={IDP_NAME_HINT}
          />
        )}
      </RadioOption>
      <FieldError id="authMode" message={errors.authMode?.message} />
    </fieldset>
  );
}

function PstnProviderControl({ options }: ControlProps) {
  const { register } = useFormContext<TemplateFormValues>();
  const errors = useErrors();
  return (
    <SelectField
      id="pstnProviderId"
      label="Cloud Connected PSTN provider"
      {...register('pstnProviderId')}
      error={errors.pstnProviderId?.message}
      hint="Optional. Without a PSTN provider, customers created from this template can only use Webex Meetings packages — no calling packages."
    >
      <option value="">None</option>
      {options.pstnProviders.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name} ({p.countries.join(', ')})
        </option>
      ))}
    </SelectField>
  );
}

function AllowAdminInviteEmailsControl() {
  const { register } = useFormContext<TemplateFormValues>();
  return (
    <div className="sm:col-span-2">
      <Toggle
        id="allowAdminInviteEmails"
        label="Allow admin invite emails when attaching to existing organisations"
        {...register('allowAdminInviteEmails')}
        hint="When an existing organisation must approve the attachment, its administrator may be e-mailed an invitation."
      />
    </div>
  );
}

function BrandNameControl() {
  const { register } = useFormContext<TemplateFormValues>();
  const errors = useErrors();
  return (
    <TextField
      id="brandName"
      label="Brand name"
      autoComplete="off"
      {...register('brandName')}
      error={errors.brandName?.message}
      hint="Identifies your offer in every automatic e-mail sent while customers are onboarded."
    />
  );
}

function DisableWebexCallingControl() {
  const { register } = useFormContext<TemplateFormValues>();
  return (
    <div className="sm:col-span-2">
      <Toggle
        id="disableWebexCalling"
        label="Disable Webex calling (1:1, non-PSTN)"
        {...register('disableWebexCalling')}
        hint="Turn on only if the customers' users must not call each other over Webex."
      />
    </div>
  );
}

function DefaultLanguageControl() {
  const { register } = useFormContext<TemplateFormValues>();
  const errors = useErrors();
  return (
    <SelectField
      id="defaultLanguage"
      label="Default language"
      {...register('defaultLanguage')}
      error={errors.defaultLanguage?.message}
      hint="Used for customers created without a language of their own."
    >
      <LocaleOptions />
    </SelectField>
  );
}

interface ControlProps {
  options: TemplateFormOptions;
}

/** A field's control, or the field whose control shows it. */
export type FieldControls = { readonly [K in TemplateField]-?: ComponentType<ControlProps> | { shownIn: TemplateField } };

export const FIELD_CONTROLS: FieldControls = {
  type: TypeControl,
  name: NameControl,
  country: CountryControl,
  serviceProviderAdminId: ServiceProviderAdminControl,
  subscriptionId: SubscriptionControl,
  authMode: AuthModeControl,
  idpEntityId: { shownIn: 'authMode' },
  idpName: { shownIn: 'authMode' },
  pstnProviderId: PstnProviderControl,
  allowAdminInviteEmails: AllowAdminInviteEmailsControl,
  brandName: BrandNameControl,
  disableWebexCalling: DisableWebexCallingControl,
  defaultLanguage: DefaultLanguageControl,
};

/** How a step lays out its controls; a step of one fieldset needs no frame. */
const STEP_FRAME: { readonly [K in TemplateStep]-?: string | null } = {
  type: null,
  primary: WIZARD_FIELDS_CLASS,
  auth: null,
  calling: WIZARD_FIELDS_CLASS,
  common: WIZARD_FIELDS_CLASS,
};

/** The controls of one settings step, in the order of TEMPLATE_FIELD_STEPS. */
export function StepFields({ step, options }: { step: TemplateStep; options: TemplateFormOptions }) {
  const controls = fieldsOfStep(step).map((field) => {
    const Control = FIELD_CONTROLS[field];
    return 'shownIn' in Control ? null : <Control key={field} options={options} />;
  });
  const frame = STEP_FRAME[step];
  return frame ? <div className={frame}>{controls}</div> : <>{controls}</>;
}
