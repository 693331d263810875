import { closeDb, getDb } from '@/db/client';
import { systemClock } from '@/lib/platform/clock';
import { env } from '@/lib/env';
import { getBoss, stopBoss } from '@/lib/platform/boss';
import { lifecycle, runShutdown } from '@/lib/platform/lifecycle';
import { logger } from '@/lib/platform/logger';
import { registerWorkers } from './worker';

declare global {
  // Set once the signal handlers are installed: instrumentation may run this module twice.
  var __partnerHubShutdown: boolean | undefined;
}

/** Called once per server process from instrumentation.ts. */
export async function startBackgroundWork(): Promise<void> {
  const config = env(); // refuse to start with a clear message when configuration is wrong
  installGracefulShutdown();
  if (!config.JOBS_ENABLED) return;
  const boss = await getBoss();
  await registerWorkers(boss, getDb(), systemClock);
  lifecycle.jobsStarted = true;
  logger.info('job workers started');
}

/**
 * SIGTERM/SIGINT: stop the workers, then close the pool (lib/platform/lifecycle.ts), then exit.
 * scripts/start.mjs sets NEXT_MANUAL_SIG_HANDLE so that Next.js leaves the signal to us instead
 * of exiting before the jobs in hand are finished; without it (next dev) Next exits on its own.
 */
function installGracefulShutdown() {
  if (globalThis.__partnerHubShutdown) return;
  globalThis.__partnerHubShutdown = true;
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    void runShutdown({ stopWorkers: () => stopBoss(), closeDatabase: closeDb }).finally(() => {
      logger.info('shutdown complete');
      if (process.env.NEXT_MANUAL_SIG_HANDLE) process.exit(0);
    });
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
