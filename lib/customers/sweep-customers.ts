// The customer rules that run on a clock rather than on a request: the restricted-party
// 72-hour rule and the pick-up of provisioning lost with its server. jobs/worker.ts only
// schedules them (every minute) and calls them.
import { and, eq, inArray, isNotNull, lt, type SQL } from 'drizzle-orm';
import { customers, provisioningEvents, restrictedParties } from '@/db/schema';
import { changeCustomerStatus, type AfterCommitSink } from './change-customer-status';
import { normalizeCompanyName } from '@/lib/domain/company-name';
import { ConflictError } from '@/lib/platform/errors';
import { logger } from '@/lib/platform/logger';
import type { ServiceDeps } from '@/lib/platform/service-ctx';
import { QUEUES } from '@/lib/platform/queues';

/** SPEC §4.1: still on the restricted-party list this long after the review started → suspended. */
export const RPL_REVIEW_LIMIT_MS = 72 * 60 * 60 * 1000;

export interface RecheckResult {
  resumed: string[];
  suspended: string[];
  stillPending: string[];
}

/** One status change in its own transaction; a customer changed meanwhile (409) is left alone. */
type Tx = Parameters<Parameters<ServiceDeps['db']['transaction']>[0]>[0];
async function apply(deps: ServiceDeps, fn: (tx: Tx, sink: AfterCommitSink) => Promise<void>): Promise<boolean> {
  const after: (() => Promise<void> | void)[] = [];
  try {
    await deps.db.transaction((tx) => fn(tx, { jobs: deps.jobs, afterCommit: (f) => after.push(f) }));
    for (const f of after) await Promise.resolve(f()).catch((err) => logger.error({ err }, 'customer sweep: after-commit step failed'));
    return true;
  } catch (err) {
    if (err instanceof ConflictError) return false;
    throw err;
  }
}

/**
 * The periodic restricted-party re-check (SPEC §4.1): a customer whose name no longer
 * matches continues provisioning; one still matching 72 hours after its review started
 * is suspended for compliance review. Time comes from deps.clock.
 */
export async function recheckRestrictedParties(deps: ServiceDeps): Promise<RecheckResult> {
  const now = deps.clock.now();
  const pending = await deps.db
    .select({ id: customers.id, name: customers.name, startedAt: customers.rplReviewStartedAt, statusChangedAt: customers.statusChangedAt })
    .from(customers)
    .where(eq(customers.status, 'pending_rpl_review'));
  const out: RecheckResult = { resumed: [], suspended: [], stillPending: [] };
  if (!pending.length) return out;
  const normalized = [...new Set(pending.map((c) => normalizeCompanyName(c.name)))];
  const listed = new Set(
    (
      await deps.db
        .select({ n: restrictedParties.normalizedName })
        .from(restrictedParties)
        .where(inArray(restrictedParties.normalizedName, normalized))
    ).map((r) => r.n),
  );

  for (const c of pending) {
    const started = c.startedAt ?? c.statusChangedAt;
    if (!listed.has(normalizeCompanyName(c.name))) {
      const ok = await apply(deps, async (tx, sink) => {
        await changeCustomerStatus(tx, { customerId: c.id, from: 'pending_rpl_review', to: 'provisioning', at: now }, sink);
        await tx
          .insert(provisioningEvents)
          .values({ customerId: c.id, at: now, step: 'rpl_check', message: 'Restricted-party re-check passed; provisioning continues' });
      });
      if (ok) {
        await deps.jobs.send(QUEUES.provisionCustomer, { customerId: c.id }, { singletonKey: c.id });
        out.resumed.push(c.id);
      }
    } else if (now.getTime() - started.getTime() >= RPL_REVIEW_LIMIT_MS) {
      const ok = await apply(deps, async (tx, sink) => {
        await changeCustomerStatus(tx, { customerId: c.id, from: 'pending_rpl_review', to: 'suspended', at: now }, sink);
        await tx.insert(provisioningEvents).values({
          customerId: c.id,
          at: now,
          step: 'rpl_check',
          level: 'error',
          message: 'Still under review after 72 hours; customer suspended for compliance review',
        });
      });
      if (ok) out.suspended.push(c.id);
    } else {
      out.stillPending.push(c.id);
    }
  }
  return out;
}

/** Customers stuck in 'provisioning' (a job lost with its server) are picked up again by the sweep. */
export const STALE_PROVISIONING_MS = 2 * 60_000;
export const staleProvisioning = (now: Date): SQL =>
  and(
    eq(customers.status, 'provisioning'),
    lt(customers.statusChangedAt, new Date(now.getTime() - STALE_PROVISIONING_MS)),
    isNotNull(customers.provisioningRequest),
  )!;

/** Re-enqueues customers whose provisioning job was lost (e.g. with a crashed server). */
export async function resumeStaleProvisioning(deps: ServiceDeps): Promise<number> {
  const stale = await deps.db.select({ id: customers.id }).from(customers).where(staleProvisioning(deps.clock.now())).limit(500);
  for (const { id } of stale) await deps.jobs.send(QUEUES.provisionCustomer, { customerId: id }, { singletonKey: id });
  return stale.length;
}
