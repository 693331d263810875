import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { customers, subscribers, users } from '@/db/schema';
import { isUuid } from '@/lib/auth/access';
import { NotFoundError } from '@/lib/platform/errors';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import type { apiListSubscribersSchema, SubscriberResource } from './subscriber-api-schema';

const columns = {
  id: subscribers.id,
  customerId: subscribers.customerId,
  email: users.email,
  package: subscribers.package,
  status: subscribers.status,
  firstName: users.firstName,
  lastName: users.lastName,
  primaryPhoneNumber: subscribers.primaryPhoneNumber,
  extension: subscribers.extension,
  locationId: subscribers.locationId,
  createdAt: subscribers.createdAt,
  lastStatusChangeAt: subscribers.lastStatusChangeAt,
  errors: subscribers.errors,
};

type Row = { [K in keyof typeof columns]: unknown } & Record<string, unknown>;
const toResource = (r: Row): SubscriberResource => ({
  id: r.id as string,
  customerId: r.customerId as string,
  email: (r.email as string | null) ?? '',
  package: r.package as SubscriberResource['package'],
  status: r.status as SubscriberResource['status'],
  firstName: (r.firstName as string | null) ?? '',
  lastName: (r.lastName as string | null) ?? '',
  primaryPhoneNumber: r.primaryPhoneNumber as string | null,
  extension: r.extension as string | null,
  locationId: r.locationId as string,
  created: (r.createdAt as Date).toISOString(),
  lastStatusChange: (r.lastStatusChangeAt as Date).toISOString(),
  errors: r.errors as SubscriberResource['errors'],
});

/** The API's subscribers are users (people); workspaces are portal-only. */
const base = (db: DbOrTx) =>
  db
    .select(columns)
    .from(subscribers)
    .innerJoin(users, eq(users.id, subscribers.userId))
    .innerJoin(customers, eq(customers.id, subscribers.customerId));

/** A subscriber of one of the acting org's own customers, or 404. */
export async function getSubscriberResource(db: DbOrTx, partnerOrgId: string, subscriberId: string): Promise<SubscriberResource> {
  if (!isUuid(subscriberId)) throw new NotFoundError('Subscriber not found.');
  const [row] = await base(db).where(and(eq(subscribers.id, subscriberId), eq(customers.partnerOrgId, partnerOrgId)));
  if (!row) throw new NotFoundError('Subscriber not found.');
  return toResource(row);
}

/** GET /subscribers: across the acting org's customers; removed subscribers only when asked by status. */
export async function listApiSubscribers(ctx: Pick<ServiceCtx, 'db' | 'access'>, input: z.output<typeof apiListSubscribersSchema>) {
  const where: SQL[] = [eq(customers.partnerOrgId, ctx.access.org.id)];
  if (input.customerId) {
    if (!isUuid(input.customerId)) return { items: [], hasNext: false };
    where.push(eq(subscribers.customerId, input.customerId));
  }
  if (input.email) where.push(sql`lower(${users.email}) = lower(${input.email})`);
  where.push(input.status ? eq(subscribers.status, input.status) : sql`${subscribers.removedAt} is null`);
  if (input.externalCustomerId) where.push(eq(customers.externalId, input.externalCustomerId));
  const dir = input.sortOrder === 'asc' ? asc : desc;
  const sortCol = input.sortBy === 'lastStatusChange' ? subscribers.lastStatusChangeAt : subscribers.createdAt;
  const rows = await base(ctx.db)
    .where(and(...where))
    .orderBy(dir(sortCol), dir(subscribers.id))
    .limit(input.max + 1)
    .offset(input.offset);
  return { items: rows.slice(0, input.max).map(toResource), hasNext: rows.length > input.max };
}

export async function subscriberResources(db: DbOrTx, ids: string[]): Promise<SubscriberResource[]> {
  if (!ids.length) return [];
  return (await base(db).where(inArray(subscribers.id, ids))).map(toResource);
}
