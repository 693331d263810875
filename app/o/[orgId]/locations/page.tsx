import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { Badge, EmptyState, Forbidden, PageHeader } from '@/components/ui/primitives';
import { Dash, DataTable, Td } from '@/components/ui/table';
import { listLocations } from '@/lib/locations/list-locations';
import { PostalAddress } from '@/components/address/postal-address';
import { localeName } from '@/lib/domain/locale-names';
import { decide, DENIAL_MESSAGES } from '@/lib/auth/policy';
import { gatePage } from '@/lib/server/session';
import { AddLocationButton } from './add-location-button';

export const metadata: Metadata = { title: 'Locations' };

export default async function LocationsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'cv.read', 'customer');
  if (gate.denied) return <Forbidden message={gate.denied} next={gate.next} />;
  const rows = await listLocations(getDb(), gate.access);
  const add = decide(gate.access, 'cv.locations.manage');
  const canAdd = add.allowed;
  const country = rows.find((l) => l.isHeadquarters)?.country ?? '';

  return (
    <>
      <PageHeader title="Locations" description="Sites of the organisation; the headquarters carries the company address." />
      {!add.allowed && add.reason === 'managed_through_api' && (
        <p className="mb-4 text-sm text-slate-600" data-testid="managed-through-api">
          {DENIAL_MESSAGES.managed_through_api}
        </p>
      )}
      {canAdd && (
        <div className="mb-4">
          <AddLocationButton orgId={gate.access.org.id} country={country} />
        </div>
      )}
      {rows.length === 0 ? (
        <EmptyState title="No locations yet">
          {canAdd ? 'Add the first site with Add location above.' : 'Locations are added when the organisation is set up.'}
        </EmptyState>
      ) : (
        <DataTable
          caption="Locations"
          testId="locations-table"
          columns={['Name', 'Address', 'Time zone', 'Language', { label: 'Users and workspaces', align: 'right' }]}
        >
          {rows.map((l) => (
            <tr key={l.id}>
              <Td>
                <span className="font-medium">{l.name}</span>
                {l.isHeadquarters && (
                  <span className="ml-2">
                    <Badge tone="blue">HQ</Badge>
                  </span>
                )}
              </Td>
              <Td>
                <PostalAddress address={l} />
              </Td>
              <Td>{l.timeZone ?? <Dash />}</Td>
              <Td>{l.language ? localeName(l.language) : <Dash />}</Td>
              <Td className="text-right tabular-nums">{l.subscribers}</Td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
