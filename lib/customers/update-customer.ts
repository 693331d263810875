import { and, eq, inArray, isNull } from 'drizzle-orm';
import { customerPackages, customers, locations, onboardingTemplates, provisioningEvents, subscribers, subscriptions } from '@/db/schema';
import { PACKAGE_INFO, type PackageId } from '@/lib/domain/packages';
import { CUSTOMER_STATUS_LABELS, SERVICES_LIVE_STATUSES } from '@/lib/domain/statuses';
import { audit } from '@/lib/platform/audit';
import { ConflictError, uniqueViolation, ValidationError, type FieldErrors } from '@/lib/platform/errors';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import type { ApiUpdateCustomer } from './customer-api-schema';
import { getCustomerOrThrow } from './get-customer-or-throw';

const names = (ps: PackageId[]) => ps.map((p) => PACKAGE_INFO[p].name).join(', ');

/**
 * PUT /customers/{id} (SPEC §8): `packages` is the complete new list — a package left out
 * is removed (refused while subscribers hold it), a new one must be in the template's
 * subscription; externalId and the HQ address may change. Runs in the caller's transaction
 * with the customer row locked, so two updates serialise.
 */
export async function updateCustomer(ctx: ServiceCtx, input: ApiUpdateCustomer & { customerId: string }) {
  const customer = await getCustomerOrThrow(ctx.db, ctx.access, input.customerId, { forUpdate: true });
  if (!SERVICES_LIVE_STATUSES.includes(customer.status)) {
    throw new ConflictError(
      `Users and packages can't be changed while the customer is ${CUSTOMER_STATUS_LABELS[customer.status].toLowerCase()}.`,
      undefined,
      10414,
    );
  }
  const errors: FieldErrors = {};
  const add = (f: string, m: string) => (errors[f] ??= []).push(m);
  const current = (
    await ctx.db.select({ package: customerPackages.package }).from(customerPackages).where(eq(customerPackages.customerId, customer.id))
  ).map((r) => r.package);
  const added = input.packages.filter((p) => !current.includes(p));
  const removed = current.filter((p) => !input.packages.includes(p));
  const [template] = customer.templateId
    ? await ctx.db
        .select({
          pstn: onboardingTemplates.pstnProviderId,
          subscriptionId: onboardingTemplates.subscriptionId,
          packages: subscriptions.packages,
        })
        .from(onboardingTemplates)
        .innerJoin(subscriptions, eq(subscriptions.id, onboardingTemplates.subscriptionId))
        .where(eq(onboardingTemplates.id, customer.templateId))
    : [];
  const outside = added.filter((p) => !template?.packages.includes(p));
  if (outside.length) add('packages', `Not in subscription ${template?.subscriptionId ?? '—'}: ${names(outside)}.`);
  const calling = added.filter((p) => PACKAGE_INFO[p].calling);
  if (calling.length && !template?.pstn)
    add('packages', `${names(calling)} need an onboarding template with a PSTN provider; this customer's has none.`);
  if (Object.keys(errors).length) throw new ValidationError('Fix the highlighted problems before updating the customer.', errors);
  if (removed.length) {
    const held = await ctx.db
      .selectDistinct({ package: subscribers.package })
      .from(subscribers)
      .where(and(eq(subscribers.customerId, customer.id), inArray(subscribers.package, removed), isNull(subscribers.removedAt)));
    if (held.length) {
      const msg = `${names(held.map((h) => h.package))} is still held by subscribers: move or remove them first.`;
      throw new ConflictError(msg, { packages: [msg] });
    }
  }

  const now = ctx.clock.now();
  if (removed.length)
    await ctx.db
      .delete(customerPackages)
      .where(and(eq(customerPackages.customerId, customer.id), inArray(customerPackages.package, removed)));
  if (added.length)
    await ctx.db
      .insert(customerPackages)
      .values(added.map((p) => ({ customerId: customer.id, package: p, status: 'provisioned' as const, updatedAt: now })));
  if (input.externalId && input.externalId !== customer.externalId) {
    try {
      await ctx.db.transaction((sp) => sp.update(customers).set({ externalId: input.externalId }).where(eq(customers.id, customer.id)));
    } catch (err) {
      if (uniqueViolation(err) !== 'customers_partner_external_id_unique') throw err;
      const msg = 'This external ID is already used by another of your customers.';
      throw new ConflictError(msg, { externalId: [msg] });
    }
  }
  if (input.address) {
    const a = input.address;
    await ctx.db
      .update(locations)
      .set({
        addressLine1: a.addressLine1,
        addressLine2: a.addressLine2 || null,
        city: a.city,
        stateOrProvince: a.stateOrProvince || null,
        postalCode: a.zipOrPostalCode,
        country: a.country,
      })
      .where(and(eq(locations.orgId, customer.orgId), eq(locations.isHeadquarters, true)));
  }
  const changes = [
    added.length && `added ${names(added)}`,
    removed.length && `removed ${names(removed)}`,
    input.externalId && input.externalId !== customer.externalId && `external ID ${input.externalId}`,
    input.address && 'address',
  ].filter(Boolean);
  if (changes.length) {
    await ctx.db
      .insert(provisioningEvents)
      .values({ customerId: customer.id, at: now, step: 'update', message: `Updated through the API: ${changes.join(', ')}` });
    await audit(ctx.db, auditActor(ctx), {
      action: 'customer.update',
      targetType: 'customer',
      targetId: customer.id,
      summary: `Updated customer ${customer.externalId}: ${changes.join(', ')}`,
      before: { packages: current, externalId: customer.externalId },
      after: { packages: input.packages, externalId: input.externalId ?? customer.externalId, address: input.address ?? null },
    });
  }
  return { customerId: customer.id };
}
