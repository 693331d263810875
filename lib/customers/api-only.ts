// SPEC §8.3: once an existing org is attached through the API, its partner manages it
// through the API only. The rule itself is the policy's (managedThroughApiOnly); this is
// how a service refuses a portal write on the customer record with the policy's words.
import type { OrgAccess } from '@/lib/auth/access';
import { DENIAL_MESSAGES, managedThroughApiOnly } from '@/lib/auth/policy';
import { ConflictError } from '@/lib/platform/errors';

export const MANAGED_THROUGH_API = DENIAL_MESSAGES.managed_through_api;

export function assertManagedHere(access: OrgAccess, customer: { attached: boolean }): void {
  if (managedThroughApiOnly(access, customer)) throw new ConflictError(MANAGED_THROUGH_API, { _form: [MANAGED_THROUGH_API] }, 10114);
}
