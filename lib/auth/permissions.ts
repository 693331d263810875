// SPEC §1.2 as data. The policy module reads this table; nothing else decides who may do what.
import type { CustomerRole, PartnerRole } from '@/lib/domain/roles';

/** 'all' = on every customer of the org; 'own' = only on customers the admin created. */
export type Grant = 'all' | 'own';

export interface PartnerRule {
  /** Roles that grant the capability, each with its reach. */
  grants?: Partial<Record<PartnerRole, Grant>>;
  /** Roles that must ALL be held (e.g. Indirect providers needs full + wholesale). */
  requiresAll?: readonly PartnerRole[];
  /** Only for wholesale or only for non-wholesale partners. */
  partnerKind?: 'wholesale' | 'non_wholesale';
  /** Screens that say "Not available when cross-launched" (SPEC §6.2). */
  unavailableCrossLaunched?: boolean;
  /** Only on a top-level partner org: sub-partners are one level deep and never have their own. */
  topLevelPartnerOnly?: boolean;
  /**
   * Roles whose grant holds only at non-wholesale partners, i.e. on trials (SPEC §1.2
   * "(write, trials)"): sales roles never manage wholesale customers.
   */
  trialsOnlyRoles?: readonly PartnerRole[];
  /**
   * Still allowed while the org that owns the data (the partner/sub-partner, or the
   * customer's owner) is suspended. Everything else is refused then (SPEC §8: a
   * suspended sub-partner can only delete customers — and read).
   */
  allowedWhileOwnerSuspended?: boolean;
}

const FULL_WHOLESALE = { partner_full_admin: 'all', wholesale_admin: 'all' } as const;
const EVERY_PARTNER_ROLE = {
  partner_full_admin: 'all',
  wholesale_admin: 'all',
  partner_readonly_admin: 'all',
  sales_full_admin: 'all',
  sales_admin: 'own',
} as const;

const READ = { allowedWhileOwnerSuspended: true } as const;

export const PARTNER_PERMISSIONS = {
  /** See the org's overview, customers, templates. */
  'org.read': { grants: EVERY_PARTNER_ROLE, ...READ },
  'customers.read': { grants: EVERY_PARTNER_ROLE, ...READ },
  'templates.read': { grants: EVERY_PARTNER_ROLE, ...READ },
  'templates.write': { grants: FULL_WHOLESALE },
  /** Create a wholesale customer, set it up, manage its users. */
  'customers.write': { grants: FULL_WHOLESALE },
  /** Delete a customer (SPEC §4.5): the one write a suspended indirect provider keeps. */
  'customers.delete': { grants: FULL_WHOLESALE, allowedWhileOwnerSuspended: true },
  /** Open a customer's view (cross-launch) — read only for some roles. */
  'customerView.open': {
    grants: { ...FULL_WHOLESALE, partner_readonly_admin: 'all', sales_full_admin: 'all', sales_admin: 'own' },
    ...READ,
  },
  'customerView.write': {
    grants: { ...FULL_WHOLESALE, sales_full_admin: 'all', sales_admin: 'own' },
    trialsOnlyRoles: ['sales_full_admin', 'sales_admin'],
  },
  'customers.rbpm': { grants: FULL_WHOLESALE },
  /** Indirect providers tab, cross-launch into a sub-partner, search sub-partners' customers. */
  'subPartners.access': { requiresAll: ['partner_full_admin', 'wholesale_admin'], topLevelPartnerOnly: true },
  /** Set up, suspend and reactivate sub-partners (SPEC §6.4). */
  'subPartners.manage': { requiresAll: ['partner_full_admin', 'wholesale_admin'], partnerKind: 'wholesale', topLevelPartnerOnly: true },
  'billing.reports.write': { grants: FULL_WHOLESALE, unavailableCrossLaunched: true },
  'billing.reports.read': {
    grants: { ...FULL_WHOLESALE, partner_readonly_admin: 'all' },
    unavailableCrossLaunched: true,
    ...READ,
  },
  'admins.manage': { grants: { partner_full_admin: 'all' } },
  'apiTokens.manage': { grants: { partner_full_admin: 'all' }, unavailableCrossLaunched: true },
  /** Settings → Webhooks (SPEC §8.4): endpoints, secrets, the delivery log, Redeliver. */
  'webhooks.manage': { grants: { partner_full_admin: 'all' }, unavailableCrossLaunched: true },
  'branding.manage': { grants: { partner_full_admin: 'all' } },
  /** Trials screen and trial sections: our decision where the SPEC is silent — read-only admins see, never change. */
  'trials.read': {
    grants: { partner_full_admin: 'all', partner_readonly_admin: 'all', sales_full_admin: 'all', sales_admin: 'own' },
    partnerKind: 'non_wholesale',
    unavailableCrossLaunched: true,
  },
  'trials.manage': {
    grants: { sales_full_admin: 'all', sales_admin: 'own' },
    partnerKind: 'non_wholesale',
    unavailableCrossLaunched: true,
  },
  /** Activity (audit log) page — our decision where the SPEC is silent: admins who may see everything. */
  'activity.read': { grants: { ...FULL_WHOLESALE, partner_readonly_admin: 'all' }, ...READ },
  /** Analytics screen (issue 15; SPEC §6.2 lists it as not available cross-launched). */
  'analytics.read': { grants: { ...FULL_WHOLESALE, partner_readonly_admin: 'all' }, unavailableCrossLaunched: true, ...READ },
} as const satisfies Record<string, PartnerRule>;

