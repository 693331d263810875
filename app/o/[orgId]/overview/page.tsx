import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { Badge, Card, Forbidden, PageHeader, Stat } from '@/components/ui/primitives';
import { PACKAGE_INFO, PACKAGES } from '@/lib/domain/packages';
import { CUSTOMER_STATUS_LABELS, CUSTOMER_STATUSES } from '@/lib/domain/statuses';
import { getPartnerOverview } from '@/lib/overview/get-partner-overview';
import { gatePage } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'org.read', 'partner');
  if (gate.denied) return <Forbidden message={gate.denied} />;
  const o = await getPartnerOverview(getDb(), gate.access);
  const base = `/o/${orgId}`;
  return (
    <>
      <PageHeader title="Overview" description={`${gate.access.org.name} at a glance.`} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Customers" value={o.totalCustomers} href={`${base}/customers`} />
        <Stat label="Active seats" value={o.totalActiveSeats} />
        <Stat label="Onboarding templates" value={o.templates} />
        <Stat label="Indirect providers" value={o.subPartners} />
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card title="Customers by status">
          {o.totalCustomers === 0 ? <p className="text-sm text-slate-600">No customers yet.</p> : (
            <ul className="divide-y divide-slate-100" data-testid="customers-by-status">
              {CUSTOMER_STATUSES.filter((s) => o.customersByStatus[s]).map((s) => (
                <li key={s} className="flex justify-between py-2 text-sm">
                  <Badge tone={s === 'provisioned' ? 'green' : s === 'error' || s === 'suspended' ? 'red' : s === 'deprovisioned' ? 'gray' : 'amber'}>{CUSTOMER_STATUS_LABELS[s]}</Badge>
                  <span className="tabular-nums">{o.customersByStatus[s]}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Active seats by package">
          {o.totalActiveSeats === 0 ? <p className="text-sm text-slate-600">No active seats.</p> : (
            <ul className="divide-y divide-slate-100">
              {PACKAGES.filter((p) => o.activeSeatsByPackage[p]).map((p) => (
                <li key={p} className="flex justify-between py-2 text-sm"><span>{PACKAGE_INFO[p].name}</span><span className="tabular-nums">{o.activeSeatsByPackage[p]}</span></li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
