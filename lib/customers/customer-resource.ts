import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customerPackages, customers, locations, onboardingTemplates, orgs } from '@/db/schema';
import type { CustomerResource } from './customer-api-schema';

const API_BASE = '/v1/wholesale';

/**
 * Customers in the API's shape (SHAPES.md), in the order of `ids`, in four queries
 * whatever their number. Shared by the REST door and (after the merge) webhook payloads.
 * The address is the HQ location once provisioned, the requested one before.
 */
export async function customerResources(db: DbOrTx, ids: string[]): Promise<CustomerResource[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({
      c: customers,
      orgName: orgs.name,
      provisioningId: onboardingTemplates.provisioningId,
      ownerKind: orgs.kind,
    })
    .from(customers)
    .innerJoin(orgs, eq(orgs.id, customers.orgId))
    .leftJoin(onboardingTemplates, eq(onboardingTemplates.id, customers.templateId))
    .where(inArray(customers.id, ids));
  const owners = await db
    .select({ id: orgs.id, kind: orgs.kind })
    .from(orgs)
    .where(inArray(orgs.id, [...new Set(rows.map((r) => r.c.partnerOrgId))]));
  const ownerKind = new Map(owners.map((o) => [o.id, o.kind]));
  const [pkgs, hqs] = await Promise.all([
    db.select().from(customerPackages).where(inArray(customerPackages.customerId, ids)),
    db
      .select()
      .from(locations)
      .where(
        and(
          inArray(
            locations.orgId,
            rows.map((r) => r.c.orgId),
          ),
          eq(locations.isHeadquarters, true),
        ),
      ),
  ]);
  const byId = new Map(rows.map((r) => [r.c.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const c = r.c;
    const hq = hqs.find((l) => l.orgId === c.orgId);
    const requested = (c.provisioningRequest as { address?: Record<string, string> } | null)?.address;
    const address = hq
      ? {
          addressLine1: hq.addressLine1,
          addressLine2: hq.addressLine2 ?? '',
          city: hq.city,
          stateOrProvince: hq.stateOrProvince ?? '',
          zipOrPostalCode: hq.postalCode,
          country: hq.country,
        }
      : {
          addressLine1: requested?.addressLine1 ?? '',
          addressLine2: requested?.addressLine2 ?? '',
          city: requested?.city ?? '',
          stateOrProvince: requested?.stateOrProvince ?? '',
          zipOrPostalCode: requested?.postalCode ?? '',
          country: requested?.country ?? '',
        };
    const href = `${API_BASE}/customers/${c.id}`;
    return [
      {
        id: c.id,
        orgId: c.orgId,
        externalId: c.externalId,
        status: c.status,
        address,
        packages: pkgs
          .filter((p) => p.customerId === c.id)
          .sort((a, b) => a.package.localeCompare(b.package))
          .map((p) => ({ name: p.package, status: p.status, warnings: p.warnings, errors: p.errors })),
        errors: c.errors,
        provisioningId: r.provisioningId ?? null,
        subPartnerOrgId: ownerKind.get(c.partnerOrgId) === 'sub_partner' ? c.partnerOrgId : null,
        created: c.createdAt.toISOString(),
        lastStatusChange: c.statusChangedAt.toISOString(),
        resourceDetails: {
          name: r.orgName,
          sipDomain: c.sipDomain,
          meetingsSiteUrl: c.meetingsSiteUrl,
          rbpm: c.rbpm,
          language: c.language,
        },
        links: [
          { rel: 'self', href, method: 'GET' },
          { rel: 'update', href, method: 'PUT' },
          { rel: 'delete', href, method: 'DELETE' },
        ],
      } satisfies CustomerResource,
    ];
  });
}
