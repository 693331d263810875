import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { EditabilityNote } from '@/components/customer-view/editability-note';
import { Badge, Card, EmptyState, Forbidden, PageHeader, type BadgeTone } from '@/components/ui/primitives';
import { Dash, DataTable, Td } from '@/components/ui/table';
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

export default async function ServicesPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'cv.read', 'customer');
  if (gate.denied) return <Forbidden message={gate.denied} next={gate.next} />;
  const p = await getCustomerProfile(getDb(), gate.access);
  const manage = editability(gate.access, 'cv.services.manage');

  return (
    <>
      <PageHeader title="Services" description="The packages your organisation subscribes to, and service migrations." />
      <div className="grid gap-6">
        <Card title="Packages">
          {p.packages.length === 0 ? (
            <EmptyState title="No packages">
              {p.customer
                ? `Packages are assigned by ${p.customer.partner.name}: ask them to add the services you need.`
                : 'This organisation has no wholesale packages.'}
            </EmptyState>
          ) : (
            <DataTable variant="inset" caption="Packages" testId="packages-table" columns={['Package', 'Status', 'Notes', 'Updated']}>
              {p.packages.map((k) => (
                <tr key={k.package}>
                  <Td>
                    <span className="font-medium">{PACKAGE_INFO[k.package].name}</span>
                    <span className="block text-xs text-slate-500">{PACKAGE_INFO[k.package].description}</span>
                  </Td>
                  <Td>
                    <Badge tone={STATUS[k.status].tone}>{STATUS[k.status].label}</Badge>
                  </Td>
                  <Td>
                    {[
                      k.errors && `${k.errors} ${k.errors === 1 ? 'error' : 'errors'}`,
                      k.warnings && `${k.warnings} ${k.warnings === 1 ? 'warning' : 'warnings'}`,
                    ]
                      .filter(Boolean)
                      .join(', ') || <Dash />}
                  </Td>
                  <Td className="whitespace-nowrap">{formatDate(k.updatedAt)}</Td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>
        <Card title="Migrations and connected UC">
          <p className="text-sm text-slate-700" data-testid="services-state">
            No service migration is in progress and no unified-communications system is connected to {p.name}.
          </p>
          {/* Only a restriction is worth a line: an editable note with nothing to edit said nothing (issue 17.8). */}
          {!manage.editable && <EditabilityNote editability={manage} id="services" className="mt-2" />}
        </Card>
      </div>
    </>
  );
}
