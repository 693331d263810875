// The services of a trial: which may be chosen for an org (SPEC §9: not bought, not being
// trialled by another partner) and writing them. The "another partner" rule is also the
// partial unique index trial_services_one_active_per_customer, so a race can't break it.
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customerPackages, customers, trialDeviceShipments, trialServices, trials } from '@/db/schema';
import { TRIAL_SERVICES, type TrialService } from '@/lib/domain/statuses';
import { ConflictError, uniqueViolation } from '@/lib/platform/errors';
import { TRIAL_ERRORS } from '@/lib/platform/error-codes';
import { boughtServices } from './trial-packages';
import type { TrialServicesInput } from './trial-schema';

export interface ServiceAvailability {
  service: TrialService;
  available: boolean;
  reason: string | null;
}

/** For the org: each service, whether it can be trialled by partnerOrgId, and why not. `trialId` = the trial being edited. */
export async function serviceAvailability(
  db: DbOrTx,
  customerOrgId: string,
  partnerOrgId: string,
  trialId?: string,
): Promise<ServiceAvailability[]> {
  const [pkgRows, others] = await Promise.all([
    db
      .select({ p: customerPackages.package })
      .from(customerPackages)
      .innerJoin(customers, eq(customers.id, customerPackages.customerId))
      .where(eq(customers.orgId, customerOrgId)),
    db
      .select({ service: trialServices.service, partnerOrgId: trials.partnerOrgId, trialId: trials.id })
      .from(trialServices)
      .innerJoin(trials, eq(trials.id, trialServices.trialId))
      .where(and(eq(trialServices.customerOrgId, customerOrgId), eq(trialServices.active, true))),
  ]);
  // A trial customer's own packages come from its trial: they don't count as bought.
  const [trialCustomer] = await db
    .select({ id: trials.id })
    .from(trials)
    .where(
      and(eq(trials.customerOrgId, customerOrgId), eq(trials.origin, 'new_customer'), inArray(trials.status, ['active', 'expired_grace'])),
    )
    .limit(1);
  const bought = trialCustomer ? new Set<TrialService>() : boughtServices(pkgRows.map((r) => r.p));
  return TRIAL_SERVICES.map((service) => {
    if (bought.has(service)) return { service, available: false, reason: 'Already bought by the customer' };
    const other = others.find((o) => o.service === service && o.trialId !== trialId);
    if (other && other.partnerOrgId !== partnerOrgId) return { service, available: false, reason: 'Another partner is trialling it' };
    if (other) return { service, available: false, reason: 'Already in another of your trials' };
    return { service, available: true, reason: null };
  });
}

export const chosenServices = (s: TrialServicesInput): TrialService[] => TRIAL_SERVICES.filter((k) => s[k]);

/** Refuses any chosen service that isn't available, naming the reason at its field. */
export function assertAvailable(availability: ServiceAvailability[], chosen: readonly TrialService[]): void {
  const problems: Record<string, string[]> = {};
  for (const a of availability) if (!a.available && chosen.includes(a.service)) problems[`services.${a.service}`] = [`${a.reason}.`];
  if (Object.keys(problems).length)
    throw new ConflictError('Some services can’t be trialled for this customer.', problems, TRIAL_ERRORS.serviceUnavailable);
}

function settingsOf(service: TrialService, s: TrialServicesInput): Record<string, unknown> {
  if (service === 'meetings') return { edition: 'enterprise', siteUrl: `${s.siteUrl}.webex.test`, timeZone: s.timeZone };
  if (service === 'devices') return { devices: s.deviceLines };
  return {};
}

/** Makes the trial's active services exactly `chosen` (re-activating or adding rows). */
export async function writeTrialServices(
  db: DbOrTx,
  trial: { id: string; customerOrgId: string },
  s: TrialServicesInput,
): Promise<TrialService[]> {
  const chosen = chosenServices(s);
  try {
    await db
      .update(trialServices)
      .set({ active: false })
      .where(and(eq(trialServices.trialId, trial.id)));
    for (const service of chosen) {
      await db
        .insert(trialServices)
        .values({ trialId: trial.id, customerOrgId: trial.customerOrgId, service, settings: settingsOf(service, s), active: true })
        .onConflictDoUpdate({
          target: [trialServices.trialId, trialServices.service],
          set: { active: true, settings: settingsOf(service, s) },
        });
    }
  } catch (err) {
    if (uniqueViolation(err) === 'trial_services_one_active_per_customer') {
      throw new ConflictError(
        'Another partner started trialling one of these services meanwhile.',
        undefined,
        TRIAL_ERRORS.serviceUnavailable,
      );
    }
    throw err;
  }
  return chosen;
}

/** Ends every service of a trial (it ended, converted or was deleted). */
export const deactivateTrialServices = (db: DbOrTx, trialId: string) =>
  db
    .update(trialServices)
    .set({ active: false })
    .where(and(eq(trialServices.trialId, trialId), eq(trialServices.active, true)));

/**
 * One shipment per device type per customer, ever (SPEC §9). The unique index decides a
 * race; the loser is told why. Savepoint: a refused line leaves the transaction usable.
 */
export async function shipDevices(
  db: DbOrTx,
  trial: { id: string; customerOrgId: string },
  lines: readonly { type: string; quantity: number }[],
  at: Date,
): Promise<void> {
  for (const line of lines) {
    try {
      await db.transaction((sp) =>
        sp
          .insert(trialDeviceShipments)
          .values({ trialId: trial.id, customerOrgId: trial.customerOrgId, deviceType: line.type, quantity: line.quantity, shippedAt: at }),
      );
    } catch (err) {
      if (uniqueViolation(err) === 'trial_device_shipments_once') {
        throw new ConflictError(
          `A ${line.type} was already shipped to this customer: only one shipment per device type.`,
          { deviceLines: [`${line.type} was already shipped.`] },
          TRIAL_ERRORS.deviceAlreadyShipped,
        );
      }
      throw err;
    }
  }
}
