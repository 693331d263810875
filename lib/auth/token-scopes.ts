// API token scopes (SPEC §8, §8.1) mapped onto the capabilities of the one permission
// table. A token acts as its org with the roles a partner full + wholesale admin holds,
// cut down to the capabilities its scopes allow: policy.decide() still decides the rest
// (relation, cross-launch, partner kind), so the two doors cannot disagree.
import type { PartnerRole } from '@/lib/domain/roles';
import { API_SCOPES, type ApiScope } from '@/lib/domain/statuses';
import type { Capability } from './permissions';
import { decide, DENIAL_MESSAGES, type AccessSubject, type Decision } from './policy';

export const SCOPE_CAPABILITIES: Record<ApiScope, readonly Capability[]> = {
  wholesale_customers_read: ['org.read', 'customers.read', 'templates.read'],
  wholesale_customers_write: ['customers.write', 'customers.delete'],
  // customerView.open: reading subscribers across the org's customers (the partner-level list).
  wholesale_subscribers_read: ['cv.read', 'customerView.open'],
  wholesale_subscribers_write: ['cv.users.manage'],
  wholesale_billing_reports_read: ['billing.reports.read'],
  wholesale_billing_reports_write: ['billing.reports.write'],
  wholesale_sub_partners_read: ['subPartners.access'],
};

export const SCOPE_LABELS: Record<ApiScope, string> = {
  wholesale_customers_read: 'Read customers',
  wholesale_customers_write: 'Create, change and delete customers',
  wholesale_subscribers_read: 'Read subscribers',
  wholesale_subscribers_write: 'Add, change and remove subscribers',
  wholesale_billing_reports_read: 'Read and download billing reports',
  wholesale_billing_reports_write: 'Create and delete billing reports',
  wholesale_sub_partners_read: 'Read indirect providers (sub-partners)',
};

/** The roles a token's org grants it (only full admins create tokens). */
export const TOKEN_PARTNER_ROLES: readonly PartnerRole[] = ['partner_full_admin', 'wholesale_admin'];

/** The scope that grants a capability (each capability belongs to one scope). */
export function scopeFor(capability: Capability): ApiScope | null {
  return API_SCOPES.find((s) => SCOPE_CAPABILITIES[s].includes(capability)) ?? null;
}

export type TokenDecision = Decision | { allowed: false; reason: 'missing_scope'; scope: ApiScope | null };

/** The scope check first (403 naming the scope), then the same policy as for people. */
export function decideToken(subject: AccessSubject, scopes: readonly ApiScope[], capability: Capability): TokenDecision {
  const scope = scopeFor(capability);
  if (!scope || !scopes.includes(scope)) return { allowed: false, reason: 'missing_scope', scope };
  return decide(subject, capability);
}

export function tokenDenialMessage(d: Exclude<TokenDecision, { allowed: true }>): string {
  if (d.reason === 'missing_scope')
    return d.scope ? `This token lacks the scope ${d.scope}.` : 'This operation is not available to API tokens.';
  return DENIAL_MESSAGES[d.reason];
}
