// Job names and payloads. Handlers are keyed by entity id so running one twice is harmless.
export const QUEUES = {
  deliverEmail: 'outbox-deliver',
  sweepOutbox: 'outbox-sweep',
  generateReport: 'billing-report-generate',
  sweepReports: 'billing-report-sweep',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  'outbox-deliver': { emailId: string };
  'outbox-sweep': Record<string, never>;
  'billing-report-generate': { reportId: string };
  'billing-report-sweep': Record<string, never>;
}

/** What services need from the queue: enqueue only. */
export interface JobSender {
  send<Q extends QueueName>(queue: Q, data: JobPayloads[Q], options?: { singletonKey?: string; startAfter?: Date }): Promise<void>;
}
