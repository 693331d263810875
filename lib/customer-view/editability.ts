import type { OrgAccess } from '@/lib/auth/access';
import type { CustomerCapability } from '@/lib/auth/permissions';
import { DENIAL_MESSAGES, decide } from '@/lib/auth/policy';

export interface Editability {
  editable: boolean;
  /** Why not, in the policy's words (null when editable). */
  reason: string | null;
  /** One line for the section: "Read only: …" or that the viewer may change it. */
  note: string;
}

/**
 * Whether the viewer may change a customer-view section, decided by the policy
 * (role − RBPM, wholesale locks, partner roles when cross-launched).
 */
export function editability(access: OrgAccess, capability: CustomerCapability): Editability {
  const d = decide(access, capability);
  if (d.allowed) return { editable: true, reason: null, note: 'You can change this.' };
  // A customer full admin of a wholesale org is locked out by the product, not by their role.
  const reason =
    d.reason === 'read_only' && access.relation === 'own' && access.customerRoles.includes('customer_full_admin')
      ? 'Managed by your partner for wholesale organisations.'
      : DENIAL_MESSAGES[d.reason];
  const plain = (d.reason === 'read_only' && reason === DENIAL_MESSAGES.read_only) || d.reason === 'managed_through_api';
  return { editable: false, reason, note: plain ? reason : `Read only: ${reason}` };
}
