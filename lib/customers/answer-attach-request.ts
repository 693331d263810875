// The org's answer to a partner's attach request (SPEC §8.3), on a page in its own view.
// Approve: the partner now manages the org and provisioning starts. Decline: the request
// ends (`deprovisioned`, so the status machine and the webhooks record it) and the
// partner is told. Either way the status change raises `customer.status_changed`.
import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { customerPackages, customers, orgs, provisioningEvents, roleGrants, users } from '@/db/schema';
import { PACKAGE_INFO } from '@/lib/domain/packages';
import { audit } from '@/lib/platform/audit';
import { NotFoundError } from '@/lib/platform/errors';
import { queueEmail } from '@/lib/platform/outbox';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import { startAttachedProvisioning } from './attach-customer';
import type { attachAnswerSchema } from './attach-schema';
import { changeCustomerStatus } from './change-customer-status';

/** The org's pending attach requests, for its Partner requests page. */
export async function listAttachRequests(ctx: Pick<ServiceCtx, 'db' | 'access'>) {
  const rows = await ctx.db
    .select({
      customerId: customers.id,
      partnerName: orgs.name,
      requestedAt: customers.statusChangedAt,
      packages: customers.packages,
      partnerAdminLevel: customers.partnerAdminLevel,
    })
    .from(customers)
    .innerJoin(orgs, eq(orgs.id, customers.partnerOrgId))
    .where(and(eq(customers.orgId, ctx.access.org.id), eq(customers.status, 'pending_customer_approval'), eq(customers.attached, true)))
    .orderBy(desc(customers.statusChangedAt));
  return rows.map((r) => ({ ...r, packageNames: r.packages.map((p) => PACKAGE_INFO[p].name) }));
}

export async function answerAttachRequest(ctx: ServiceCtx, input: z.output<typeof attachAnswerSchema>) {
  const org = ctx.access.org;
  const [row] = await ctx.db
    .select({ c: customers, partnerName: orgs.name })
    .from(customers)
    .innerJoin(orgs, eq(orgs.id, customers.partnerOrgId))
    .where(
      and(
        eq(customers.id, input.customerId),
        eq(customers.orgId, org.id),
        eq(customers.attached, true),
        eq(customers.status, 'pending_customer_approval'),
      ),
    )
    .for('update', { of: customers });
  if (!row) throw new NotFoundError('This request is no longer waiting for an answer.');
  const { c, partnerName } = row;
  const now = ctx.clock.now();
  const who = ctx.access.actor.email;
  if (input.approve) {
    await changeCustomerStatus(ctx.db, { customerId: c.id, from: 'pending_customer_approval', to: 'provisioning', at: now }, ctx);
    await startAttachedProvisioning(ctx, c.id, org.id, now);
    await ctx.db
      .insert(provisioningEvents)
      .values({ customerId: c.id, at: now, step: 'accepted', message: `Approved by ${who}; provisioning started` });
  } else {
    await changeCustomerStatus(
      ctx.db,
      { customerId: c.id, from: 'pending_customer_approval', to: 'deprovisioned', at: now, set: { deprovisionedAt: now } },
      ctx,
    );
    await ctx.db.delete(customerPackages).where(eq(customerPackages.customerId, c.id));
    await ctx.db
      .insert(provisioningEvents)
      .values({ customerId: c.id, at: now, step: 'declined', level: 'warning', message: `Declined by ${who}` });
  }
  await audit(ctx.db, auditActor(ctx), {
    action: input.approve ? 'customer.attach.approve' : 'customer.attach.decline',
    targetType: 'customer',
    targetId: c.id,
    summary: `${input.approve ? 'Approved' : 'Declined'} ${partnerName}’s request to manage Webex services for ${org.name}`,
    before: { status: 'pending_customer_approval' },
    after: { status: input.approve ? 'provisioning' : 'deprovisioned' },
  });
  const partnerAdmins = await ctx.db
    .selectDistinct({ email: users.email })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.orgId, c.partnerOrgId), eq(roleGrants.role, 'partner_full_admin')));
  for (const { email: to } of partnerAdmins) {
    await queueEmail(ctx, {
      to,
      orgId: c.partnerOrgId,
      kind: input.approve ? 'attach_approved' : 'attach_declined',
      subject: `${org.name} ${input.approve ? 'approved' : 'declined'} your request to manage its Webex services`,
      body: input.approve
        ? `${org.name} approved the request (${c.externalId}); provisioning has started.\n`
        : `${org.name} declined the request (${c.externalId}).\n`,
    });
  }
  return { customerId: c.id, status: input.approve ? ('provisioning' as const) : ('deprovisioned' as const) };
}
