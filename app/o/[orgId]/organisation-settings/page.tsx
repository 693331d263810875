import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { DescriptionList, DescriptionRow } from '@/components/ui/description-list';
import { EditabilityNote } from '@/components/customer-view/editability-note';
import { Badge, Card, Forbidden, PageHeader } from '@/components/ui/primitives';
import { editability } from '@/lib/customer-view/editability';
import { getCustomerProfile } from '@/lib/customer-view/get-customer-profile';
import { yesNo } from '@/lib/format';
import { gatePage } from '@/lib/server/session';
import { DomainForm, EmailForm, SsoForm } from './settings-forms';
import { BrandingSection } from './branding-section';

export const metadata: Metadata = { title: 'Organisation settings' };

const SSO_LABEL = {
  webex: 'Webex identity (no single sign-on)',
  saml: 'SAML single sign-on',
  oidc: 'OpenID Connect single sign-on',
} as const;

export default async function OrganisationSettingsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'cv.read', 'customer');
  if (gate.denied) return <Forbidden message={gate.denied} next={gate.next} />;
  const { settings: s } = await getCustomerProfile(getDb(), gate.access);
  const domain = editability(gate.access, 'cv.orgSettings.domain');
  const email = editability(gate.access, 'cv.orgSettings.email');
  const sso = editability(gate.access, 'cv.orgSettings.sso');
  const none = <span className="text-slate-500">Not set</span>;

  return (
    <>
      <PageHeader title="Organisation settings" description="Domain, e-mail and sign-in settings of the organisation." />
      <div className="grid gap-6">
        {/* An editable section shows its form alone; the read-only values are for those who can't change them (issue 17.8). */}
        <Card title="Domain">
          {domain.editable ? (
            <DomainForm orgId={gate.access.org.id} domain={s?.domain ?? ''} />
          ) : (
            <EditabilityNote editability={domain} id="domain" />
          )}
          {(!domain.editable || s?.domain) && (
            <DescriptionList>
              {!domain.editable && <DescriptionRow label="Domain">{s?.domain ?? none}</DescriptionRow>}
              {s?.domain && (
                <DescriptionRow label="State">
                  <span className="flex flex-wrap gap-1">
                    {s.domainVerified ? <Badge tone="green">Verified</Badge> : <Badge tone="amber">Not verified</Badge>}
                    {s.domainClaimed ? <Badge tone="green">Claimed</Badge> : <Badge>Not claimed</Badge>}
                  </span>
                </DescriptionRow>
              )}
            </DescriptionList>
          )}
        </Card>
        <Card title="E-mail">
          {email.editable ? (
            <EmailForm orgId={gate.access.org.id} suppress={s?.suppressAdminInviteEmails ?? false} language={s?.emailLanguage ?? ''} />
          ) : (
            <>
              <EditabilityNote editability={email} id="email" />
              <DescriptionList>
                <DescriptionRow label="Suppress admin invite e-mails">{s ? yesNo(s.suppressAdminInviteEmails) : none}</DescriptionRow>
                <DescriptionRow label="E-mail language">{s?.emailLanguage ?? none}</DescriptionRow>
              </DescriptionList>
            </>
          )}
        </Card>
        <Card title="Authentication">
          {sso.editable ? (
            <SsoForm orgId={gate.access.org.id} mode={s?.sso?.mode ?? 'webex'} idp={s?.sso?.idpEntityId ?? s?.sso?.idpName ?? ''} />
          ) : (
            <>
              <EditabilityNote editability={sso} id="sso" />
              <DescriptionList>
                <DescriptionRow label="Single sign-on">{s?.sso ? SSO_LABEL[s.sso.mode] : SSO_LABEL.webex}</DescriptionRow>
                {s?.sso?.idpName && <DescriptionRow label="Identity provider">{s.sso.idpName}</DescriptionRow>}
                {s?.sso?.idpEntityId && (
                  <DescriptionRow label="IdP entity ID">
                    <span className="break-all font-mono text-xs">{s.sso.idpEntityId}</span>
                  </DescriptionRow>
                )}
              </DescriptionList>
            </>
          )}
        </Card>
        <BrandingSection access={gate.access} />
      </div>
    </>
  );
}
