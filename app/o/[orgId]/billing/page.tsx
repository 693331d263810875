import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { Badge, Card, EmptyState, Forbidden, PageHeader } from '@/components/ui/primitives';
import { DataTable, Td } from '@/components/ui/table';
import { getBillingSubscriptions } from '@/lib/billing/get-billing-subscriptions';
import { PACKAGE_INFO } from '@/lib/domain/packages';
import { formatDate } from '@/lib/format';
import { gatePage } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Billing' };

export default async function BillingPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  // Cross-launched into a sub-partner this is denied with "Not available when cross-launched." (SPEC §6.2).
  const gate = await gatePage(orgId, 'billing.reports.read', 'partner');
  if (gate.denied) return <Forbidden message={gate.denied} />;
  const subs = await getBillingSubscriptions(getDb(), gate.access);
  const isSub = gate.access.org.kind === 'sub_partner';

  return (
    <>
      <PageHeader title="Billing" description="Wholesale subscriptions and billing reconciliation reports." />
      <div className="grid gap-6">
        <Card title={isSub ? 'Shared wholesale subscription' : 'Wholesale subscriptions'}>
          {isSub && <p className="mb-4 text-sm text-slate-600">Your customers are billed on your parent partner&apos;s subscription shared with you.</p>}
          {subs.length === 0 ? (
            <EmptyState title="No wholesale subscription">{isSub ? 'No subscription has been shared with this organisation.' : 'This organisation has no wholesale subscription.'}</EmptyState>
          ) : (
            <ul className="grid gap-4" data-testid="subscriptions">
              {subs.map((s) => (
                <li key={s.id} className="rounded-md border border-slate-200 p-4">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h3 className="font-mono text-sm font-semibold">{s.id}</h3>
                    <p className="text-sm text-slate-600">
                      Since {formatDate(s.createdAt)} · {s.customers} {s.customers === 1 ? 'customer' : 'customers'}
                      {s.shared && <> · <Badge tone="blue">Shared by parent</Badge></>}
                    </p>
                  </div>
                  <DataTable variant="compact" className="mt-3" caption={`Packages of subscription ${s.id}`} columns={['Package', 'SKU']}>
                    {s.packages.map((p) => (
                      <tr key={p}><Td compact valign="middle">{PACKAGE_INFO[p].name}</Td><Td compact valign="middle" className="font-mono text-xs">{PACKAGE_INFO[p].sku}</Td></tr>
                    ))}
                  </DataTable>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Billing reports">
          <p className="text-sm text-slate-600">Generating and downloading billing reconciliation reports arrives with the billing feature; nothing can be requested from this page yet.</p>
        </Card>
      </div>
    </>
  );
}
