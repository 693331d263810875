// SPEC §4.1 and §8: customer, package and report statuses.
export const CUSTOMER_STATUSES = [
  'provisioning',
  'provisioned',
  'provisioned_with_errors',
  'updating',
  'deleting',
  'error',
  'pending_rpl_review',
  'pending_customer_approval',
  'suspended',
  'deprovisioned',
] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export const CUSTOMER_STATUS_LABELS: Record<CustomerStatus, string> = {
  provisioning: 'Provisioning',
  provisioned: 'Active',
  provisioned_with_errors: 'Active with errors',
  updating: 'Updating',
  deleting: 'Deleting',
  error: 'Error',
  pending_rpl_review: 'Pending compliance review',
  pending_customer_approval: 'Pending customer approval',
  suspended: 'Suspended',
  deprovisioned: 'Deprovisioned',
};

export const PACKAGE_STATUSES = ['provisioning', 'provisioned', 'deleting', 'error'] as const;
export type PackageStatus = (typeof PACKAGE_STATUSES)[number];

export const SUBSCRIBER_STATUSES = ['provisioning', 'provisioned', 'error', 'removed'] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];

export const REPORT_TYPES = ['PARTNER', 'CUSTOMER', 'USER'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];
export const REPORT_STATUSES = ['IN_PROGRESS', 'COMPLETED', 'FAILED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const ORG_KINDS = ['partner', 'sub_partner', 'customer'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_STATES = ['active', 'suspended'] as const;
export type OrgState = (typeof ORG_STATES)[number];

// SPEC §9, verbatim.
export const TRIAL_STATUSES = [
  'pending_consent',
  'pending_provisioning_details',
  'active',
  'expired_grace',
  'ended',
  'converted',
  'cancelled',
] as const;
export type TrialStatus = (typeof TRIAL_STATUSES)[number];
export const TRIAL_SERVICES = ['meetings', 'messaging', 'calling', 'devices'] as const;
export type TrialService = (typeof TRIAL_SERVICES)[number];

export const AUTH_MODES = ['webex', 'saml', 'oidc'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

export const API_SCOPES = [
  'wholesale_customers_read',
  'wholesale_customers_write',
  'wholesale_subscribers_read',
  'wholesale_subscribers_write',
  'wholesale_billing_reports_read',
  'wholesale_billing_reports_write',
  'wholesale_sub_partners_read',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** Customers whose services are live: only these get users and package changes (billing). */
export const SERVICES_LIVE_STATUSES: readonly CustomerStatus[] = ['provisioned', 'provisioned_with_errors'];
