import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { CopyValue } from '@/components/ui/copy-button';
import { DescriptionList, DescriptionRow } from '@/components/ui/description-list';
import Link from 'next/link';
import { Badge, Card, Forbidden, PageHeader, buttonClass } from '@/components/ui/primitives';
import { DataTable, Td } from '@/components/ui/table';
import { decide } from '@/lib/auth/policy';
import { countryOf } from '@/lib/domain/countries';
import { ROLE_NAMES } from '@/lib/domain/roles';
import { formatDate, yesNo } from '@/lib/format';
import { gatePage } from '@/lib/server/session';
import { getOrgProfile } from '@/lib/partner-profile/get-org-profile';

export const metadata: Metadata = { title: 'Settings' };

const KIND_LABEL = { partner: 'Partner', sub_partner: 'Indirect provider (sub-partner)', customer: 'Customer' } as const;

export default async function SettingsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'org.read', 'partner');
  if (gate.denied) return <Forbidden message={gate.denied} next={gate.next} />;
  const p = await getOrgProfile(getDb(), gate.access);
  const canManageAdmins = decide(gate.access, 'admins.manage').allowed;
  const canManageSubPartners = decide(gate.access, 'subPartners.manage').allowed;

  return (
    <>
      <PageHeader title="Settings" description="Your organisation's profile and administrators." />
      <div className="grid gap-6">
        <Card title="Organisation profile">
          <DescriptionList testId="org-profile">
            <DescriptionRow label="Name">{p.name}</DescriptionRow>
            <DescriptionRow label="Org ID">
              <CopyValue value={p.id} label="org ID" />
            </DescriptionRow>
            <DescriptionRow label="Type">{KIND_LABEL[p.kind]}</DescriptionRow>
            <DescriptionRow label="Wholesale">{yesNo(p.wholesale)}</DescriptionRow>
            <DescriptionRow label="Country">{p.country ? (countryOf(p.country)?.name ?? p.country) : '—'}</DescriptionRow>
            <DescriptionRow label="Status">
              {p.state === 'active' ? <Badge tone="green">Active</Badge> : <Badge tone="red">Suspended</Badge>}
            </DescriptionRow>
            {p.kind === 'sub_partner' && (
              <>
                <DescriptionRow label="Parent partner">{p.parent?.name ?? '—'}</DescriptionRow>
                <DescriptionRow label="Billing start date">{formatDate(p.billingStartDate)}</DescriptionRow>
              </>
            )}
            <DescriptionRow label="Created">{formatDate(p.createdAt)}</DescriptionRow>
          </DescriptionList>
        </Card>
        <Card title="Administrators">
          {p.admins.length === 0 ? (
            <p className="text-sm text-slate-600">No administrators.</p>
          ) : (
            <DataTable variant="inset" caption="Administrators" testId="admins-table" columns={['Name', 'E-mail', 'Roles']}>
              {p.admins.map((a) => (
                <tr key={a.userId}>
                  <Td valign="middle" className="font-medium">
                    {a.name}
                  </Td>
                  <Td valign="middle">{a.email}</Td>
                  <Td valign="middle">
                    <ul className="flex flex-wrap gap-1">
                      {a.roles.map((r) => (
                        <li key={r}>
                          <Badge tone="blue">{ROLE_NAMES[r]}</Badge>
                        </li>
                      ))}
                    </ul>
                  </Td>
                </tr>
              ))}
            </DataTable>
          )}
          <Link href={`/o/${p.id}/settings/administrators`} className={`${buttonClass('secondary')} mt-4`}>
            {canManageAdmins ? 'Manage administrators' : 'View administrators'}
          </Link>
        </Card>
        {/* Issue 15 (admin branch): branding. */}
        <Card title="Branding">
          <p className="text-sm text-slate-600">
            Your logo, accent colours and support link, shown to your customers and in the e-mails you send.
          </p>
          <Link href={`/o/${p.id}/settings/branding`} className={`${buttonClass('secondary')} mt-3`}>
            {decide(gate.access, 'branding.manage').allowed ? 'Edit branding' : 'View branding'}
          </Link>
        </Card>
        {/* API tokens (SPEC §8.1) — a self-contained block; full admins only, not when cross-launched. */}
        {decide(gate.access, 'apiTokens.manage').allowed && (
          <Card title="API tokens">
            <p className="text-sm text-slate-600">
              Let your back-office systems provision customers and subscribers through the Wholesale API.
            </p>
            <Link href={`/o/${p.id}/settings/api-tokens`} className={`${buttonClass('secondary')} mt-3`}>
              API tokens
            </Link>
          </Card>
        )}
        {/* Webhooks (SPEC §8.4) — a self-contained block; full admins only, not when cross-launched. */}
        {decide(gate.access, 'webhooks.manage').allowed && (
          <Card title="Webhooks">
            <p className="text-sm text-slate-600">
              Have signed events pushed to your systems when customers, subscribers, billing reports or trials change.
            </p>
            <Link href={`/o/${p.id}/settings/webhooks`} className={`${buttonClass('secondary')} mt-3`}>
              Webhooks
            </Link>
          </Card>
        )}
        {canManageSubPartners && (
          <Card title="Indirect providers">
            <p className="text-sm text-slate-600">Resellers you manage sell from your subscription and onboard their own customers.</p>
            <Link href={`/o/${p.id}/indirect-providers/new`} className={`${buttonClass('secondary')} mt-3`}>
              Set up indirect provider
            </Link>
          </Card>
        )}
      </div>
    </>
  );
}
