import type PgBoss from 'pg-boss';
import type { Db } from '@/db/client';
import type { Clock } from '@/lib/platform/clock';
import { senderFor } from '@/lib/platform/boss';
import { deliverEmail, sweepOutbox } from './handlers/deliver-email';
import { provisionCustomer } from './handlers/provision-customer';
import { recheckRestrictedParties, resumeStaleProvisioning } from './handlers/sweep-customers';
import { generateReport, sweepReports } from './handlers/generate-report';
import { QUEUES, type JobPayloads } from '@/lib/platform/queues';

/** Registers every job handler on a started pg-boss. Later features add theirs here. */
export async function registerWorkers(boss: PgBoss, db: Db, clock: Clock): Promise<void> {
  const jobs = senderFor(boss);
  const deps = { db, clock, jobs };
  await boss.work<JobPayloads['outbox-deliver']>(QUEUES.deliverEmail, { batchSize: 10, pollingIntervalSeconds: 1 }, async (batch) => {
    for (const job of batch) await deliverEmail(db, job.data.emailId, clock.now());
  });
  await boss.work(QUEUES.sweepOutbox, async () => {
    await sweepOutbox(db, jobs, clock.now());
  });
  await boss.schedule(QUEUES.sweepOutbox, '* * * * *');

  // Customers of a batch provision side by side; one that fails is failed alone (pg-boss
  // retries it with backoff) while the others complete.
  await boss.work<JobPayloads['customer-provision']>(
    QUEUES.provisionCustomer,
    { batchSize: 4, pollingIntervalSeconds: 1, includeMetadata: true },
    async (batch) => {
      await Promise.all(batch.map(async (job) => {
        try {
          await provisionCustomer(deps, job.data.customerId, { finalAttempt: job.retryCount >= job.retryLimit });
        } catch (err) {
          await boss.fail(QUEUES.provisionCustomer, job.id, { message: err instanceof Error ? err.message : String(err) });
        }
      }));
    },
  );
  // The restricted-party re-check (72-hour rule) and lost provisioning jobs, every minute.
  await boss.work(QUEUES.sweepCustomers, async () => {
    await recheckRestrictedParties(deps);
    await resumeStaleProvisioning(deps);
  });
  await boss.schedule(QUEUES.sweepCustomers, '* * * * *');
  // One report at a time per process: each streams through its own cursor and stays small.
  await boss.work<JobPayloads['billing-report-generate']>(QUEUES.generateReport, { batchSize: 1, pollingIntervalSeconds: 1 }, async (batch) => {
    for (const job of batch) await generateReport(db, job.data.reportId, { clock });
  });
  await boss.work(QUEUES.sweepReports, async () => {
    await sweepReports(db, jobs, clock.now());
  });
  await boss.schedule(QUEUES.sweepReports, '* * * * *');
}
