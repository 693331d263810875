import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { Badge, EmptyState, Forbidden, PageHeader } from '@/components/ui/primitives';
import { listLocations } from '@/lib/customer-view/list-locations';
import { COUNTRIES } from '@/lib/domain/countries';
import { gatePage } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Locations' };

const th = 'px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600';
const td = 'px-4 py-3 align-top';
const dash = <span className="text-slate-400">—</span>;

export default async function LocationsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'cv.read', 'customer');
  if (gate.denied) return <Forbidden message={gate.denied} />;
  const rows = await listLocations(getDb(), gate.access);

  return (
    <>
      <PageHeader title="Locations" description="Sites of the organisation; the headquarters carries the company address." />
      {rows.length === 0 ? (
        <EmptyState title="No locations yet">Locations are added when the organisation is set up.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="locations-table">
            <caption className="sr-only">Locations</caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={th}>Name</th>
                <th scope="col" className={th}>Address</th>
                <th scope="col" className={th}>Time zone</th>
                <th scope="col" className={th}>Language</th>
                <th scope="col" className={`${th} text-right`}>Users and workspaces</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((l) => (
                <tr key={l.id}>
                  <td className={td}>
                    <span className="font-medium">{l.name}</span>
                    {l.isHeadquarters && <span className="ml-2"><Badge tone="blue">HQ</Badge></span>}
                  </td>
                  <td className={td}>
                    <address className="not-italic">
                      {l.addressLine1}{l.addressLine2 && <>, {l.addressLine2}</>}<br />
                      {[l.postalCode, l.city, l.stateOrProvince].filter(Boolean).join(' ')}<br />
                      {COUNTRIES[l.country]?.name ?? l.country}
                    </address>
                  </td>
                  <td className={td}>{l.timeZone ?? dash}</td>
                  <td className={td}>{l.language ?? dash}</td>
                  <td className={`${td} text-right tabular-nums`}>{l.subscribers}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
