import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { locations, subscribers, users } from '@/db/schema';
import { openAssignment } from '@/lib/ledger/assignments';
import { PACKAGE_INFO } from '@/lib/domain/packages';
import { audit } from '@/lib/platform/audit';
import type { FieldErrors } from '@/lib/platform/errors';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import { numberConflict } from './number-conflict';
import type { addUsersSchema } from './subscriber-schemas';
import { getViewCustomerOrThrow } from './get-view-customer-or-throw';
import { emitSubscriberEvent } from '@/lib/webhooks/emit-resource-events';
import { oneRow } from '@/db/one-row';

export interface AddUserResult {
  row: number;
  ok: boolean;
  subscriberId?: string;
  /** The row had been created by an earlier (retried) call: reported, not duplicated. */
  alreadyCreated?: boolean;
  errors?: FieldErrors;
}

type Row = z.output<typeof addUsersSchema>['rows'][number];

/**
 * Adds up to 25 users (SPEC §4.4, §5.2). Each row runs in its own savepoint, so one bad
 * row (a taken e-mail, extension or number) doesn't undo the others; the caller gets a
 * result per row. Retrying rows that already succeeded reports them as created.
 */
export async function addUsers(
  ctx: ServiceCtx,
  input: z.output<typeof addUsersSchema>,
): Promise<{ results: AddUserResult[]; created: number }> {
  const customer = await getViewCustomerOrThrow(ctx);
  const orgId = ctx.access.org.id;
  const emails = [...new Set(input.rows.map((r) => r.email.toLowerCase()))];
  // Everything the rows are checked against, in three queries whatever the row count.
  const [orgLocations, known] = await Promise.all([
    ctx.db.select({ id: locations.id }).from(locations).where(eq(locations.orgId, orgId)),
    ctx.db
      .select({
        userId: users.id,
        orgId: users.orgId,
        email: users.email,
        firstName: users.firstName,
        lastName: users.lastName,
        subscriberId: subscribers.id,
        package: subscribers.package,
        locationId: subscribers.locationId,
        extension: subscribers.extension,
        primaryPhoneNumber: subscribers.primaryPhoneNumber,
      })
      .from(users)
      .leftJoin(subscribers, and(eq(subscribers.userId, users.id), isNull(subscribers.removedAt)))
      .where(inArray(sql`lower(${users.email})`, emails)),
  ]);
  const locationIds = new Set(orgLocations.map((l) => l.id));
  const byEmail = new Map(known.map((k) => [k.email.toLowerCase(), k]));
  const now = ctx.clock.now();

  const results: AddUserResult[] = [];
  for (const [row, r] of input.rows.entries()) {
    const errors: FieldErrors = {};
    if (!customer.packages.includes(r.package)) errors.package = [`${PACKAGE_INFO[r.package].name} isn't one of this customer's packages.`];
    if (!locationIds.has(r.locationId)) errors.locationId = ['Choose a location of this organisation.'];
    const existing = byEmail.get(r.email.toLowerCase());
    if (existing && existing.orgId !== orgId) errors.email = ['This email address is already in use.'];
    if (Object.keys(errors).length) {
      results.push({ row, ok: false, errors });
      continue;
    }

    if (existing?.subscriberId) {
      const same =
        existing.package === r.package &&
        existing.locationId === r.locationId &&
        (existing.extension ?? '') === r.extension &&
        (existing.primaryPhoneNumber ?? '') === r.primaryPhoneNumber &&
        existing.firstName === r.firstName &&
        existing.lastName === r.lastName;
      results.push(
        same
          ? { row, ok: true, subscriberId: existing.subscriberId, alreadyCreated: true }
          : { row, ok: false, errors: { email: ['This person is already a user of this organisation.'] } },
      );
      continue;
    }

    try {
      const subscriberId = await ctx.db.transaction((sp) => createOne(sp, ctx, customer, r, existing?.userId ?? null, now));
      results.push({ row, ok: true, subscriberId });
    } catch (err) {
      const conflict = numberConflict(err);
      if (!conflict) throw err;
      results.push({ row, ok: false, errors: conflict });
    }
  }
  return { results, created: results.filter((r) => r.ok && !r.alreadyCreated).length };
}

async function createOne(
  db: ServiceCtx['db'],
  ctx: ServiceCtx,
  customer: { id: string; orgId: string; partnerOrgId: string },
  r: Row,
  userId: string | null,
  now: Date,
): Promise<string> {
  let id = userId;
  if (id) {
    // A former user of this org (removed earlier) comes back under the same person.
    await db.update(users).set({ firstName: r.firstName, lastName: r.lastName, updatedAt: now }).where(eq(users.id, id));
  } else {
    ({ id } = await oneRow(
      db
        .insert(users)
        .values({ orgId: customer.orgId, email: r.email, firstName: r.firstName, lastName: r.lastName, createdAt: now, updatedAt: now })
        .returning({ id: users.id }),
      'the inserted user',
    ));
  }
  const sub = await oneRow(
    db
      .insert(subscribers)
      .values({
        customerId: customer.id,
        orgId: customer.orgId,
        kind: 'user',
        userId: id,
        package: r.package,
        locationId: r.locationId,
        extension: r.extension || null,
        primaryPhoneNumber: r.primaryPhoneNumber || null,
        status: 'provisioned',
        createdAt: now,
        lastStatusChangeAt: now,
      })
      .returning({ id: subscribers.id }),
    'the inserted subscriber',
  );
  await openAssignment(
    db,
    { subscriberId: sub.id, customerId: customer.id, partnerOrgId: customer.partnerOrgId, locationId: r.locationId },
    r.package,
    now,
  );
  await audit(db, auditActor(ctx), {
    action: 'subscriber.create',
    targetType: 'subscriber',
    targetId: sub.id,
    summary: `Added user ${r.email} with ${PACKAGE_INFO[r.package].name}`,
    after: {
      email: r.email,
      package: r.package,
      locationId: r.locationId,
      extension: r.extension || null,
      primaryPhoneNumber: r.primaryPhoneNumber || null,
    },
  });
  await emitSubscriberEvent({ db, jobs: ctx.jobs, afterCommit: ctx.afterCommit }, 'subscriber.created', sub.id, now);
  return sub.id;
}
