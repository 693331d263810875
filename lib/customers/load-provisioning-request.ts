import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customerPackages, locations, onboardingTemplates } from '@/db/schema';
import { provisioningRequestSchema, type ProvisioningRequest } from './provisioning-request';

/**
 * The request a provisioning job works from: the one stored at creation, or — for a
 * customer created before requests were stored (the demo data) — the same facts read
 * back from its rows (HQ address, packages, template). null when neither is complete.
 */
export async function loadProvisioningRequest(
  db: DbOrTx,
  customer: { id: string; orgId: string; templateId: string | null; provisioningRequest: unknown },
): Promise<ProvisioningRequest | null> {
  const stored = provisioningRequestSchema.safeParse(customer.provisioningRequest);
  if (stored.success) return stored.data;
  if (!customer.templateId) return null;
  const [[hq], packages, [template]] = await Promise.all([
    db
      .select()
      .from(locations)
      .where(and(eq(locations.orgId, customer.orgId), eq(locations.isHeadquarters, true))),
    db
      .select({ p: customerPackages.package })
      .from(customerPackages)
      .where(eq(customerPackages.customerId, customer.id))
      .orderBy(asc(customerPackages.package)),
    db
      .select({ subscriptionId: onboardingTemplates.subscriptionId })
      .from(onboardingTemplates)
      .where(eq(onboardingTemplates.id, customer.templateId)),
  ]);
  const derived = provisioningRequestSchema.safeParse({
    version: 1,
    address: hq && {
      addressLine1: hq.addressLine1,
      addressLine2: hq.addressLine2 ?? '',
      city: hq.city,
      stateOrProvince: hq.stateOrProvince ?? '',
      postalCode: hq.postalCode,
      country: hq.country,
    },
    packages: packages.map((r) => r.p),
    templateId: customer.templateId,
    subscriptionId: template?.subscriptionId,
  });
  return derived.success ? derived.data : null;
}
