import { logger } from '@/lib/platform/logger';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { customerPackages, customers, orgs, provisioningEvents } from '@/db/schema';
import { changeCustomerStatus } from '@/lib/customers/change-customer-status';
import { PROVISIONING_PHASES, ProvisioningFailure, type ProvisioningCustomer, type StepCtx } from '@/lib/customers/provisioning-steps';
import { loadProvisioningRequest } from '@/lib/customers/load-provisioning-request';
import type { ServiceDeps } from '@/lib/platform/service-ctx';

export type ProvisionOutcome = 'provisioned' | 'pending_rpl_review' | 'error' | 'skipped';

export interface ProvisionOptions {
  /** Called before each step runs; tests throw here to simulate a crash half-way. */
  beforeStep?: (step: string) => void | Promise<void>;
  /**
   * Whether this is the job's last attempt. An unexpected error (a crash, the database
   * going away) is re-thrown so pg-boss retries; only on the last attempt does it put
   * the customer in 'error'. A ProvisioningFailure is final at once.
   */
  finalAttempt?: boolean;
}

/** The customer, locked for this step; null when it is no longer provisioning (done, deleted, parked). */
async function lockCustomer(tx: Tx, customerId: string): Promise<ProvisioningCustomer | null> {
  const [row] = await tx
    .select({
      id: customers.id,
      orgId: customers.orgId,
      partnerOrgId: customers.partnerOrgId,
      status: customers.status,
      name: orgs.name,
      country: orgs.country,
      adminEmail: customers.adminEmail,
      language: customers.language,
      subscriptionId: customers.subscriptionId,
      sipDomain: customers.sipDomain,
      meetingsSiteUrl: customers.meetingsSiteUrl,
      templateId: customers.templateId,
      provisioningRequest: customers.provisioningRequest,
      attached: customers.attached,
    })
    .from(customers)
    .innerJoin(orgs, eq(orgs.id, customers.orgId))
    .where(eq(customers.id, customerId))
    .for('update', { of: customers });
  if (!row || row.status !== 'provisioning') return null;
  const request = await loadProvisioningRequest(tx, row);
  if (!request) throw new ProvisioningFailure(10500, 'The provisioning request is incomplete; delete this customer and create it again.');
  return {
    id: row.id,
    orgId: row.orgId,
    partnerOrgId: row.partnerOrgId,
    name: row.name,
    country: row.country ?? request.address.country,
    adminEmail: row.adminEmail,
    language: row.language,
    subscriptionId: row.subscriptionId,
    sipDomain: row.sipDomain,
    meetingsSiteUrl: row.meetingsSiteUrl,
    attached: row.attached,
    request,
  };
}

async function markError(deps: ServiceDeps, customerId: string, step: string, errorCode: number, description: string) {
  const after: (() => Promise<void> | void)[] = [];
  await deps.db.transaction(async (tx) => {
    const [c] = await tx.select({ status: customers.status }).from(customers).where(eq(customers.id, customerId)).for('update');
    if (c?.status !== 'provisioning') return;
    const now = deps.clock.now();
    await changeCustomerStatus(
      tx,
      { customerId, from: 'provisioning', to: 'error', at: now, set: { errors: [{ errorCode, description }] } },
      { jobs: deps.jobs, afterCommit: (f) => after.push(f) },
    );
    await tx
      .update(customerPackages)
      .set({ status: 'error', updatedAt: now })
      .where(and(eq(customerPackages.customerId, customerId), eq(customerPackages.status, 'provisioning')));
    await tx
      .insert(provisioningEvents)
      .values({ customerId, at: now, step, level: 'error', message: `${description} (error ${errorCode})` });
  });
  for (const f of after) await Promise.resolve(f()).catch((err) => logger.error({ err }, 'provisioning after-commit step failed'));
}

/**
 * The provisioning job (SPEC §4.1) for one customer. Each phase (PROVISIONING_PHASES)
 * runs in its own transaction holding the customer's row lock, so two runs of the same
 * job serialise, and a crash loses at most the phase in flight — which the next run
 * redoes, because every step checks what already exists. The worker provisions fresh
 * customers a whole batch at a time (provision-batch.ts) and sends the rest here.
 */
export async function provisionCustomer(deps: ServiceDeps, customerId: string, options: ProvisionOptions = {}): Promise<ProvisionOutcome> {
  for (const phase of PROVISIONING_PHASES) {
    let step = phase[0].name;
    try {
      const after: (() => Promise<void> | void)[] = [];
      const result = await deps.db.transaction(async (tx) => {
        const customer = await lockCustomer(tx, customerId);
        if (!customer) return 'gone' as const;
        const ctx: StepCtx = { tx, customer, now: deps.clock.now(), jobs: deps.jobs, afterCommit: (f) => after.push(f) };
        for (const s of phase) {
          step = s.name;
          await options.beforeStep?.(s.name);
          if ((await s.run(ctx)) === 'stop') return 'stop' as const;
        }
        return 'continue' as const;
      });
      for (const f of after) await Promise.resolve(f()).catch((err) => logger.error({ err }, 'provisioning after-commit step failed'));
      if (result !== 'continue') return currentOutcome(deps, customerId);
    } catch (err) {
      if (err instanceof ProvisioningFailure) {
        await markError(deps, customerId, step, err.errorCode, err.message);
        return 'error';
      }
      if (options.finalAttempt) {
        logger.error({ err, customerId, step }, 'provisioning step failed');
        await markError(
          deps,
          customerId,
          step,
          10500,
          `Provisioning failed at step "${step}". Retry, or contact support if it fails again.`,
        );
        return 'error';
      }
      throw err;
    }
  }
  return currentOutcome(deps, customerId);
}

async function currentOutcome(deps: ServiceDeps, customerId: string): Promise<ProvisionOutcome> {
  const [row] = await deps.db.select({ status: customers.status }).from(customers).where(eq(customers.id, customerId));
  const s = row?.status;
  return s === 'provisioned' || s === 'pending_rpl_review' || s === 'error' ? s : 'skipped';
}
