import type PgBoss from 'pg-boss';
import type { Db } from '@/db/client';
import type { Clock } from '@/lib/platform/clock';
import { senderFor } from '@/lib/platform/boss';
import { deliverEmail, sweepOutbox } from './handlers/deliver-email';
import { smtpMailer } from '@/lib/email/mailer';
import { provisionCustomer } from './handlers/provision-customer';
import { runProvisioningJobs } from './handlers/provision-batch';
import { recheckRestrictedParties, resumeStaleProvisioning } from '@/lib/customers/sweep-customers';
import { failOrphanedProvisioning } from '@/lib/customers/orphaned-provisioning';
import { generateReport, sweepReports } from './handlers/generate-report';
import { deleteExpiredReports, reportRetentionDays } from '@/lib/billing/report-retention';
import { attemptDelivery } from '@/lib/webhooks/attempt-delivery';
import { sweepWebhookDeliveries } from '@/lib/webhooks/sweep-webhook-deliveries';
import { QUEUES, type JobPayloads } from '@/lib/platform/queues';
import { sweepTrials } from '@/lib/trials/sweep-trials';
import { sweepIdempotencyKeys } from '@/lib/api/idempotency';

/** Provisioning jobs fetched at once per worker, and workers per process (see below). */
export const PROVISION_BATCH_SIZE = 100;
const PROVISION_WORKERS = 2;

/** Registers every job handler on a started pg-boss. Later features add theirs here. */
export async function registerWorkers(boss: PgBoss, db: Db, clock: Clock): Promise<void> {
  const jobs = senderFor(boss);
  const deps = { db, clock, jobs };
  // SMTP_URL set → real e-mail over SMTP; unset → the outbox only.
  const smtpUrl = process.env.SMTP_URL;
  const smtp = smtpUrl ? { mailer: smtpMailer(smtpUrl), jobs, from: process.env.SMTP_FROM || undefined } : null;
  await boss.work<JobPayloads['outbox-deliver']>(QUEUES.deliverEmail, { batchSize: 10, pollingIntervalSeconds: 1 }, async (batch) => {
    for (const job of batch) await deliverEmail(db, job.data.emailId, clock.now(), smtp);
  });
  await boss.work(QUEUES.sweepOutbox, async () => {
    await sweepOutbox(db, jobs, clock.now());
  });
  await boss.schedule(QUEUES.sweepOutbox, '* * * * *');

  // Provisioning (issue 13): large batches, fresh customers built set-based in one
  // transaction per batch (provision-batch.ts); two workers so one batch's commit overlaps
  // the next fetch. A full batch means more are waiting: the worker is woken at once
  // instead of sleeping out pg-boss's polling interval.
  for (let i = 0; i < PROVISION_WORKERS; i++) {
    const workerId: string = await boss.work<JobPayloads['customer-provision']>(
      QUEUES.provisionCustomer,
      { batchSize: PROVISION_BATCH_SIZE, pollingIntervalSeconds: 0.5, includeMetadata: true },
      async (batch) => {
        await runProvisioningJobs(
          deps,
          batch.map((job) => ({ id: job.id, customerId: job.data.customerId, finalAttempt: job.retryCount >= job.retryLimit })),
          async (job, err) => {
            await boss.fail(QUEUES.provisionCustomer, job.id, { message: err instanceof Error ? err.message : String(err) });
          },
          (customerId, finalAttempt) => provisionCustomer(deps, customerId, { finalAttempt }),
        );
        if (batch.length === PROVISION_BATCH_SIZE) boss.notifyWorker(workerId);
      },
    );
  }
  // The restricted-party re-check (72-hour rule) and lost provisioning jobs, every minute.
  await boss.work(QUEUES.sweepCustomers, async () => {
    await recheckRestrictedParties(deps);
    await resumeStaleProvisioning(deps);
    await failOrphanedProvisioning(deps);
  });
  await boss.schedule(QUEUES.sweepCustomers, '* * * * *');
  // One report at a time per process: each streams through its own cursor and stays small.
  await boss.work<JobPayloads['billing-report-generate']>(
    QUEUES.generateReport,
    { batchSize: 1, pollingIntervalSeconds: 1 },
    async (batch) => {
      for (const job of batch) await generateReport(db, job.data.reportId, { clock, jobs });
    },
  );
  await boss.work(QUEUES.sweepReports, async () => {
    await sweepReports(db, jobs, clock.now());
  });
  await boss.schedule(QUEUES.sweepReports, '* * * * *');
  // Retention (REPORT_RETENTION_DAYS, read once here so a bad value stops the start-up):
  // once a day; pg-boss runs one scheduled job per tick whatever the number of instances.
  const retentionDays = reportRetentionDays();
  await boss.work(QUEUES.expireReports, async () => {
    await deleteExpiredReports(db, clock.now(), retentionDays);
  });
  await boss.schedule(QUEUES.expireReports, '41 3 * * *');
  // Trial time rules (SPEC §9): consent timeout, reminders, grace, end, number release.
  // Idempotent by keys, so the cron firing on two servers at once is harmless.
  await boss.work(QUEUES.sweepTrials, async () => {
    await sweepTrials(deps);
  });
  await boss.schedule(QUEUES.sweepTrials, '*/5 * * * *');

  // Webhooks (SPEC §8.4): each attempt holds a lease on its delivery row, so several
  // workers and instances can share the queue; the sweep re-enqueues what a crash lost.
  await boss.work<JobPayloads['webhook-deliver']>(QUEUES.deliverWebhook, { batchSize: 8, pollingIntervalSeconds: 1 }, async (batch) => {
    await Promise.all(batch.map((job) => attemptDelivery(deps, job.data.deliveryId)));
  });
  await boss.work(QUEUES.sweepWebhooks, async () => {
    await sweepWebhookDeliveries(deps);
  });
  await boss.schedule(QUEUES.sweepWebhooks, '* * * * *');
  // Idempotency-Key records live 24 hours (SPEC §8.1); expired ones are swept hourly.
  await boss.work(QUEUES.sweepIdempotencyKeys, async () => {
    await sweepIdempotencyKeys(db, clock.now());
  });
  await boss.schedule(QUEUES.sweepIdempotencyKeys, '17 * * * *');
}
