import { eq } from 'drizzle-orm';
import { orgSettings } from '@/db/schema';
import { audit } from '@/lib/platform/audit';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';

type Patch = Partial<
  Pick<typeof orgSettings.$inferInsert, 'domain' | 'domainVerified' | 'suppressAdminInviteEmails' | 'emailLanguage' | 'sso'>
>;

/**
 * Writes one section of the org's settings (the row may not exist yet for orgs set up
 * before settings existed) and audits before/after. Each section has its own action and
 * capability, so a refused section never rides along with an allowed one.
 */
export async function saveOrgSettings(ctx: ServiceCtx, section: 'email' | 'domain' | 'sso', patch: Patch) {
  const orgId = ctx.access.org.id;
  const [before] = await ctx.db.select().from(orgSettings).where(eq(orgSettings.orgId, orgId)).for('update');
  const now = ctx.clock.now();
  await ctx.db
    .insert(orgSettings)
    .values({ orgId, ...patch, updatedAt: now })
    .onConflictDoUpdate({ target: orgSettings.orgId, set: { ...patch, updatedAt: now } });
  const picked = before ? Object.fromEntries(Object.keys(patch).map((k) => [k, before[k as keyof typeof before]])) : null;
  await audit(ctx.db, auditActor(ctx), {
    action: `orgSettings.${section}.update`,
    targetType: 'org',
    targetId: orgId,
    summary: `Changed ${section} settings`,
    before: picked,
    after: patch,
  });
  return { orgId };
}
