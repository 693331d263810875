import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getDb } from '@/db/client';
import { CopyValue } from '@/components/ui/copy-button';
import { Badge, Card, Forbidden, PageHeader } from '@/components/ui/primitives';
import { decide } from '@/lib/auth/policy';
import { COUNTRIES } from '@/lib/domain/countries';
import { ROLE_NAMES } from '@/lib/domain/roles';
import { formatDate, yesNo } from '@/lib/format';
import { gatePage } from '@/lib/server/session';
import { getOrgProfile } from '@/lib/settings/get-org-profile';

export const metadata: Metadata = { title: 'Settings' };

const KIND_LABEL = { partner: 'Partner', sub_partner: 'Indirect provider (sub-partner)', customer: 'Customer' } as const;
const th = 'px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2.5 sm:grid-cols-3">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-sm sm:col-span-2">{children}</dd>
    </div>
  );
}

export default async function SettingsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'org.read', 'partner');
  if (gate.denied) return <Forbidden message={gate.denied} />;
  const p = await getOrgProfile(getDb(), gate.access);
  const canManageAdmins = decide(gate.access, 'admins.manage').allowed;

  return (
    <>
      <PageHeader title="Settings" description="Your organisation's profile and administrators." />
      <div className="grid gap-6">
        <Card title="Organisation profile">
          <dl className="divide-y divide-slate-100" data-testid="org-profile">
            <Row label="Name">{p.name}</Row>
            <Row label="Org ID"><CopyValue value={p.id} label="org ID" /></Row>
            <Row label="Type">{KIND_LABEL[p.kind]}</Row>
            <Row label="Wholesale">{yesNo(p.wholesale)}</Row>
            <Row label="Country">{p.country ? (COUNTRIES[p.country]?.name ?? p.country) : '—'}</Row>
            <Row label="Status">{p.state === 'active' ? <Badge tone="green">Active</Badge> : <Badge tone="red">Suspended</Badge>}</Row>
            {p.kind === 'sub_partner' && (
              <>
                <Row label="Parent partner">{p.parent?.name ?? '—'}</Row>
                <Row label="Billing start date">{formatDate(p.billingStartDate)}</Row>
              </>
            )}
            <Row label="Created">{formatDate(p.createdAt)}</Row>
          </dl>
        </Card>
        <Card title="Administrators">
          {p.admins.length === 0 ? (
            <p className="text-sm text-slate-600">No administrators.</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="admins-table">
                <caption className="sr-only">Administrators</caption>
                <thead>
                  <tr>
                    <th scope="col" className={th}>Name</th>
                    <th scope="col" className={th}>E-mail</th>
                    <th scope="col" className={th}>Roles</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {p.admins.map((a) => (
                    <tr key={a.userId}>
                      <td className="px-4 py-3 font-medium">{a.name}</td>
                      <td className="px-4 py-3">{a.email}</td>
                      <td className="px-4 py-3">
                        <ul className="flex flex-wrap gap-1">{a.roles.map((r) => <li key={r}><Badge tone="blue">{ROLE_NAMES[r]}</Badge></li>)}</ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {canManageAdmins && (
            <p className="mt-4 text-sm text-slate-600">Managing administrators, API tokens and branding arrives in a later update.</p>
          )}
        </Card>
      </div>
    </>
  );
}
