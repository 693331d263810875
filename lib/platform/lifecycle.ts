// The process's run state, read by GET /api/ready and written by start-up and shutdown.
// On globalThis: instrumentation.ts and the route bundles may hold separate copies of this module.
import { logger } from './logger';

export interface Lifecycle {
  /** The job workers of this process are registered (jobs/start.ts). */
  jobsStarted: boolean;
  /** SIGTERM arrived: the probe says "not ready" so a load balancer stops sending traffic. */
  shuttingDown: boolean;
}

declare global {
  var __partnerHubLifecycle: Lifecycle | undefined;
}
export const lifecycle: Lifecycle = (globalThis.__partnerHubLifecycle ??= { jobsStarted: false, shuttingDown: false });

export interface ShutdownStep {
  name: string;
  run: () => Promise<unknown>;
}

/**
 * Graceful shutdown, in this order: refuse readiness, stop the job workers (they finish the
 * jobs in hand, and need the database for it), then close the database pool (it waits for
 * running queries). A failing step is logged and the next still runs: the pool is closed even
 * if the queue could not stop cleanly.
 */
export async function runShutdown(
  steps: { stopWorkers: () => Promise<unknown>; closeDatabase: () => Promise<unknown> },
  state: Lifecycle = lifecycle,
): Promise<void> {
  state.shuttingDown = true;
  const ordered: ShutdownStep[] = [
    { name: 'stop job workers', run: steps.stopWorkers },
    { name: 'close database pool', run: steps.closeDatabase },
  ];
  for (const step of ordered) {
    const started = Date.now();
    try {
      await step.run();
      logger.info({ step: step.name, ms: Date.now() - started }, 'shutdown step done');
    } catch (err) {
      logger.error({ err, step: step.name }, 'shutdown step failed');
    }
  }
}
