// SPEC §8.3: once an existing org is attached through the API, further management is
// API-only. The portal shows "Managed through the API" instead of the actions; this
// guard makes the services say the same if a portal call arrives anyway.
import type { OrgAccess } from '@/lib/auth/access';
import { ConflictError } from '@/lib/platform/errors';

export const MANAGED_THROUGH_API = 'Managed through the API: this organisation was attached with the Wholesale API, so it is set up, retried and deleted there.';

export function assertManagedHere(access: OrgAccess, customer: { attached: boolean }): void {
  if (customer.attached && !access.actor.apiTokenId) throw new ConflictError(MANAGED_THROUGH_API, undefined, 10114);
}
