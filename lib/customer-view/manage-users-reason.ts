import type { Decision } from '@/lib/auth/policy';
import { DENIAL_MESSAGES } from '@/lib/auth/policy';

/**
 * Why users or workspaces can't be added or changed here, for the note next to the
 * missing Add button (issue 17.9: a hidden button says why). Null when allowed.
 */
export function manageUsersReason(decision: Decision, what: 'user management' | 'adding workspaces'): string | null {
  if (decision.allowed) return null;
  return decision.reason === 'restricted_by_partner'
    ? `Your partner has restricted ${what} (Restricted by Partner Mode is on). Ask your partner to make the change.`
    : DENIAL_MESSAGES[decision.reason];
}
