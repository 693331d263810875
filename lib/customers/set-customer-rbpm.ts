import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { customers, orgs, roleGrants, users } from '@/db/schema';
import { audit } from '@/lib/platform/audit';
import { ERROR_CODES } from '@/lib/platform/error-codes';
import { ConflictError } from '@/lib/platform/errors';
import { queueEmail } from '@/lib/platform/outbox';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import type { customerRbpmSchema } from './customer-id-schema';
import { getCustomerOrThrow } from './get-customer-or-throw';
import { oneRow } from '@/db/one-row';

/**
 * Turns Restricted by Partner Mode on or off (SPEC §5.1): audited with before/after, and
 * the customer's administrators are told by e-mail (their banner changes at once, since
 * access is resolved per request). Not available for orgs attached through the API:
 * getCustomerOrThrow refuses the write with "Managed through the API" (SPEC §8.3).
 */
export async function setCustomerRbpm(ctx: ServiceCtx, input: z.output<typeof customerRbpmSchema>) {
  const customer = await getCustomerOrThrow(ctx.db, ctx.access, input.customerId, { forUpdate: true });
  // Portal callers were already refused by getCustomerOrThrow (Managed through the API, 10114);
  // RBPM is unavailable for an attached org whoever asks.
  if (customer.attached) {
    throw new ConflictError(
      'Restricted by Partner Mode is not available for organisations attached through the API.',
      undefined,
      ERROR_CODES.rbpmNotForAttached,
    );
  }
  if (customer.rbpm === input.rbpm) return { customerId: customer.id, rbpm: customer.rbpm };

  await ctx.db.update(customers).set({ rbpm: input.rbpm }).where(eq(customers.id, customer.id));
  const org = await oneRow(ctx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, customer.orgId)), "the customer's org");
  const state = input.rbpm ? 'on' : 'off';
  await audit(ctx.db, auditActor(ctx), {
    action: 'customer.rbpm.update',
    targetType: 'customer',
    targetId: customer.id,
    summary: `Turned Restricted by Partner Mode ${state} for "${org.name}"`,
    before: { rbpm: customer.rbpm },
    after: { rbpm: input.rbpm },
  });

  const admins = await ctx.db
    .selectDistinct({ email: users.email })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.orgId, customer.orgId), inArray(roleGrants.role, ['customer_full_admin', 'customer_readonly_admin'])));
  // Before provisioning made the admin a user, the address given at creation is the admin.
  const recipients = admins.length ? admins.map((a) => a.email) : [customer.adminEmail];
  const partner = ctx.access.org.name;
  for (const to of recipients) {
    await queueEmail(ctx, {
      to,
      orgId: customer.orgId,
      kind: 'rbpm_changed',
      subject: `${partner} turned Restricted by Partner Mode ${state} for ${org.name}`,
      body: input.rbpm
        ? `${partner} has restricted some settings of ${org.name}. Users' services, company details and calling setup are now managed by ${partner}.\n`
        : `${partner} has lifted the restrictions on ${org.name}. Your administrators can now manage users' services, company details and calling setup.\n`,
    });
  }
  return { customerId: customer.id, rbpm: input.rbpm };
}
