import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { EmptyState, Forbidden, PageHeader } from '@/components/ui/primitives';
import { getManagementOptions } from '@/lib/customer-view/get-management-options';
import { getCustomerStatus } from '@/lib/customer-view/get-customer-status';
import { listLocations } from '@/lib/locations/list-locations';
import { addressOneLine } from '@/lib/domain/address-format';
import { CUSTOMER_STATUS_LABELS, SERVICES_LIVE_STATUSES } from '@/lib/domain/statuses';
import { gatePage } from '@/lib/server/session';
import { SetupWizard } from './setup-wizard';

export const metadata: Metadata = { title: 'Set up customer' };

/** SPEC §4.4: for partner admins who may write in the customer's view. */
export default async function SetupPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'customerView.write', 'customer');
  if (gate.denied) return <Forbidden message={gate.denied} next={gate.next} />;
  const { access } = gate;
  const [locations, options, status] = await Promise.all([
    listLocations(getDb(), access),
    getManagementOptions(getDb(), access),
    getCustomerStatus(getDb(), access),
  ]);
  const live = !!status && SERVICES_LIVE_STATUSES.includes(status);
  const country = locations.find((l) => l.isHeadquarters)?.country ?? 'US';
  return (
    <>
      <PageHeader
        title="Set up customer"
        description={
          <>
            Locations, users and phone numbers of {access.org.name}.{' '}
            <Link href={`/o/${access.org.id}/users`} className="text-brand-700 underline">
              Back to users
            </Link>
          </>
        }
      />
      {!live || options.packages.length === 0 ? (
        <EmptyState title="Nothing to set up yet">
          {status
            ? `The customer is ${CUSTOMER_STATUS_LABELS[status].toLowerCase()}: users can be set up once its services are active.`
            : 'The customer has no wholesale services.'}
        </EmptyState>
      ) : (
        <SetupWizard
          orgId={access.org.id}
          customerName={access.org.name}
          country={country}
          packages={options.packages}
          initialLocations={locations.map((l) => ({
            id: l.id,
            name: l.name,
            isHeadquarters: l.isHeadquarters,
            address: addressOneLine(l),
          }))}
        />
      )}
    </>
  );
}
