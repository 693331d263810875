// What ends a trial's services — shared by the sweep (grace over → 'ended'), Delete trial
// and the number release. Users lose the trial package: their ledger intervals close
// through lib/ledger, so billing and every report show it; calling numbers are kept
// (subscribers stay, unbilled) until the release 15 days later.
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, provisioningEvents, subscribers } from '@/db/schema';
import { changeCustomerStatus } from '@/lib/customers/change-customer-status';
import { closeCustomerAssignments } from '@/lib/ledger/assignments';
import { PACKAGE_INFO } from '@/lib/domain/packages';
import { SERVICES_LIVE_STATUSES } from '@/lib/domain/statuses';
import { deactivateTrialServices } from './trial-services';

interface EndingTrial {
  id: string;
  origin: string;
  customerId: string | null;
}

/** Removes the trial services. For a trial-only customer that is everything it has. */
export async function removeTrialServices(db: DbOrTx, trial: EndingTrial, at: Date): Promise<{ closedAssignments: number }> {
  await deactivateTrialServices(db, trial.id);
  if (trial.origin !== 'new_customer' || !trial.customerId) return { closedAssignments: 0 };
  const [customer] = await db
    .select({ id: customers.id, status: customers.status })
    .from(customers)
    .where(eq(customers.id, trial.customerId))
    .for('update');
  const closedAssignments = await closeCustomerAssignments(db, trial.customerId, at);
  // Seats without a number go at once; calling seats keep their numbers until the release.
  const seats = await db
    .select({ id: subscribers.id, package: subscribers.package })
    .from(subscribers)
    .where(and(eq(subscribers.customerId, trial.customerId), isNull(subscribers.removedAt)));
  for (const s of seats) {
    if (!PACKAGE_INFO[s.package].calling)
      await db.update(subscribers).set({ removedAt: at, status: 'removed', lastStatusChangeAt: at }).where(eq(subscribers.id, s.id));
  }
  if (customer && SERVICES_LIVE_STATUSES.includes(customer.status)) {
    await changeCustomerStatus(db, {
      customerId: customer.id,
      from: customer.status,
      to: 'deprovisioned',
      at,
      set: { deprovisionedAt: at },
    });
  }
  await db.insert(provisioningEvents).values({
    customerId: trial.customerId,
    at,
    step: 'trial_ended',
    message: 'Trial ended: trial services removed; calling numbers kept for 15 days',
  });
  return { closedAssignments };
}

/** The release 15 days after the end: the remaining (calling) seats go, freeing numbers and extensions. */
export async function releaseTrialNumbers(db: DbOrTx, trial: EndingTrial, at: Date): Promise<number> {
  if (!trial.customerId || trial.origin !== 'new_customer') return 0;
  const released = await db
    .update(subscribers)
    .set({ removedAt: at, status: 'removed', lastStatusChangeAt: at })
    .where(and(eq(subscribers.customerId, trial.customerId), isNull(subscribers.removedAt)))
    .returning({ id: subscribers.id });
  if (released.length)
    await db
      .insert(provisioningEvents)
      .values({ customerId: trial.customerId, at, step: 'trial_numbers', message: `Calling numbers released (${released.length} seats)` });
  return released.length;
}
