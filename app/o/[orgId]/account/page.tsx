import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { CopyValue } from '@/components/ui/copy-button';
import { DescriptionList, DescriptionRow } from '@/components/ui/description-list';
import { Badge, Card, Forbidden, PageHeader } from '@/components/ui/primitives';
import { customerStatusTone } from '@/components/customers/status-tone';
import { editability } from '@/lib/customer-view/editability';
import { getCustomerProfile } from '@/lib/customer-view/get-customer-profile';
import { CUSTOMER_STATUS_LABELS } from '@/lib/domain/statuses';
import { gatePage } from '@/lib/server/session';
import { CompanyNameForm } from './company-name-form';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'cv.read', 'customer');
  if (gate.denied) return <Forbidden message={gate.denied} next={gate.next} />;
  const p = await getCustomerProfile(getDb(), gate.access);
  const companyName = editability(gate.access, 'cv.account.edit');

  return (
    <>
      <PageHeader title="Account" description="Company details of the organisation." />
      {/* SPEC §8.3: a partner waits for this org's approval to attach services. */}
      {p.customer?.status === 'pending_customer_approval' && (
        <p className="mb-6 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="attach-request-notice">
          {p.customer.partner.name} asks to manage your Webex services.{' '}
          <Link href={`/o/${p.orgId}/partner-requests`} className="font-medium underline">
            Review the request
          </Link>
        </p>
      )}
      {companyName.editable && (
        <div className="mb-6">
          <Card title="Edit">
            <CompanyNameForm orgId={p.orgId} name={p.name} />
          </Card>
        </div>
      )}
      <Card title="Company">
        <DescriptionList testId="account-details">
          <DescriptionRow label="Company name">
            <span className="font-medium" data-testid="company-name">
              {p.name}
            </span>
            <span className="mt-1 block text-xs text-slate-600" data-testid="company-name-editability">
              {companyName.note}
            </span>
          </DescriptionRow>
          <DescriptionRow label="Org ID">
            <CopyValue value={p.orgId} label="org ID" />
          </DescriptionRow>
          <DescriptionRow label="External ID">
            {p.customer ? <span className="font-mono text-xs">{p.customer.externalId}</span> : '—'}
          </DescriptionRow>
          <DescriptionRow label="Managing partner">{p.customer?.partner.name ?? '—'}</DescriptionRow>
          <DescriptionRow label="Status">
            {p.customer ? (
              <Badge tone={customerStatusTone(p.customer.status)}>{CUSTOMER_STATUS_LABELS[p.customer.status]}</Badge>
            ) : p.orgState === 'active' ? (
              <Badge tone="green">Active</Badge>
            ) : (
              <Badge tone="red">Suspended</Badge>
            )}
          </DescriptionRow>
        </DescriptionList>
      </Card>
    </>
  );
}
