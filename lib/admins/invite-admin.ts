import { and, eq, sql } from 'drizzle-orm';
import { invitations, roleGrants, users } from '@/db/schema';
import { createInvitation } from '@/lib/auth/invitations';
import { ROLE_NAMES } from '@/lib/domain/roles';
import { audit } from '@/lib/platform/audit';
import { ConflictError, uniqueViolation } from '@/lib/platform/errors';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import { queueAdminInvitation } from './admin-emails';
import type { inviteAdminSchema } from './admin-schema';
import { ADMIN_ERRORS } from '@/lib/platform/error-codes';
import type { z } from 'zod';
import { oneRow } from '@/db/one-row';

const TAKEN = 'The e-mail is already associated with an existing user.';
const taken = () => new ConflictError(TAKEN, { email: [TAKEN] }, ADMIN_ERRORS.emailTaken);

/**
 * Invites an administrator of the org in ctx with the chosen roles: the person (no password
 * yet), the grants, a one-time invitation (7 days, hash only) and its e-mail. Someone
 * removed from this org earlier (a user of the org without roles) is invited again.
 */
export async function inviteAdmin(ctx: ServiceCtx, input: z.output<typeof inviteAdminSchema>) {
  const org = ctx.access.org;
  const now = ctx.clock.now();
  const [existing] = await ctx.db
    .select({
      id: users.id,
      orgId: users.orgId,
      grants: sql<number>`(select count(*)::int from ${roleGrants} where ${roleGrants.userId} = ${users.id})`,
    })
    .from(users)
    .where(sql`lower(${users.email}) = ${input.email}`)
    .for('update');
  let userId: string;
  if (existing) {
    if (existing.orgId !== org.id || existing.grants > 0) throw taken();
    userId = existing.id;
    await ctx.db
      .update(users)
      .set({ firstName: input.firstName, lastName: input.lastName, passwordHash: null, updatedAt: now })
      .where(eq(users.id, userId));
    await ctx.db
      .update(invitations)
      .set({ expiresAt: now })
      .where(and(eq(invitations.userId, userId), sql`${invitations.acceptedAt} is null`));
  } else {
    try {
      const u = await oneRow(
        ctx.db
          .insert(users)
          .values({
            orgId: org.id,
            email: input.email,
            firstName: input.firstName,
            lastName: input.lastName,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: users.id }),
        'the inserted user',
      );
      userId = u.id;
    } catch (err) {
      // Two invitations racing for one e-mail: the unique index decides.
      if (uniqueViolation(err)) throw taken();
      throw err;
    }
  }
  await ctx.db.insert(roleGrants).values(input.roles.map((role) => ({ userId, orgId: org.id, role, createdAt: now })));
  const { token, expiresAt } = await createInvitation(ctx.db, { userId, createdBy: ctx.access.actor.userId, now });
  await queueAdminInvitation(ctx, { email: input.email, firstName: input.firstName }, token);
  await audit(ctx.db, auditActor(ctx), {
    action: 'admin.invite',
    targetType: 'user',
    targetId: userId,
    summary: `Invited ${input.email} as ${input.roles.map((r) => ROLE_NAMES[r]).join(', ')}`,
    after: { email: input.email, firstName: input.firstName, lastName: input.lastName, roles: input.roles },
  });
  return { userId, expiresAt };
}
