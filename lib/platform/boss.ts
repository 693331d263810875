import PgBoss from 'pg-boss';
import { logger } from './logger';
import { QUEUE_POLICIES, QUEUES, type JobSender } from './queues';

/** A started pg-boss on the given database, with every queue created. */
export async function startBoss(connectionString: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString, max: 4, schema: 'pgboss' });
  boss.on('error', (err) => logger.error({ err }, 'job queue error'));
  await boss.start();
  for (const name of Object.values(QUEUES)) await boss.createQueue(name, { name, policy: QUEUE_POLICIES[name] ?? 'standard' });
  return boss;
}

export function senderFor(boss: PgBoss): JobSender {
  return {
    async send(queue, data, options) {
      await boss.send(queue, data, { singletonKey: options?.singletonKey, startAfter: options?.startAfter, retryLimit: 5, retryBackoff: true });
    },
  };
}

// One pg-boss per server process for enqueueing, started on first use.
const g = globalThis as unknown as { __partnerHubBoss?: Promise<PgBoss> };

export function getBoss(): Promise<PgBoss> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  return (g.__partnerHubBoss ??= startBoss(url));
}

/**
 * Stops this process's pg-boss, if it was started: no new jobs are fetched, the jobs in hand
 * may finish (up to timeoutMs, then they are failed and retried elsewhere), then its pool closes.
 */
export async function stopBoss(timeoutMs = 20_000): Promise<void> {
  const started = g.__partnerHubBoss;
  if (!started) return;
  const boss = await started;
  await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
}

export const appJobs: JobSender = {
  async send(queue, data, options) {
    await senderFor(await getBoss()).send(queue, data, options);
  },
};
