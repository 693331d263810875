// The webhook event catalogue (SPEC §8.4). Client-safe: the endpoint form lists these.
export const WEBHOOK_EVENT_TYPES = [
  'customer.status_changed',
  'customer.deleted',
  'subscriber.created',
  'subscriber.updated',
  'subscriber.deleted',
  'billing_report.completed',
  'billing_report.failed',
  'trial.status_changed',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  'customer.status_changed': 'A customer changed status (with the old and the new status).',
  'customer.deleted': 'A customer’s wholesale services were removed.',
  'subscriber.created': 'A user or workspace was added to a customer.',
  'subscriber.updated': 'A subscriber’s package, names or phone number changed.',
  'subscriber.deleted': 'A subscriber was removed.',
  'billing_report.completed': 'A billing report is ready to download.',
  'billing_report.failed': 'A billing report failed to generate.',
  'trial.status_changed': 'A trial changed status.',
};