export type PartnerCapability = keyof typeof PARTNER_PERMISSIONS;

/**
 * Customer-view capabilities (SPEC §5.2). `rbpm: true` marks what Restricted by Partner
 * Mode takes away from customer admins; `wholesaleLocked: true` is read-only for
 * customer admins of wholesale orgs regardless of RBPM. Partner admins are never restricted.
 */
export interface CustomerRule {
  roles: readonly CustomerRole[];
  rbpm?: boolean;
  wholesaleLocked?: boolean;
}

const FULL: readonly CustomerRole[] = ['customer_full_admin'];

export const CUSTOMER_PERMISSIONS = {
  'cv.read': { roles: ['customer_full_admin', 'customer_readonly_admin'] },
  /** Add/edit users manually or by CSV, claim, auto-assign, directory sync, reset/change package, services. */
  'cv.users.manage': { roles: FULL, rbpm: true },
  /** First/last/display name and primary e-mail stay editable under RBPM. */
  'cv.users.editNames': { roles: FULL },
  'cv.users.primaryNumber': { roles: FULL, rbpm: true },
  'cv.account.edit': { roles: FULL, rbpm: true },
  'cv.orgSettings.domain': { roles: FULL, rbpm: true },
  'cv.orgSettings.email': { roles: FULL, rbpm: true },
  'cv.orgSettings.sso': { roles: FULL, rbpm: true },
  'cv.calling.behaviour': { roles: FULL, rbpm: true },
  'cv.calling.callPriority': { roles: FULL, rbpm: true, wholesaleLocked: true },
  'cv.locations.manage': { roles: FULL },
  'cv.locations.callingSetup': { roles: FULL, wholesaleLocked: true },
  'cv.locations.pstn': { roles: FULL, rbpm: true, wholesaleLocked: true },
  'cv.phoneNumbers.manage': { roles: FULL, wholesaleLocked: true },
  'cv.services.manage': { roles: FULL, rbpm: true },
  /** Accept or decline a partner's trial request (SPEC §9) — the customer's own full admins only. */
  'cv.trials.answer': { roles: FULL },
  /** Approve or decline a partner's request to attach wholesale services (SPEC §8.3) — the org's own full admins only. */
  'cv.attach.answer': { roles: FULL },
  /** Override the partner's branding in Organisation settings (SPEC §10). */
  'cv.branding': { roles: FULL, rbpm: true },
} as const satisfies Record<string, CustomerRule>;

export type CustomerCapability = keyof typeof CUSTOMER_PERMISSIONS;
export type Capability = PartnerCapability | CustomerCapability;

export const isPartnerCapability = (c: Capability): c is PartnerCapability => c in PARTNER_PERMISSIONS;
