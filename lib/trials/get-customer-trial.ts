// The customer panel's trial section (SPEC §9): the customer's latest trial with this
// partner — services, shipments, dates — and what may be done with it.
import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { orgs, trialDeviceShipments, trialServices, trials } from '@/db/schema';
import { decide } from '@/lib/auth/policy';
import { getCustomerOrThrow } from '@/lib/customers/get-customer-or-throw';
import type { TrialService, TrialStatus } from '@/lib/domain/statuses';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import { trialScope } from './trial-access';
import { daysLeft, DEVICE_CAP_DAYS, graceEnds } from './trial-rules';
import type { customerTrialSchema } from './trial-schema';
import { serviceAvailability, type ServiceAvailability } from './trial-services';

export interface CustomerTrial {
  customerId: string;
  canManage: boolean;
  tier: '1' | '2';
  availability: ServiceAvailability[];
  trial: null | {
    id: string;
    status: TrialStatus;
    origin: string;
    startsAt: string | null;
    endsAt: string | null;
    graceEndsAt: string | null;
    daysLeft: number | null;
    lengthDays: number;
    grantFullAdmin: boolean;
    deviceCapEndsAt: string | null;
    services: { service: TrialService; settings: Record<string, unknown> }[];
    shipments: { deviceType: string; quantity: number; shippedAt: string }[];
  };
}

export async function getCustomerTrial(ctx: ServiceCtx, input: z.output<typeof customerTrialSchema>): Promise<CustomerTrial> {
  const customer = await getCustomerOrThrow(ctx.db, ctx.access, input.customerId);
  const now = ctx.clock.now();
  const [[partner], [trial]] = await Promise.all([
    ctx.db.select({ tier: orgs.tier }).from(orgs).where(eq(orgs.id, ctx.access.org.id)),
    ctx.db
      .select()
      .from(trials)
      .where(and(trialScope(ctx.access), eq(trials.customerOrgId, customer.orgId)))
      .orderBy(desc(trials.createdAt))
      .limit(1),
  ]);
  const [services, shipments, availability] = trial
    ? await Promise.all([
        ctx.db
          .select({ service: trialServices.service, settings: trialServices.settings })
          .from(trialServices)
          .where(and(eq(trialServices.trialId, trial.id), eq(trialServices.active, true))),
        ctx.db.select().from(trialDeviceShipments).where(eq(trialDeviceShipments.customerOrgId, customer.orgId)),
        serviceAvailability(ctx.db, customer.orgId, ctx.access.org.id, trial.id),
      ])
    : [[], [], await serviceAvailability(ctx.db, customer.orgId, ctx.access.org.id)];
  const hasDevices = services.some((s) => s.service === 'devices');
  return {
    customerId: customer.id,
    canManage: decide(ctx.access, 'trials.manage').allowed,
    tier: partner?.tier ?? '1',
    availability,
    trial: trial
      ? {
          id: trial.id,
          status: trial.status,
          origin: trial.origin,
          lengthDays: trial.lengthDays,
          grantFullAdmin: trial.grantFullAdmin,
          startsAt: trial.startsAt?.toISOString() ?? null,
          endsAt: trial.endsAt?.toISOString() ?? null,
          graceEndsAt: trial.endsAt ? graceEnds(trial.endsAt).toISOString() : null,
          daysLeft: trial.endsAt && trial.status === 'active' ? daysLeft(trial.endsAt, now) : null,
          deviceCapEndsAt:
            hasDevices && trial.startsAt ? new Date(trial.startsAt.getTime() + DEVICE_CAP_DAYS * 86_400_000).toISOString() : null,
          services: services.map((s) => ({ service: s.service, settings: s.settings })),
          shipments: shipments.map((s) => ({ deviceType: s.deviceType, quantity: s.quantity, shippedAt: s.shippedAt.toISOString() })),
        }
      : null,
  };
}
