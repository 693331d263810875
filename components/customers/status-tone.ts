import type { BadgeTone } from '@/components/ui/primitives';
import type { CustomerStatus } from '@/lib/domain/statuses';

/** Badge colour of a customer status: green live, red broken, gray gone, amber in between. */
export function customerStatusTone(s: CustomerStatus): BadgeTone {
  if (s === 'provisioned') return 'green';
  if (s === 'error' || s === 'suspended') return 'red';
  if (s === 'deprovisioned') return 'gray';
  return 'amber';
}
