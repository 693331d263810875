// Job names and payloads. Handlers are keyed by entity id so running one twice is harmless.
export const QUEUES = {
  deliverEmail: 'outbox-deliver',
  sweepOutbox: 'outbox-sweep',
  provisionCustomer: 'customer-provision',
  sweepCustomers: 'customers-sweep',
  generateReport: 'billing-report-generate',
  sweepReports: 'billing-report-sweep',
  expireReports: 'billing-report-expire',
  sweepTrials: 'trials-sweep',
  deliverWebhook: 'webhook-deliver',
  sweepWebhooks: 'webhook-sweep',
  sweepIdempotencyKeys: 'api-idempotency-sweep',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  'outbox-deliver': { emailId: string };
  'outbox-sweep': Record<string, never>;
  'customer-provision': { customerId: string };
  'customers-sweep': Record<string, never>;
  'billing-report-generate': { reportId: string };
  'billing-report-sweep': Record<string, never>;
  'billing-report-expire': Record<string, never>;
  'trials-sweep': Record<string, never>;
  'webhook-deliver': { deliveryId: string };
  'webhook-sweep': Record<string, never>;
  'api-idempotency-sweep': Record<string, never>;
}

/**
 * pg-boss queue policies. 'stately' keeps at most one queued and one running job per
 * singletonKey, so enqueueing a customer's provisioning twice (create, retry, sweep)
 * never stacks up duplicate work.
 */
export const QUEUE_POLICIES: Partial<Record<QueueName, 'standard' | 'stately'>> = {
  'customer-provision': 'stately',
  'billing-report-generate': 'stately',
  // Keyed by e-mail id: a re-enqueue by the sweep never queues a second delivery.
  'outbox-deliver': 'stately',
  // Keyed by delivery id; the attempt itself also takes a lease on the row (see lib/webhooks/deliver.ts).
  'webhook-deliver': 'stately',
};

/** What services need from the queue: enqueue only. */
export interface JobSender {
  send<Q extends QueueName>(queue: Q, data: JobPayloads[Q], options?: { singletonKey?: string; startAfter?: Date }): Promise<void>;
  /** Many jobs of one queue in one round trip (batch writers); callers fall back to send() without it. */
  sendMany?<Q extends QueueName>(queue: Q, jobs: { data: JobPayloads[Q]; singletonKey?: string }[]): Promise<void>;
}
