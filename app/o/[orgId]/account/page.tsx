import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getDb } from '@/db/client';
import { CopyValue } from '@/components/ui/copy-button';
import { Badge, Card, Forbidden, PageHeader } from '@/components/ui/primitives';
import { customerStatusTone } from '@/lib/customers/status-tone';
import { editability } from '@/lib/customer-view/editability';
import { getCustomerProfile } from '@/lib/customer-view/get-customer-profile';
import { CUSTOMER_STATUS_LABELS } from '@/lib/domain/statuses';
import { gatePage } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Account' };

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2.5 sm:grid-cols-3">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-sm sm:col-span-2">{children}</dd>
    </div>
  );
}

export default async function AccountPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'cv.read', 'customer');
  if (gate.denied) return <Forbidden message={gate.denied} />;
  const p = await getCustomerProfile(getDb(), gate.access);
  const companyName = editability(gate.access, 'cv.account.edit');

  return (
    <>
      <PageHeader title="Account" description="Company details of the organisation." />
      <Card title="Company">
        <dl className="divide-y divide-slate-100" data-testid="account-details">
          <Row label="Company name">
            <span className="font-medium" data-testid="company-name">{p.name}</span>
            <span className="mt-1 block text-xs text-slate-600" data-testid="company-name-editability">{companyName.note}</span>
          </Row>
          <Row label="Org ID"><CopyValue value={p.orgId} label="org ID" /></Row>
          <Row label="External ID">{p.customer ? <span className="font-mono text-xs">{p.customer.externalId}</span> : '—'}</Row>
          <Row label="Managing partner">{p.customer?.partner.name ?? '—'}</Row>
          <Row label="Status">
            {p.customer
              ? <Badge tone={customerStatusTone(p.customer.status)}>{CUSTOMER_STATUS_LABELS[p.customer.status]}</Badge>
              : p.orgState === 'active' ? <Badge tone="green">Active</Badge> : <Badge tone="red">Suspended</Badge>}
          </Row>
        </dl>
      </Card>
    </>
  );
}
