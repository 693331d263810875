import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { webhookEndpoints } from '@/db/schema';
import type { OrgAccess } from '@/lib/auth/access';
import { NotFoundError } from '@/lib/platform/errors';
import { WEBHOOK_ERRORS } from './webhook-error-codes';

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;

/** One of the acting org's endpoints; another org's id answers 404 like an unknown one. */
export async function getWebhookEndpointOrThrow(
  db: DbOrTx,
  access: OrgAccess,
  endpointId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<WebhookEndpointRow> {
  const q = db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.orgId, access.org.id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw new NotFoundError('Webhook endpoint not found.', WEBHOOK_ERRORS.endpointNotFound);
  return row;
}

/** What the UI and API may show of an endpoint: never a secret. */
export function endpointView(e: WebhookEndpointRow) {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    eventTypes: e.eventTypes,
    includeIndirect: e.includeIndirect,
    enabled: e.enabled,
    disabledReason: e.disabledReason,
    failingSince: e.failingSince,
    previousSecretExpiresAt: e.previousSecretExpiresAt,
    createdAt: e.createdAt,
  };
}
export type WebhookEndpointView = ReturnType<typeof endpointView>;
