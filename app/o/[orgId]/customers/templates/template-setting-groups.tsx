// Every setting of a template grouped by wizard step: the wizard's Summary and the detail
// page render the same groups. No hooks, so it works in server and client components.
import type { ReactNode } from 'react';
import { countryOf } from '@/lib/domain/countries';
import { localeLabel } from '@/lib/domain/locale-names';
import { TEMPLATE_STEPS, fieldsOfStep, type TemplateColumns, type TemplateField, type TemplateStep } from '@/lib/templates/template-fields';
import { AUTH_MODE_LABELS, TEMPLATE_TYPE_LABELS } from '@/lib/templates/template-labels';
import { stepTitle } from './wizard-config';

export type SettingsStep = TemplateStep;

/** The settings to show — a template row or the wizard's values — with the names of what they reference. */
export type TemplateSettingsSource = { [K in TemplateField]?: TemplateColumns[K] | null } & {
  adminLabel: string | null;
  pstnProviderLabel: string | null;
};

export interface Row {
  label: string;
  value: ReactNode;
}

interface Group {
  step: SettingsStep;
  title: string;
  rows: Row[];
}

const none = <span className="text-slate-500">Not set</span>;
const onOff = (v: boolean | null | undefined) => (v ? 'On' : 'Off');

/**
 * How each field reads on the Summary and the detail page; null hides it (the IdP value of
 * another mode). One entry per field of the schema, or it is a type error.
 */
export type SettingRows = { readonly [K in TemplateField]-?: (s: TemplateSettingsSource) => Row | null };

export const SETTING_ROWS: SettingRows = {
  type: (s) => ({ label: 'Template type', value: s.type ? TEMPLATE_TYPE_LABELS[s.type] : none }),
  name: (s) => ({ label: 'Template name', value: s.name?.trim() || none }),
  country: (s) => ({ label: 'Country or region', value: s.country ? (countryOf(s.country)?.name ?? s.country) : none }),
  serviceProviderAdminId: (s) => ({ label: 'Service provider administrator', value: s.adminLabel || none }),
  subscriptionId: (s) => ({ label: 'Wholesale subscription', value: s.subscriptionId || none }),
  authMode: (s) => ({ label: 'Authentication', value: s.authMode ? AUTH_MODE_LABELS[s.authMode] : none }),
  idpEntityId: (s) => (s.authMode === 'saml' ? { label: 'IdP entity ID', value: s.idpEntityId || none } : null),
  idpName: (s) => (s.authMode === 'oidc' ? { label: 'IdP name', value: s.idpName || none } : null),
  pstnProviderId: (s) => ({ label: 'Cloud Connected PSTN provider', value: s.pstnProviderLabel ?? 'None (Webex Meetings packages only)' }),
  allowAdminInviteEmails: (s) => ({
    label: 'Allow admin invite emails when attaching to existing organisations',
    value: onOff(s.allowAdminInviteEmails),
  }),
  brandName: (s) => ({ label: 'Brand name', value: s.brandName?.trim() || none }),
  disableWebexCalling: (s) => ({ label: 'Disable Webex calling (1:1, non-PSTN)', value: onOff(s.disableWebexCalling) }),
  defaultLanguage: (s) => ({ label: 'Default language', value: s.defaultLanguage ? localeLabel(s.defaultLanguage) : none }),
};

export function templateSettingGroups(s: TemplateSettingsSource): Group[] {
  return TEMPLATE_STEPS.map((step) => ({
    step,
    title: stepTitle(step),
    rows: fieldsOfStep(step).flatMap((f) => SETTING_ROWS[f](s) ?? []),
  }));
}

/** The groups as labelled sections; `action` adds e.g. the Summary's Edit button to each. */
export function TemplateSettingGroups({
  source,
  action,
}: {
  source: TemplateSettingsSource;
  action?: (step: SettingsStep, title: string) => ReactNode;
}) {
  return (
    <div className="grid gap-4">
      {templateSettingGroups(source).map((g) => (
        <section
          key={g.step}
          aria-labelledby={`settings-${g.step}`}
          className="rounded-md border border-slate-200 bg-white"
          data-testid={`settings-${g.step}`}
        >
          <header className="flex items-center justify-between border-b border-slate-100 px-4 py-2.5">
            <h3 id={`settings-${g.step}`} className="text-sm font-semibold">
              {g.title}
            </h3>
            {action?.(g.step, g.title)}
          </header>
          <dl className="divide-y divide-slate-100 px-4">
            {g.rows.map((r) => (
              <div key={r.label} className="grid gap-1 py-2 sm:grid-cols-2">
                <dt className="text-sm text-slate-600">{r.label}</dt>
                <dd className="break-words text-sm">{r.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
