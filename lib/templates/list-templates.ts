import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { customers, onboardingTemplates, pstnProviders } from '@/db/schema';
import type { AuthMode } from '@/lib/domain/statuses';
import { containsPattern, searchCondition, pageRequest, type PageResult } from '@/lib/paging/search-params';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import { oneRow } from '@/db/one-row';

export const TEMPLATES_PAGE_SIZE = 25;

export interface TemplateListRow {
  id: string;
  name: string;
  type: 'webex_wholesale';
  subscriptionId: string;
  authMode: AuthMode;
  pstnProviderName: string | null;
  customers: number;
  createdAt: Date;
}

/**
 * The org's onboarding templates, newest first, with how many customers use each.
 * The counts come from one grouped subquery over this org's templates (index on
 * customers.template_id), joined to the page: one round trip, no N+1.
 */
export async function listTemplates(
  ctx: Pick<ServiceCtx, 'db' | 'access'>,
  input: { q: string; page: number },
): Promise<PageResult<TemplateListRow>> {
  const { page, pageSize, offset } = pageRequest(input.page, TEMPLATES_PAGE_SIZE);
  const orgId = ctx.access.org.id;
  const conditions: SQL[] = [eq(onboardingTemplates.orgId, orgId)];
  if (input.q) conditions.push(searchCondition(input.q, (q) => sql`lower(${onboardingTemplates.name}) like ${containsPattern(q)}`));
  const where = and(...conditions);

  const usage = ctx.db
    .select({ templateId: customers.templateId, n: sql<number>`count(*)::int`.as('n') })
    .from(customers)
    .innerJoin(onboardingTemplates, eq(onboardingTemplates.id, customers.templateId))
    .where(eq(onboardingTemplates.orgId, orgId))
    .groupBy(customers.templateId)
    .as('usage');

  const [rows, { total }] = await Promise.all([
    ctx.db
      .select({
        id: onboardingTemplates.id,
        name: onboardingTemplates.name,
        type: onboardingTemplates.type,
        subscriptionId: onboardingTemplates.subscriptionId,
        authMode: onboardingTemplates.authMode,
        pstnProviderName: pstnProviders.name,
        customers: sql<number>`coalesce(${usage.n}, 0)::int`,
        createdAt: onboardingTemplates.createdAt,
      })
      .from(onboardingTemplates)
      .leftJoin(pstnProviders, eq(pstnProviders.id, onboardingTemplates.pstnProviderId))
      .leftJoin(usage, eq(usage.templateId, onboardingTemplates.id))
      .where(where)
      .orderBy(desc(onboardingTemplates.createdAt), desc(onboardingTemplates.id))
      .limit(pageSize)
      .offset(offset),
    oneRow(
      ctx.db
        .select({ total: sql<number>`count(*)::int` })
        .from(onboardingTemplates)
        .where(where),
      'a count',
    ),
  ]);
  return { rows, total, page, pageSize };
}
