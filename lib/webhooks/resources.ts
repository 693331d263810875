// Snapshots of resources as the API's GET returns them, read inside the transaction of
// the change so an event shows exactly the committed state. Customers and subscribers go
// through the API's own serialisers, so a payload and a GET can never disagree.
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { billingReports, subscribers } from '@/db/schema';
import { customerResources } from '@/lib/customers/customer-resource';
import { subscriberResources } from '@/lib/subscribers/subscriber-resource';
import type { BillingReportResource, CustomerResource, SubscriberResource } from './event-schemas';

const iso = (d: Date) => d.toISOString();

/** The customer exactly as the API's GET /customers/{id} returns it (one serialiser for both doors). */
export async function customerResource(db: DbOrTx, customerId: string): Promise<CustomerResource | null> {
  const [c] = await customerResources(db, [customerId]);
  return c ?? null;
}

/**
 * The subscriber exactly as the API's GET /subscribers/{id} returns it. Workspaces are
 * portal-only (the API has no such resource), so they raise no subscriber event.
 */
export async function subscriberResource(db: DbOrTx, subscriberId: string): Promise<SubscriberResource | null> {
  const [s] = await subscriberResources(db, [subscriberId]);
  return s ?? null;
}

/** The live subscribers of a customer (for subscriber.deleted when a customer is removed). */
export async function activeSubscriberIds(db: DbOrTx, customerId: string): Promise<string[]> {
  const rows = await db
    .select({ id: subscribers.id })
    .from(subscribers)
    .where(and(eq(subscribers.customerId, customerId), isNull(subscribers.removedAt)));
  return rows.map((r) => r.id);
}

export async function billingReportResource(db: DbOrTx, reportId: string): Promise<BillingReportResource | null> {
  const [r] = await db.select().from(billingReports).where(eq(billingReports.id, reportId));
  if (!r) return null;
  return {
    id: r.id,
    billingStartDate: r.billingStartDate,
    billingEndDate: r.billingEndDate,
    type: r.type,
    created: iso(r.createdAt),
    createdBy: r.createdBy,
    status: r.status,
    errors: r.errors,
  };
}
