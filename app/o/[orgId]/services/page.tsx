import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { Badge, Card, EmptyState, Forbidden, PageHeader, type BadgeTone } from '@/components/ui/primitives';
import { editability } from '@/lib/customer-view/editability';
import { getCustomerProfile } from '@/lib/customer-view/get-customer-profile';
import { PACKAGE_INFO } from '@/lib/domain/packages';
import type { PackageStatus } from '@/lib/domain/statuses';
import { formatDate } from '@/lib/format';
import { gatePage } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Services' };

const STATUS: Record<PackageStatus, { label: string; tone: BadgeTone }> = {
  provisioning: { label: 'Provisioning', tone: 'amber' },
  provisioned: { label: 'Active', tone: 'green' },
  deleting: { label: 'Removing', tone: 'gray' },
  error: { label: 'Error', tone: 'red' },
};
const th = 'px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600';
const td = 'px-4 py-3 align-top';

export default async function ServicesPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'cv.read', 'customer');
  if (gate.denied) return <Forbidden message={gate.denied} />;
  const p = await getCustomerProfile(getDb(), gate.access);
  const manage = editability(gate.access, 'cv.services.manage');

  return (
    <>
      <PageHeader title="Services" description="The packages your organisation subscribes to, and service migrations." />
      <div className="grid gap-6">
        <Card title="Packages">
          {p.packages.length === 0 ? (
            <EmptyState title="No packages">This organisation has no wholesale packages.</EmptyState>
          ) : (
            <div className="overflow-x-auto">
              <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="packages-table">
                <caption className="sr-only">Packages</caption>
                <thead>
                  <tr>
                    <th scope="col" className={th}>Package</th>
                    <th scope="col" className={th}>Status</th>
                    <th scope="col" className={th}>Notes</th>
                    <th scope="col" className={th}>Updated</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {p.packages.map((k) => (
                    <tr key={k.package}>
                      <td className={td}>
                        <span className="font-medium">{PACKAGE_INFO[k.package].name}</span>
                        <span className="block text-xs text-slate-500">{PACKAGE_INFO[k.package].description}</span>
                      </td>
                      <td className={td}><Badge tone={STATUS[k.status].tone}>{STATUS[k.status].label}</Badge></td>
                      <td className={td}>
                        {[k.errors && `${k.errors} ${k.errors === 1 ? 'error' : 'errors'}`, k.warnings && `${k.warnings} ${k.warnings === 1 ? 'warning' : 'warnings'}`].filter(Boolean).join(', ') || <span className="text-slate-400">—</span>}
                      </td>
                      <td className={`${td} whitespace-nowrap`}>{formatDate(k.updatedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
        <Card title="Migrations and connected UC">
          <p data-testid="services-editability" className={`text-sm ${manage.editable ? 'text-slate-600' : 'text-amber-800'}`}>{manage.note}</p>
        </Card>
      </div>
    </>
  );
}
