// GET /subPartners (SPEC §8): the acting partner's indirect providers in the vendor's shape.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { orgs, subPartnerSubscriptions } from '@/db/schema';
import { pagingSchema } from '@/lib/customers/customer-api-schema';
import { ORG_STATES } from '@/lib/domain/statuses';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import type { UseCaseTable } from '@/lib/platform/use-case';

export const apiListSubPartnersSchema = z.strictObject({
  provisioningState: z.enum(ORG_STATES, 'provisioningState is active or suspended.').optional(),
  ...pagingSchema,
});

export const subPartnerResourceSchema = z.object({
  orgId: z.uuid(),
  name: z.string(),
  subscriptionId: z.string().nullable(),
  provisioningState: z.enum(ORG_STATES),
  created: z.string(),
  billingStartDate: z.string().nullable(),
});

export async function listApiSubPartners(ctx: ServiceCtx, input: z.output<typeof apiListSubPartnersSchema>) {
  const where: SQL[] = [eq(orgs.parentPartnerId, ctx.access.org.id), eq(orgs.kind, 'sub_partner')];
  if (input.provisioningState) where.push(eq(orgs.state, input.provisioningState));
  const rows = await ctx.db
    .select({
      orgId: orgs.id,
      name: orgs.name,
      provisioningState: orgs.state,
      createdAt: orgs.createdAt,
      billingStartDate: orgs.billingStartDate,
      subscriptionId: sql<
        string | null
      >`(select min(${subPartnerSubscriptions.subscriptionId}) from ${subPartnerSubscriptions} where ${subPartnerSubscriptions.subPartnerOrgId} = ${orgs.id})`,
    })
    .from(orgs)
    .where(and(...where))
    .orderBy(asc(sql`lower(${orgs.name})`), asc(orgs.id))
    .limit(input.max + 1)
    .offset(input.offset);
  const items = rows.slice(0, input.max).map((r) => ({
    orgId: r.orgId,
    name: r.name,
    subscriptionId: r.subscriptionId,
    provisioningState: r.provisioningState,
    created: r.createdAt.toISOString(),
    billingStartDate: r.billingStartDate ? String(r.billingStartDate) : null,
  }));
  return { items, hasNext: rows.length > input.max };
}

export const subPartnerOps = {
  list: { capability: 'subPartners.access', schema: apiListSubPartnersSchema, handler: listApiSubPartners },
} as const satisfies UseCaseTable;
