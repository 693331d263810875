// The command bar's search (issue 17, item 10): customers, indirect providers, templates
// and pages of the org in the URL, by name — only what the actor reaches there. It runs on
// the server with the access the guard resolved, so the browser never holds a list to filter.
import { and, asc, eq, sql, type AnyColumn } from 'drizzle-orm';
import { customers, onboardingTemplates, orgs } from '@/db/schema';
import { reachesOwnOnly } from '@/lib/auth/access';
import { decide } from '@/lib/auth/policy';
import { hasControlCharacters } from '@/lib/domain/text';
import { orgPages } from '@/lib/navigation/org-nav';
import { containsPattern, prefixPattern } from '@/lib/paging/search-params';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import { countSubPartners } from '@/lib/sub-partners/count-sub-partners';

export type CommandResultKind = 'page' | 'customer' | 'indirect_provider' | 'template';

export interface CommandResult {
  kind: CommandResultKind;
  /** Unique within the answer (the kind and the object's id, or the page's href). */
  key: string;
  label: string;
  href: string;
}

/** At most this many results of each kind: the bar is for jumping, the lists are for browsing. */
export const COMMAND_RESULTS_PER_KIND = 5;
/** Names are searched from this many characters on (one letter would match half the list). */
export const COMMAND_MIN_ENTITY_QUERY = 2;

/** Exact-prefix matches first, then alphabetical (the trigram index answers the LIKE). */
const byRelevance = (name: AnyColumn, prefix: string) => [
  sql`(lower(${name}) like ${prefixPattern(prefix)}) desc`,
  asc(sql`lower(${name})`),
];

async function searchCustomers(ctx: ServiceCtx, q: string): Promise<CommandResult[]> {
  const { access } = ctx;
  const where = [eq(customers.partnerOrgId, access.org.id), sql`lower(${customers.name}) like ${containsPattern(q)}`];
  // Sales administrators reach only the customers they created (as the list does).
  if (reachesOwnOnly(access)) where.push(eq(customers.createdBy, access.actor.userId));
  const rows = await ctx.db
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(and(...where))
    .orderBy(...byRelevance(customers.name, q), asc(customers.id))
    .limit(COMMAND_RESULTS_PER_KIND);
  return rows.map((r) => ({
    kind: 'customer',
    key: `customer:${r.id}`,
    label: r.name,
    href: `/o/${access.org.id}/customers?customer=${r.id}`,
  }));
}

async function searchSubPartners(ctx: ServiceCtx, q: string): Promise<CommandResult[]> {
  if (!decide(ctx.access, 'subPartners.access').allowed) return [];
  const rows = await ctx.db
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .where(
      and(eq(orgs.parentPartnerId, ctx.access.org.id), eq(orgs.kind, 'sub_partner'), sql`lower(${orgs.name}) like ${containsPattern(q)}`),
    )
    .orderBy(...byRelevance(orgs.name, q), asc(orgs.id))
    .limit(COMMAND_RESULTS_PER_KIND);
  // Choosing one cross-launches into it, as the Indirect providers list does.
  return rows.map((r) => ({ kind: 'indirect_provider', key: `indirect_provider:${r.id}`, label: r.name, href: `/o/${r.id}/overview` }));
}

async function searchTemplates(ctx: ServiceCtx, q: string): Promise<CommandResult[]> {
  if (!decide(ctx.access, 'templates.read').allowed) return [];
  const orgId = ctx.access.org.id;
  const rows = await ctx.db
    .select({ id: onboardingTemplates.id, name: onboardingTemplates.name })
    .from(onboardingTemplates)
    .where(and(eq(onboardingTemplates.orgId, orgId), sql`lower(${onboardingTemplates.name}) like ${containsPattern(q)}`))
    .orderBy(...byRelevance(onboardingTemplates.name, q), asc(onboardingTemplates.id))
    .limit(COMMAND_RESULTS_PER_KIND);
  return rows.map((r) => ({ kind: 'template', key: `template:${r.id}`, label: r.name, href: `/o/${orgId}/customers/templates/${r.id}` }));
}

async function searchPages(ctx: ServiceCtx, q: string): Promise<CommandResult[]> {
  const { access } = ctx;
  const hasSubPartners = access.org.kind === 'partner' && (await countSubPartners(ctx.db, access.org.id)) > 0;
  const needle = q.toLowerCase();
  return orgPages(access, hasSubPartners)
    .filter((p) => p.label.toLowerCase().includes(needle))
    .slice(0, q ? COMMAND_RESULTS_PER_KIND : undefined)
    .map((p) => ({ kind: 'page', key: `page:${p.href}`, label: p.label, href: p.href }));
}

/**
 * The bar's answer for `q` in the org of ctx.access: with an empty query, the org's pages
 * (what the bar shows when it opens); else matching pages, customers, indirect providers
 * and templates, each kind capped. A term holding a control character matches nothing
 * (no stored name has one; the guard refuses them before this runs anyway).
 */
export async function searchCommandBar(ctx: ServiceCtx, input: { q: string }): Promise<{ results: CommandResult[] }> {
  const q = input.q.trim();
  if (hasControlCharacters(q)) return { results: [] };
  const pages = await searchPages(ctx, q);
  if (ctx.access.org.kind === 'customer' || q.length < COMMAND_MIN_ENTITY_QUERY) return { results: pages };
  const [found, subPartners, templates] = [await searchCustomers(ctx, q), await searchSubPartners(ctx, q), await searchTemplates(ctx, q)];
  return { results: [...pages, ...found, ...subPartners, ...templates] };
}
