import { and, arrayContains, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orgs, webhookEndpoints } from '@/db/schema';
import type { WebhookEventType } from './event-types';

/**
 * Of these owner orgs, the ones some enabled endpoint wants `type` from — the same rule
 * as emitWebhookEvent (the owner's own endpoints, or its parent's with *Include indirect
 * providers*). A batch writer asks once and calls emitWebhookEvent only for those, so
 * an event is still written per change while a batch without subscribers pays one query.
 */
export async function orgsSubscribedTo(db: DbOrTx, orgIds: string[], type: WebhookEventType): Promise<Set<string>> {
  const ids = [...new Set(orgIds)];
  if (!ids.length) return new Set();
  const rows = await db
    .selectDistinct({ orgId: orgs.id })
    .from(orgs)
    .innerJoin(
      webhookEndpoints,
      or(
        eq(webhookEndpoints.orgId, orgs.id),
        and(eq(webhookEndpoints.includeIndirect, true), eq(webhookEndpoints.orgId, orgs.parentPartnerId)),
      ),
    )
    .where(and(inArray(orgs.id, ids), eq(webhookEndpoints.enabled, true), arrayContains(webhookEndpoints.eventTypes, [type])));
  return new Set(rows.map((r) => r.orgId));
}
