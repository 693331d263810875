import PgBoss from 'pg-boss';
import postgres from 'postgres';
import { logger } from './logger';
import { QUEUE_POLICIES, QUEUES, type JobSender, type QueueName } from './queues';

/**
 * How quickly pg-boss notices a job whose worker died (kill -9, a lost machine): an
 * active job older than its queue's expiry is failed by the maintenance run (every
 * `maintenanceIntervalSeconds`, one instance at a time) and retried at once by any live
 * worker. Provisioning a batch takes seconds, so 60 s + 30 s puts a customer whose
 * worker died back to work in ≈ 1.5 minutes (issue 10 #16) instead of pg-boss's default
 * 15 minutes. Tests pass shorter times.
 */
export interface BossTuning {
  maintenanceIntervalSeconds: number;
  /** Per-queue job expiry (seconds); others keep pg-boss's default (15 min). */
  expireInSeconds: Partial<Record<QueueName, number>>;
  /** How often the cron clock is checked (pg-boss default 30 s); tests shorten it to see a tick at once. */
  cronMonitorIntervalSeconds?: number;
}

export const BOSS_TUNING: BossTuning = {
  maintenanceIntervalSeconds: 30,
  expireInSeconds: { 'customer-provision': 60 },
};

const tuningOf = new WeakMap<PgBoss, BossTuning>();

/** A started pg-boss on the given database, with every queue created. */
export async function startBoss(connectionString: string, tuning: BossTuning = BOSS_TUNING): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString,
    max: 4,
    schema: 'pgboss',
    maintenanceIntervalSeconds: tuning.maintenanceIntervalSeconds,
    ...(tuning.cronMonitorIntervalSeconds
      ? { cronMonitorIntervalSeconds: tuning.cronMonitorIntervalSeconds, cronWorkerIntervalSeconds: tuning.cronMonitorIntervalSeconds }
      : {}),
  });
  tuningOf.set(boss, tuning);
  boss.on('error', (err) => logger.error({ err }, 'job queue error'));
  // Instances starting together on a new database deadlock creating queues (each attaches
  // a partition to pgboss.job): one at a time, under an advisory lock held on its own connection.
  const lock = postgres(connectionString, { max: 1, onnotice: () => {} });
  try {
    await lock`select pg_advisory_lock(${BOSS_SETUP_LOCK_KEY}::bigint)`;
    await boss.start();
    const existing = new Set((await boss.getQueues()).map((q) => q.name));
    for (const name of Object.values(QUEUES)) {
      if (!existing.has(name)) await boss.createQueue(name, { name, policy: QUEUE_POLICIES[name] ?? 'standard' });
    }
  } finally {
    await lock.end({ timeout: 5 }); // ending the session releases the lock
  }
  return boss;
}

/** pg_advisory_lock key of pg-boss set-up ("PHBOSSUP" as an int8). */
const BOSS_SETUP_LOCK_KEY = '5784946629825221968';

export function senderFor(boss: PgBoss): JobSender {
  // Only queues with their own expiry pass the option (pg-boss refuses an undefined one).
  const expiry = (queue: QueueName) => {
    const seconds = (tuningOf.get(boss) ?? BOSS_TUNING).expireInSeconds[queue];
    return seconds ? { expireInSeconds: seconds } : {};
  };
  return {
    async send(queue, data, options) {
      await boss.send(queue, data, {
        singletonKey: options?.singletonKey,
        startAfter: options?.startAfter,
        retryLimit: 5,
        retryBackoff: true,
        ...expiry(queue),
      });
    },
    async sendMany(queue, jobs) {
      if (!jobs.length) return;
      await boss.insert(
        jobs.map((j) => ({ name: queue, data: j.data, singletonKey: j.singletonKey, retryLimit: 5, retryBackoff: true, ...expiry(queue) })),
      );
    },
  };
}

// One pg-boss per server process for enqueueing, started on first use.
declare global {
  var __partnerHubBoss: Promise<PgBoss> | undefined;
}

export function getBoss(): Promise<PgBoss> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  return (globalThis.__partnerHubBoss ??= startBoss(url));
}

/**
 * Stops this process's pg-boss, if it was started: no new jobs are fetched, the jobs in hand
 * may finish (up to timeoutMs, then they are failed and retried elsewhere), then its pool closes.
 */
export async function stopBoss(timeoutMs = 20_000): Promise<void> {
  const started = globalThis.__partnerHubBoss;
  if (!started) return;
  const boss = await started;
  await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
}

export const appJobs: JobSender = {
  async send(queue, data, options) {
    await senderFor(await getBoss()).send(queue, data, options);
  },
  async sendMany(queue, jobs) {
    await senderFor(await getBoss()).sendMany!(queue, jobs);
  },
};
