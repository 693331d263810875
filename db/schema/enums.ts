import { pgEnum } from 'drizzle-orm/pg-core';
import { PACKAGES } from '@/lib/domain/packages';
import { ROLES } from '@/lib/domain/roles';
import {
  API_SCOPES,
  AUTH_MODES,
  CUSTOMER_STATUSES,
  ORG_KINDS,
  ORG_STATES,
  PACKAGE_STATUSES,
  REPORT_STATUSES,
  REPORT_TYPES,
  SUBSCRIBER_STATUSES,
  TRIAL_SERVICES,
  TRIAL_STATUSES,
} from '@/lib/domain/statuses';

export const orgKind = pgEnum('org_kind', ORG_KINDS);
export const orgState = pgEnum('org_state', ORG_STATES);
export const role = pgEnum('role', ROLES);
export const packageId = pgEnum('package_id', PACKAGES);
export const customerStatus = pgEnum('customer_status', CUSTOMER_STATUSES);
export const packageStatus = pgEnum('package_status', PACKAGE_STATUSES);
export const subscriberKind = pgEnum('subscriber_kind', ['user', 'workspace']);
export const subscriberStatus = pgEnum('subscriber_status', SUBSCRIBER_STATUSES);
export const authMode = pgEnum('auth_mode', AUTH_MODES);
export const reportType = pgEnum('report_type', REPORT_TYPES);
export const reportStatus = pgEnum('report_status', REPORT_STATUSES);
export const trialStatus = pgEnum('trial_status', TRIAL_STATUSES);
export const trialService = pgEnum('trial_service', TRIAL_SERVICES);
export const apiScope = pgEnum('api_scope', API_SCOPES);
export const emailStatus = pgEnum('email_status', ['queued', 'sent', 'failed']);
