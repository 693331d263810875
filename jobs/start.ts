import { getDb } from '@/db/client';
import { systemClock } from '@/lib/platform/clock';
import { env } from '@/lib/env';
import { getBoss } from '@/lib/platform/boss';
import { registerWorkers } from './worker';

/** Called once per server process from instrumentation.ts. */
export async function startBackgroundWork(): Promise<void> {
  const config = env(); // refuse to start with a clear message when configuration is wrong
  if (!config.JOBS_ENABLED) return;
  const boss = await getBoss();
  await registerWorkers(boss, getDb(), systemClock);
  console.log('[jobs] workers started');
  const stop = async () => {
    await boss.stop({ graceful: true, timeout: 5_000 }).catch(() => {});
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
