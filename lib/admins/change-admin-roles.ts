import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { roleGrants } from '@/db/schema';
import { revokeUserSessions } from '@/lib/auth/sessions';
import { ROLE_NAMES } from '@/lib/domain/roles';
import { audit } from '@/lib/platform/audit';
import { ConflictError } from '@/lib/platform/errors';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import type { changeRolesSchema } from './admin-schema';
import { ADMIN_ERRORS } from '@/lib/platform/error-codes';
import { LAST_FULL_ADMIN_MESSAGE, lockOrgAdmin, otherActiveFullAdmins } from './find-org-admin';

/**
 * Replaces an admin's roles on the org. Roles are read from the database on every request,
 * so the change applies to the person's next request; sessions end when access shrinks.
 */
export async function changeAdminRoles(ctx: ServiceCtx, input: z.output<typeof changeRolesSchema>) {
  const admin = await lockOrgAdmin(ctx, input.userId);
  const orgId = ctx.access.org.id;
  const removed = admin.roles.filter((r) => !input.roles.includes(r));
  const added = input.roles.filter((r) => !admin.roles.includes(r));
  if (!removed.length && !added.length) return { roles: admin.roles };
  if (removed.includes('partner_full_admin') && (await otherActiveFullAdmins(ctx, admin.userId)) === 0) {
    throw new ConflictError(LAST_FULL_ADMIN_MESSAGE, { roles: [LAST_FULL_ADMIN_MESSAGE] }, ADMIN_ERRORS.lastFullAdmin);
  }
  if (removed.length)
    await ctx.db
      .delete(roleGrants)
      .where(and(eq(roleGrants.orgId, orgId), eq(roleGrants.userId, admin.userId), inArray(roleGrants.role, removed)));
  if (added.length)
    await ctx.db.insert(roleGrants).values(added.map((role) => ({ userId: admin.userId, orgId, role, createdAt: ctx.clock.now() })));
  if (removed.length) await revokeUserSessions(ctx.db, admin.userId);
  const names = (rs: readonly (keyof typeof ROLE_NAMES)[]) => rs.map((r) => ROLE_NAMES[r]).join(', ');
  await audit(ctx.db, auditActor(ctx), {
    action: 'admin.roles.change',
    targetType: 'user',
    targetId: admin.userId,
    summary: `Changed the roles of ${admin.email} to ${names(input.roles)}`,
    before: { roles: admin.roles },
    after: { roles: input.roles },
  });
  return { roles: input.roles };
}
