import type { BadgeTone } from '@/components/ui/primitives';
import type { CustomerStatus } from '@/lib/domain/statuses';

type PackageStatus = 'provisioned' | 'provisioning' | 'deleting' | 'error';

/**
 * What a customer's package is shown as. It is derived from the package row *and* the
 * customer's status, so the panel never contradicts itself: a deprovisioned customer's
 * packages are gone (not "Active"), and a package left at 'provisioning' by a job that has
 * stopped (customer in Error, suspended, under review) is "Not enabled", not "Provisioning".
 */
export function packageDisplay(customer: CustomerStatus, pkg: PackageStatus): { label: string; tone: BadgeTone } {
  if (customer === 'deprovisioned') return { label: 'Removed', tone: 'gray' };
  if (pkg === 'provisioned') return { label: 'Active', tone: 'green' };
  if (pkg === 'error') return { label: 'Error', tone: 'red' };
  if (pkg === 'deleting')
    return customer === 'updating' || customer === 'deleting'
      ? { label: 'Removing', tone: 'amber' }
      : { label: 'Not removed', tone: 'red' };
  // 'provisioning': only true while a job works on the customer.
  return customer === 'provisioning' || customer === 'updating'
    ? { label: 'Provisioning', tone: 'amber' }
    : { label: 'Not enabled', tone: 'gray' };
}
