import type { OrgAccess } from './access';
import type { Decision } from './policy';

export type DenialReason = Exclude<Decision, { allowed: true }>['reason'];

/**
 * What a person refused a page can do next, from their relation to the org and the
 * reason (issue 17.9): a full admin cross-launched into an indirect provider is not
 * missing a role, so "ask a partner full administrator" would send them in a circle.
 */
export function denialNextStep(access: Pick<OrgAccess, 'org' | 'relation' | 'actingPartner'>, reason: DenialReason): string {
  const acting = access.actingPartner?.name;
  switch (reason) {
    case 'not_available_cross_launched':
      return `It is for ${access.org.name}'s own administrators. Go back to ${acting ?? 'your organisation'} to use yours.`;
    case 'restricted_by_partner':
      return 'Restricted by Partner Mode is on: ask your partner to make this change, or to turn the mode off.';
    case 'owner_suspended':
      return access.relation === 'own'
        ? 'Ask your parent partner to reactivate your organisation.'
        : `Reactivate it from ${acting ?? 'your organisation'}'s Indirect providers page first.`;
    case 'managed_through_api':
      return 'Make the change through the Wholesale API.';
    case 'forbidden':
    case 'read_only':
      if (access.relation !== 'own') return `Ask a partner full administrator of ${acting ?? 'your organisation'} if you need this access.`;
      return access.org.kind === 'customer'
        ? 'Ask a full administrator of your organisation if you need this access.'
        : 'Ask a partner full administrator of your organisation if you need this access.';
  }
}
