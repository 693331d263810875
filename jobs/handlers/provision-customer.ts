import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { customerPackages, customers, orgs, provisioningEvents } from '@/db/schema';
import { changeCustomerStatus } from '@/lib/customers/change-customer-status';
import {
  PROVISIONING_STEPS, ProvisioningFailure, type ProvisioningCustomer, type StepCtx,
} from '@/lib/customers/provisioning-steps';
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
      id: customers.id, orgId: customers.orgId, partnerOrgId: customers.partnerOrgId, status: customers.status, name: orgs.name,
      country: orgs.country, adminEmail: customers.adminEmail, language: customers.language, subscriptionId: customers.subscriptionId,
      sipDomain: customers.sipDomain, meetingsSiteUrl: customers.meetingsSiteUrl, templateId: customers.templateId,
      provisioningRequest: customers.provisioningRequest,
    })
    .from(customers)
    .innerJoin(orgs, eq(orgs.id, customers.orgId))
    .where(eq(customers.id, customerId))
    .for('update', { of: customers });
  if (!row || row.status !== 'provisioning') return null;
  const request = await loadProvisioningRequest(tx, row);
  if (!request) throw new ProvisioningFailure(10500, 'The provisioning request is incomplete; delete this customer and create it again.');
  return {
    id: row.id, orgId: row.orgId, partnerOrgId: row.partnerOrgId, name: row.name, country: row.country ?? request.address.country,
    adminEmail: row.adminEmail, language: row.language, subscriptionId: row.subscriptionId, sipDomain: row.sipDomain,
    meetingsSiteUrl: row.meetingsSiteUrl, request,
  };
}

async function markError(deps: ServiceDeps, customerId: string, step: string, errorCode: number, description: string) {
  const after: (() => Promise<void> | void)[] = [];
  await deps.db.transaction(async (tx) => {
    const [c] = await tx.select({ status: customers.status }).from(customers).where(eq(customers.id, customerId)).for('update');
    if (c?.status !== 'provisioning') return;
    const now = deps.clock.now();
    await changeCustomerStatus(tx, { customerId, from: 'provisioning', to: 'error', at: now, set: { errors: [{ errorCode, description }] } }, { jobs: deps.jobs, afterCommit: (f) => after.push(f) });
    await tx.update(customerPackages).set({ status: 'error', updatedAt: now })
      .where(and(eq(customerPackages.customerId, customerId), eq(customerPackages.status, 'provisioning')));
    await tx.insert(provisioningEvents).values({ customerId, at: now, step, level: 'error', message: `${description} (error ${errorCode})` });
  });
  for (const f of after) await Promise.resolve(f()).catch((err) => console.error('[provision] after-commit', err));
}

/**
 * The provisioning job (SPEC §4.1), keyed by customer id. Each step runs in its own
 * transaction holding the customer's row lock, so progress shows live in the UI, two
 * runs of the same job serialise, and a crash loses at most the step in flight —
 * which the next run redoes, because every step checks what already exists.
 */
export async function provisionCustomer(deps: ServiceDeps, customerId: string, options: ProvisionOptions = {}): Promise<ProvisionOutcome> {
  for (const step of PROVISIONING_STEPS) {
    try {
      const after: (() => Promise<void> | void)[] = [];
      const result = await deps.db.transaction(async (tx) => {
        const customer = await lockCustomer(tx, customerId);
        if (!customer) return 'gone' as const;
        await options.beforeStep?.(step.name);
        const ctx: StepCtx = { tx, customer, now: deps.clock.now(), jobs: deps.jobs, afterCommit: (f) => after.push(f) };
        return step.run(ctx);
      });
      for (const f of after) await Promise.resolve(f()).catch((err) => console.error('[provision] after-commit', err));
      if (result === 'gone') return currentOutcome(deps, customerId);
      if (result === 'stop') return currentOutcome(deps, customerId);
    } catch (err) {
      if (err instanceof ProvisioningFailure) {
        await markError(deps, customerId, step.name, err.errorCode, err.message);
        return 'error';
      }
      if (options.finalAttempt) {
        console.error(`[provision] ${customerId} ${step.name}`, err);
        await markError(deps, customerId, step.name, 10500, `Provisioning failed at step "${step.name}". Retry, or contact support if it fails again.`);
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
