// The trial form's fixed lists, zod-free so client components show them without loading
// the schemas (components/ui/lazy-zod-resolver.ts); trial-schema re-exports them.
import type { TRIAL_SERVICES } from '@/lib/domain/statuses';

export const BUSINESS_VERTICALS = [
  'Education',
  'Financial services',
  'Government',
  'Healthcare',
  'Hospitality',
  'Legal',
  'Manufacturing',
  'Non-profit',
  'Professional services',
  'Retail',
  'Technology',
  'Other',
] as const;

/** The device catalogue offered for trial shipments. */
export const TRIAL_DEVICES = [
  'Webex Desk Pro',
  'Webex Desk Mini',
  'Webex Room Kit Mini',
  'Webex Board 55',
  'Cisco 8851 IP Phone',
  'Cisco 730 Headset',
] as const;

export const TRIAL_SERVICE_LABELS: Record<(typeof TRIAL_SERVICES)[number], string> = {
  meetings: 'Meetings (Enterprise Edition)',
  messaging: 'Messaging',
  calling: 'Calling',
  devices: 'Devices',
};
