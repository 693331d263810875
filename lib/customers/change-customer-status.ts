import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers } from '@/db/schema';
import type { JobSender } from '@/lib/platform/queues';
import type { CustomerStatus } from '@/lib/domain/statuses';
import { ConflictError } from '@/lib/platform/errors';
import { emitWebhookEvent } from '@/lib/webhooks/emit-webhook-event';
import { customerResource } from '@/lib/webhooks/resources';
import { assertTransition } from './status-machine';

type CustomerUpdate = Partial<Omit<typeof customers.$inferInsert, 'id' | 'status' | 'statusChangedAt'>>;

/** Lets the webhook delivery start right after the commit; without it the sweep sends it. */
export interface AfterCommitSink {
  jobs: JobSender;
  afterCommit(fn: () => Promise<void> | void): void;
}

/**
 * The one writer of customers.status: checks the transition against the status
 * machine and compares-and-sets (WHERE status = from), so two racing changes can't
 * both apply — the loser gets a ConflictError and its transaction rolls back.
 * Every transition also emits `customer.status_changed` in the same transaction
 * (SPEC §8.4), so no path can change a status without telling the webhooks.
 */
export async function changeCustomerStatus(
  db: DbOrTx,
  change: { customerId: string; from: CustomerStatus; to: CustomerStatus; at: Date; set?: CustomerUpdate; reattach?: boolean },
  sink?: AfterCommitSink,
): Promise<void> {
  assertTransition(change.from, change.to, { reattach: change.reattach });
  const rows = await db
    .update(customers)
    .set({ ...change.set, status: change.to, statusChangedAt: change.at })
    .where(and(eq(customers.id, change.customerId), eq(customers.status, change.from)))
    .returning({ id: customers.id, partnerOrgId: customers.partnerOrgId });
  if (!rows.length) throw new ConflictError('The customer changed meanwhile. Reload and try again.', undefined, 10411);
  await emitWebhookEvent({ db, ...sink }, {
    orgId: rows[0].partnerOrgId,
    type: 'customer.status_changed',
    at: change.at,
    data: async () => {
      const c = await customerResource(db, change.customerId);
      return c && { ...c, previousStatus: change.from };
    },
  });
}
