import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { customers } from '@/db/schema';
import { isUuid } from '@/lib/auth/access';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import type { apiListCustomersSchema } from './customer-api-schema';
import { customerResources } from './customer-resource';

/**
 * GET /customers: the acting org's own customers (a parent's list never includes its
 * sub-partners' — those need onBehalfOfSubPartnerOrgId), newest first, filters exact.
 * One row beyond `max` tells whether there is a next page.
 */
export async function listApiCustomers(ctx: ServiceCtx, input: z.output<typeof apiListCustomersSchema>) {
  const where: SQL[] = [eq(customers.partnerOrgId, ctx.access.org.id)];
  if (input.externalId) where.push(eq(customers.externalId, input.externalId));
  if (input.orgId) {
    if (!isUuid(input.orgId)) return { items: [], hasNext: false };
    where.push(eq(customers.orgId, input.orgId.toLowerCase()));
  }
  if (input.status) where.push(eq(customers.status, input.status));
  const rows = await ctx.db
    .select({ id: customers.id })
    .from(customers)
    .where(and(...where))
    .orderBy(desc(customers.createdAt), desc(customers.id))
    .limit(input.max + 1)
    .offset(input.offset);
  const items = await customerResources(
    ctx.db,
    rows.slice(0, input.max).map((r) => r.id),
  );
  return { items, hasNext: rows.length > input.max };
}
