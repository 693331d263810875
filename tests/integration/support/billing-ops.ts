// Calls a billing-report operation exactly as both doors do: runAuthorized with the
// operation's declared capability and schema.
import { runAuthorized } from '@/lib/server/guard';
import { billingReportOps } from '@/lib/billing/report-operations';
import type { ServiceDeps } from '@/lib/platform/service-ctx';
import type { JobSender, QueueName } from '@/lib/platform/queues';

type Ops = typeof billingReportOps;

export function reportCaller(deps: ServiceDeps) {
  return <K extends keyof Ops>(
    op: K,
    who: { userId: string },
    orgId: string,
    input: unknown,
  ): Promise<Awaited<ReturnType<Ops[K]['handler']>>> => {
    const o = billingReportOps[op];
    return runAuthorized(deps, { userId: who.userId, orgId, input }, o.capability, o.schema, o.handler as never);
  };
}

/** A job sender that records what services enqueue. */
export function recordingJobs(): JobSender & { sent: { queue: QueueName; data: unknown; singletonKey?: string }[] } {
  const sent: { queue: QueueName; data: unknown; singletonKey?: string }[] = [];
  return {
    sent,
    async send(queue, data, options) {
      sent.push({ queue, data, singletonKey: options?.singletonKey });
    },
  };
}
