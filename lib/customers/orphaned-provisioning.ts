import { and, eq, isNull, lt } from 'drizzle-orm';
import { customerPackages, customers, provisioningEvents } from '@/db/schema';
import { ConflictError } from '@/lib/platform/errors';
import type { ServiceDeps } from '@/lib/platform/service-ctx';
import { changeCustomerStatus } from './change-customer-status';

/**
 * A customer in 'provisioning' whose request was never stored (an import, or data from
 * before requests were kept) has no job that could ever finish it: the stale sweep can
 * only resume customers with a stored request. Left alone it would show "Provisioning ·
 * Updating live…" for ever. After this time-out it is moved to 'error' with a message
 * that names the way forward, so the panel offers Delete (and Retry explains again).
 */
export const ORPHANED_PROVISIONING_MS = 30 * 60_000;

export const ORPHANED_PROVISIONING_ERROR = {
  errorCode: 10500,
  description:
    'Provisioning stopped: this customer’s provisioning request was never stored, so it cannot finish. Delete the customer and create it again.',
};

/** Moves every orphaned provisioning customer to 'error'; returns their ids. Time comes from deps.clock. */
export async function failOrphanedProvisioning(deps: ServiceDeps): Promise<string[]> {
  const now = deps.clock.now();
  const orphans = await deps.db
    .select({ id: customers.id })
    .from(customers)
    .where(
      and(
        eq(customers.status, 'provisioning'),
        isNull(customers.provisioningRequest),
        lt(customers.statusChangedAt, new Date(now.getTime() - ORPHANED_PROVISIONING_MS)),
      ),
    )
    .limit(500);
  const failed: string[] = [];
  for (const { id } of orphans) {
    const after: (() => Promise<void> | void)[] = [];
    try {
      await deps.db.transaction(async (tx) => {
        await changeCustomerStatus(
          tx,
          { customerId: id, from: 'provisioning', to: 'error', at: now, set: { errors: [ORPHANED_PROVISIONING_ERROR] } },
          { jobs: deps.jobs, afterCommit: (f) => after.push(f) },
        );
        await tx
          .update(customerPackages)
          .set({ status: 'error', updatedAt: now })
          .where(and(eq(customerPackages.customerId, id), eq(customerPackages.status, 'provisioning')));
        await tx.insert(provisioningEvents).values({
          customerId: id,
          at: now,
          step: 'timeout',
          level: 'error',
          message: `No progress for ${ORPHANED_PROVISIONING_MS / 60_000} minutes and no stored provisioning request; provisioning stopped`,
        });
      });
    } catch (err) {
      if (err instanceof ConflictError) continue; // changed meanwhile: not ours to fail
      throw err;
    }
    for (const f of after) await Promise.resolve(f()).catch((err: unknown) => console.error('[orphaned-provisioning] after-commit', err));
    failed.push(id);
  }
  return failed;
}
