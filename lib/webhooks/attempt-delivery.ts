import { and, eq, lte, sql } from 'drizzle-orm';
import { roleGrants, users, webhookAttempts, webhookDeliveries, webhookEndpoints, webhookEvents } from '@/db/schema';
import { logger } from '@/lib/platform/logger';
import { QUEUES } from '@/lib/platform/queues';
import { queueEmail } from '@/lib/platform/outbox';
import type { ServiceDeps } from '@/lib/platform/service-ctx';
import { ATTEMPT_LEASE_MS, RETRY_WINDOW_MS, retryDelayMs } from './retry-schedule';
import { WEBHOOK_TIMEOUT_MS, sendWebhook, type SendResult } from './send-webhook';
import { webhookHeaders } from './sign-payload';
import { decryptSecret } from './signing-secret';
import { oneRow } from '@/db/one-row';

export interface AttemptOptions {
  timeoutMs?: number;
  random?: () => number;
}

export type AttemptOutcome =
  | { kind: 'skipped' }
  | { kind: 'succeeded'; result: SendResult; attempt: number }
  | { kind: 'retry'; result: SendResult; attempt: number; nextAttemptAt: Date }
  | { kind: 'gave_up' | 'endpoint_disabled'; result: SendResult; attempt: number };

/**
 * One attempt at one delivery (SPEC §8.4), keyed by delivery id. The row is claimed with
 * a compare-and-set lease first, so two workers (or the job and the sweep) never send the
 * same attempt twice. A failure schedules the next try with backoff; an endpoint failing
 * for 24 h straight is disabled and its org's full administrators are e-mailed.
 */
export async function attemptDelivery(deps: ServiceDeps, deliveryId: string, opts: AttemptOptions = {}): Promise<AttemptOutcome> {
  const now = deps.clock.now();
  const claimed = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ d: webhookDeliveries, e: webhookEndpoints, payload: webhookEvents.payload })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
      .where(eq(webhookDeliveries.id, deliveryId))
      .for('update', { of: webhookDeliveries });
    if (!row) return null;
    if (row.d.status !== 'pending' || row.d.nextAttemptAt > now) return null;
    if (!row.e.enabled) {
      await tx.update(webhookDeliveries).set({ status: 'failed' }).where(eq(webhookDeliveries.id, deliveryId));
      return null;
    }
    const attempt = row.d.attempts + 1;
    await tx
      .update(webhookDeliveries)
      .set({ attempts: attempt, lastAttemptAt: now, nextAttemptAt: new Date(now.getTime() + ATTEMPT_LEASE_MS) })
      .where(eq(webhookDeliveries.id, deliveryId));
    return { ...row, attempt };
  });
  if (!claimed) return { kind: 'skipped' };

  const { d, e, payload, attempt } = claimed;
  const secrets = [decryptSecret(e.secretEncrypted)];
  if (e.previousSecretEncrypted && e.previousSecretExpiresAt && e.previousSecretExpiresAt > now)
    secrets.push(decryptSecret(e.previousSecretEncrypted));
  const body = JSON.stringify(payload);
  const result = await sendWebhook(e.url, webhookHeaders(secrets, d.eventId, now, body), body, opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS);

  const after: (() => Promise<void> | void)[] = [];
  const outcome = await deps.db.transaction(async (tx): Promise<AttemptOutcome> => {
    await tx.insert(webhookAttempts).values({
      deliveryId,
      endpointId: e.id,
      attempt,
      at: now,
      statusCode: result.statusCode,
      durationMs: result.durationMs,
      responseExcerpt: result.excerpt,
      ok: result.ok,
    });
    if (result.ok) {
      await tx.update(webhookDeliveries).set({ status: 'succeeded' }).where(eq(webhookDeliveries.id, deliveryId));
      await tx.update(webhookEndpoints).set({ failingSince: null }).where(eq(webhookEndpoints.id, e.id));
      return { kind: 'succeeded', result, attempt };
    }
    const ep = await oneRow(
      tx
        .update(webhookEndpoints)
        .set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${now.toISOString()}::timestamptz)` })
        .where(eq(webhookEndpoints.id, e.id))
        .returning({ failingSince: webhookEndpoints.failingSince, enabled: webhookEndpoints.enabled }),
      'the updated webhook endpoint',
    );
    if (ep.enabled && ep.failingSince && now.getTime() - ep.failingSince.getTime() >= RETRY_WINDOW_MS) {
      await disableFailingEndpoint(tx, { ...deps, afterCommit: (f) => after.push(f) }, e, now);
      return { kind: 'endpoint_disabled', result, attempt };
    }
    // The last try lands exactly at the end of the 24-hour window, so an endpoint that
    // failed every one of them has failed for 24 h straight and gets disabled.
    const windowEnd = d.createdAt.getTime() + RETRY_WINDOW_MS;
    if (now.getTime() >= windowEnd) {
      await tx.update(webhookDeliveries).set({ status: 'failed' }).where(eq(webhookDeliveries.id, deliveryId));
      return { kind: 'gave_up', result, attempt };
    }
    const next = new Date(Math.min(now.getTime() + retryDelayMs(attempt, opts.random), windowEnd));
    await tx.update(webhookDeliveries).set({ nextAttemptAt: next }).where(eq(webhookDeliveries.id, deliveryId));
    after.push(() => deps.jobs.send(QUEUES.deliverWebhook, { deliveryId }, { singletonKey: deliveryId, startAfter: next }));
    return { kind: 'retry', result, attempt, nextAttemptAt: next };
  });
  for (const f of after) await Promise.resolve(f()).catch((err) => logger.error({ err }, 'webhook delivery: after-commit step failed'));
  return outcome;
}

type Tx = Parameters<Parameters<ServiceDeps['db']['transaction']>[0]>[0];

async function disableFailingEndpoint(
  tx: Tx,
  deps: ServiceDeps & { afterCommit(f: () => Promise<void> | void): void },
  e: typeof webhookEndpoints.$inferSelect,
  now: Date,
) {
  const reason = 'Disabled automatically: every delivery failed for 24 hours.';
  await tx.update(webhookEndpoints).set({ enabled: false, disabledReason: reason, updatedAt: now }).where(eq(webhookEndpoints.id, e.id));
  await tx
    .update(webhookDeliveries)
    .set({ status: 'failed' })
    .where(and(eq(webhookDeliveries.endpointId, e.id), eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.createdAt, now)));
  const admins = await tx
    .select({ email: users.email })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.orgId, e.orgId), eq(roleGrants.role, 'partner_full_admin')));
  for (const a of admins) {
    await queueEmail(
      { db: tx, jobs: deps.jobs, afterCommit: deps.afterCommit },
      {
        to: a.email,
        orgId: e.orgId,
        kind: 'webhook_disabled',
        subject: 'A webhook endpoint was disabled',
        body: `Hello,\n\nEvery delivery to your webhook endpoint ${e.url} has failed for 24 hours, so it has been disabled and no more events are sent to it.\n\nFix the receiver, then enable the endpoint again under Settings → Webhooks; the delivery log there shows each attempt and its answer, and Redeliver resends an event.\n`,
      },
    );
  }
}
