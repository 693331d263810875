import { and, eq, sql } from 'drizzle-orm';
import { orgRelations, orgs, roleGrants, subPartnerSubscriptions, subscriptions, users } from '@/db/schema';
import { createInvitation } from '@/lib/auth/invitations';
import { audit } from '@/lib/platform/audit';
import { appUrl } from '@/lib/platform/app-url';
import { ConflictError, ValidationError, uniqueViolation } from '@/lib/platform/errors';
import { queueEmail } from '@/lib/platform/outbox';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import type { CreateSubPartnerInput } from './sub-partner-schema';
import { oneRow } from '@/db/one-row';

/**
 * Sets up an indirect provider for the partner in ctx (SPEC §6.4): the org, the managed-by
 * relation, the shared subscription, the first admin (full + wholesale) and an invitation.
 */
export async function createSubPartner(ctx: ServiceCtx, input: CreateSubPartnerInput) {
  const parent = ctx.access.org;
  const now = ctx.clock.now();
  const [sub] = await ctx.db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(and(eq(subscriptions.id, input.subscriptionId), eq(subscriptions.partnerOrgId, parent.id)));
  if (!sub) throw new ValidationError('Check the highlighted fields.', { subscriptionId: ['Choose one of your subscriptions.'] });

  const [taken] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${input.adminEmail}`);
  if (taken)
    throw new ConflictError(
      'The e-mail is already associated with an existing user.',
      { adminEmail: ['The e-mail is already associated with an existing user.'] },
      10022,
    );

  const { country } = await oneRow(
    ctx.db.select({ country: orgs.country }).from(orgs).where(eq(orgs.id, parent.id)),
    'the parent partner org',
  );
  const billingStartDate = input.billingStartDate || now.toISOString().slice(0, 10);
  const org = await oneRow(
    ctx.db
      .insert(orgs)
      .values({
        kind: 'sub_partner',
        name: input.name,
        parentPartnerId: parent.id,
        wholesale: true,
        country,
        billingStartDate,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: orgs.id }),
    'the inserted org',
  );
  await ctx.db.insert(orgRelations).values({ managerOrgId: parent.id, managedOrgId: org.id, createdAt: now });
  await ctx.db.insert(subPartnerSubscriptions).values({ subPartnerOrgId: org.id, subscriptionId: sub.id });

  let adminId: string;
  try {
    const admin = await oneRow(
      ctx.db
        .insert(users)
        .values({
          orgId: org.id,
          email: input.adminEmail,
          firstName: input.adminFirstName,
          lastName: input.adminLastName,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: users.id }),
      'the inserted user',
    );
    adminId = admin.id;
  } catch (err) {
    // Two setups racing for one e-mail: the unique index decides.
    if (uniqueViolation(err))
      throw new ConflictError(
        'The e-mail is already associated with an existing user.',
        { adminEmail: ['The e-mail is already associated with an existing user.'] },
        10022,
      );
    throw err;
  }
  await ctx.db.insert(roleGrants).values([
    { userId: adminId, orgId: org.id, role: 'partner_full_admin', createdAt: now },
    { userId: adminId, orgId: org.id, role: 'wholesale_admin', createdAt: now },
  ]);

  const { token } = await createInvitation(ctx.db, { userId: adminId, createdBy: ctx.access.actor.userId, now });
  await queueEmail(ctx, {
    to: input.adminEmail,
    orgId: org.id,
    kind: 'invitation',
    oneTimeLink: true,
    subject: `You're invited to manage ${input.name} in Partner Hub`,
    body: `${ctx.access.actor.name} of ${parent.name} set up ${input.name} as an indirect provider and made you its administrator.\n\nSet your password within 7 days: ${appUrl(`/invite/${token}`)}`,
  });
  await audit(ctx.db, auditActor(ctx), {
    action: 'subPartner.create',
    targetType: 'org',
    targetId: org.id,
    summary: `Set up indirect provider "${input.name}" with administrator ${input.adminEmail}`,
    after: { name: input.name, adminEmail: input.adminEmail, subscriptionId: sub.id, billingStartDate },
  });
  return { orgId: org.id };
}
