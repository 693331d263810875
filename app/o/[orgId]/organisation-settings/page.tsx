import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getDb } from '@/db/client';
import { Badge, Card, Forbidden, PageHeader } from '@/components/ui/primitives';
import { editability, type Editability } from '@/lib/customer-view/editability';
import { getCustomerProfile } from '@/lib/customer-view/get-customer-profile';
import { yesNo } from '@/lib/format';
import { gatePage } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Organisation settings' };

const SSO_LABEL = { webex: 'Webex identity (no single sign-on)', saml: 'SAML single sign-on', oidc: 'OpenID Connect single sign-on' } as const;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2.5 sm:grid-cols-3">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-sm sm:col-span-2">{children}</dd>
    </div>
  );
}

function Note({ e, id }: { e: Editability; id: string }) {
  return <p data-testid={`${id}-editability`} className={`mb-3 text-sm ${e.editable ? 'text-slate-600' : 'text-amber-800'}`}>{e.note}</p>;
}

export default async function OrganisationSettingsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'cv.read', 'customer');
  if (gate.denied) return <Forbidden message={gate.denied} />;
  const { settings: s } = await getCustomerProfile(getDb(), gate.access);
  const domain = editability(gate.access, 'cv.orgSettings.domain');
  const email = editability(gate.access, 'cv.orgSettings.email');
  const sso = editability(gate.access, 'cv.orgSettings.sso');
  const none = <span className="text-slate-400">Not set</span>;

  return (
    <>
      <PageHeader title="Organisation settings" description="Domain, e-mail and sign-in settings of the organisation." />
      <div className="grid gap-6">
        <Card title="Domain">
          <Note e={domain} id="domain" />
          <dl className="divide-y divide-slate-100">
            <Row label="Domain">{s?.domain ?? none}</Row>
            {s?.domain && (
              <Row label="State">
                <span className="flex flex-wrap gap-1">
                  {s.domainVerified ? <Badge tone="green">Verified</Badge> : <Badge tone="amber">Not verified</Badge>}
                  {s.domainClaimed ? <Badge tone="green">Claimed</Badge> : <Badge>Not claimed</Badge>}
                </span>
              </Row>
            )}
          </dl>
        </Card>
        <Card title="E-mail">
          <Note e={email} id="email" />
          <dl className="divide-y divide-slate-100">
            <Row label="Suppress admin invite e-mails">{s ? yesNo(s.suppressAdminInviteEmails) : none}</Row>
            <Row label="E-mail language">{s?.emailLanguage ?? none}</Row>
          </dl>
        </Card>
        <Card title="Authentication">
          <Note e={sso} id="sso" />
          <dl className="divide-y divide-slate-100">
            <Row label="Single sign-on">{s?.sso ? SSO_LABEL[s.sso.mode] : SSO_LABEL.webex}</Row>
            {s?.sso?.idpName && <Row label="Identity provider">{s.sso.idpName}</Row>}
            {s?.sso?.idpEntityId && <Row label="IdP entity ID"><span className="break-all font-mono text-xs">{s.sso.idpEntityId}</span></Row>}
          </dl>
        </Card>
      </div>
    </>
  );
}
