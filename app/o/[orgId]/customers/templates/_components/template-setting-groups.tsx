// Every setting of a template grouped by wizard step: the wizard's Summary and the detail
// page render the same groups. No hooks, so it works in server and client components.
import type { ReactNode } from 'react';
import { countryOf } from '@/lib/domain/countries';
import { localeLabel } from '@/lib/domain/locale-names';
import type { AuthMode } from '@/lib/domain/statuses';
import { AUTH_MODE_LABELS, TEMPLATE_TYPE_LABELS } from '@/lib/templates/template-labels';

export type SettingsStep = 'type' | 'primary' | 'auth' | 'calling' | 'common';

export interface TemplateSettingsSource {
  type?: keyof typeof TEMPLATE_TYPE_LABELS | null;
  name?: string | null;
  country?: string | null;
  adminLabel: string | null;
  subscriptionId?: string | null;
  authMode?: AuthMode | null;
  idpEntityId?: string | null;
  idpName?: string | null;
  pstnProviderLabel: string | null;
  allowAdminInviteEmails?: boolean | null;
  brandName?: string | null;
  disableWebexCalling?: boolean | null;
  defaultLanguage?: string | null;
}

interface Group {
  step: SettingsStep;
  title: string;
  rows: { label: string; value: ReactNode }[];
}

const none = <span className="text-slate-500">Not set</span>;
const onOff = (v: boolean | null | undefined) => (v ? 'On' : 'Off');

export function templateSettingGroups(s: TemplateSettingsSource): Group[] {
  const auth: Group['rows'] = [{ label: 'Authentication', value: s.authMode ? AUTH_MODE_LABELS[s.authMode] : none }];
  if (s.authMode === 'saml') auth.push({ label: 'IdP entity ID', value: s.idpEntityId || none });
  if (s.authMode === 'oidc') auth.push({ label: 'IdP name', value: s.idpName || none });
  return [
    { step: 'type', title: 'Template type', rows: [{ label: 'Template type', value: s.type ? TEMPLATE_TYPE_LABELS[s.type] : none }] },
    {
      step: 'primary',
      title: 'Primary settings',
      rows: [
        { label: 'Template name', value: s.name?.trim() || none },
        { label: 'Country or region', value: s.country ? (countryOf(s.country)?.name ?? s.country) : none },
        { label: 'Service provider administrator', value: s.adminLabel || none },
        { label: 'Wholesale subscription', value: s.subscriptionId || none },
      ],
    },
    { step: 'auth', title: 'Authentication', rows: auth },
    {
      step: 'calling',
      title: 'Wholesale calling',
      rows: [{ label: 'Cloud Connected PSTN provider', value: s.pstnProviderLabel ?? 'None (Webex Meetings packages only)' }],
    },
    {
      step: 'common',
      title: 'Common settings and calling settings',
      rows: [
        { label: 'Allow admin invite emails when attaching to existing organisations', value: onOff(s.allowAdminInviteEmails) },
        { label: 'Brand name', value: s.brandName?.trim() || none },
        { label: 'Disable Webex calling (1:1, non-PSTN)', value: onOff(s.disableWebexCalling) },
        { label: 'Default language', value: s.defaultLanguage ? localeLabel(s.defaultLanguage) : none },
      ],
    },
  ];
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
