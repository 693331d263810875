import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers } from '@/db/schema';
import type { JobSender } from '@/lib/platform/queues';
import type { CustomerStatus } from '@/lib/domain/statuses';
import { ConflictError } from '@/lib/platform/errors';
import { emitWebhookEvent } from '@/lib/webhooks/emit-webhook-event';
import { customerResource } from '@/lib/webhooks/resources';
import { orgsSubscribedTo } from '@/lib/webhooks/subscribed-orgs';
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
  const [changed] = rows;
  if (!changed) throw new ConflictError('The customer changed meanwhile. Reload and try again.', undefined, 10411);
  await emitWebhookEvent(
    { db, ...sink },
    {
      orgId: changed.partnerOrgId,
      type: 'customer.status_changed',
      at: change.at,
      data: async () => {
        const c = await customerResource(db, change.customerId);
        return c && { ...c, previousStatus: change.from };
      },
    },
  );
}

/**
 * The same change for many customers at once (a provisioning batch): one compare-and-set
 * for all, refused as a whole (ConflictError) when any of them changed meanwhile, and
 * still one `customer.status_changed` per customer whose owner has a subscribed endpoint.
 */
export async function changeCustomersStatus(
  db: DbOrTx,
  change: { customerIds: string[]; from: CustomerStatus; to: CustomerStatus; at: Date; set?: CustomerUpdate },
  sink?: AfterCommitSink,
): Promise<void> {
  assertTransition(change.from, change.to);
  if (!change.customerIds.length) return;
  const rows = await db
    .update(customers)
    .set({ ...change.set, status: change.to, statusChangedAt: change.at })
    .where(and(inArray(customers.id, change.customerIds), eq(customers.status, change.from)))
    .returning({ id: customers.id, partnerOrgId: customers.partnerOrgId });
  if (rows.length !== new Set(change.customerIds).size)
    throw new ConflictError('The customer changed meanwhile. Reload and try again.', undefined, 10411);
  const subscribed = await orgsSubscribedTo(
    db,
    rows.map((r) => r.partnerOrgId),
    'customer.status_changed',
  );
  for (const row of rows) {
    if (!subscribed.has(row.partnerOrgId)) continue;
    await emitWebhookEvent(
      { db, ...sink },
      {
        orgId: row.partnerOrgId,
        type: 'customer.status_changed',
        at: change.at,
        data: async () => {
          const c = await customerResource(db, row.id);
          return c && { ...c, previousStatus: change.from };
        },
      },
    );
  }
}
