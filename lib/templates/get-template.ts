import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { onboardingTemplates, pstnProviders, users } from '@/db/schema';
import { isUuid } from '@/lib/auth/access';
import { NotFoundError } from '@/lib/platform/errors';
import type { ServiceCtx } from '@/lib/platform/service-ctx';

const displayName = (u: { firstName: string | null; lastName: string | null; displayName: string | null; email: string | null }) =>
  u.email ? u.displayName || `${u.firstName ?? ''} ${u.lastName ?? ''}`.trim() || u.email : null;

/** One template of the org with the names of what it references; another org's id is "not found". */
export async function getTemplate(ctx: Pick<ServiceCtx, 'db' | 'access'>, input: { templateId: string }) {
  // A malformed id from the URL is simply not found (and never reaches a uuid cast).
  if (!isUuid(input.templateId)) throw new NotFoundError('Template not found.');
  const admin = alias(users, 'admin');
  const creator = alias(users, 'creator');
  const [row] = await ctx.db
    .select({
      template: onboardingTemplates,
      pstnProviderName: pstnProviders.name,
      admin: { firstName: admin.firstName, lastName: admin.lastName, displayName: admin.displayName, email: admin.email },
      creator: { firstName: creator.firstName, lastName: creator.lastName, displayName: creator.displayName, email: creator.email },
      customers: sql<number>`(select count(*)::int from customers c where c.template_id = ${onboardingTemplates.id})`,
    })
    .from(onboardingTemplates)
    .leftJoin(pstnProviders, eq(pstnProviders.id, onboardingTemplates.pstnProviderId))
    .leftJoin(admin, eq(admin.id, onboardingTemplates.serviceProviderAdminId))
    .leftJoin(creator, eq(creator.id, onboardingTemplates.createdBy))
    .where(and(eq(onboardingTemplates.id, input.templateId), eq(onboardingTemplates.orgId, ctx.access.org.id)));
  if (!row) throw new NotFoundError('Template not found.');
  return {
    ...row.template,
    pstnProviderName: row.pstnProviderName,
    serviceProviderAdmin: row.admin?.email ? { name: displayName(row.admin)!, email: row.admin.email } : null,
    createdByName: row.creator ? displayName(row.creator) : null,
    customers: row.customers,
  };
}

export type TemplateDetail = Awaited<ReturnType<typeof getTemplate>>;
