import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { pendingMigrationCount } from '@/db/migrate';

export interface Readiness {
  ready: boolean;
  checks: {
    database: 'ok' | 'unreachable';
    migrations: 'ok' | `${number} pending` | 'unknown';
    jobs: 'started' | 'disabled' | 'not started' | 'stopping';
  };
}

/** What `GET /api/ready` answers: may a load balancer send this instance traffic? */
export async function checkReadiness(db: Db, jobs: { enabled: boolean; started: boolean; shuttingDown?: boolean }): Promise<Readiness> {
  const checks: Readiness['checks'] = {
    database: 'ok',
    migrations: 'unknown',
    jobs: jobs.shuttingDown ? 'stopping' : !jobs.enabled ? 'disabled' : jobs.started ? 'started' : 'not started',
  };
  try {
    await db.execute(sql`select 1`);
    const pending = await pendingMigrationCount(db);
    checks.migrations = pending === 0 ? 'ok' : `${pending} pending`;
  } catch {
    checks.database = 'unreachable';
  }
  const ready = checks.database === 'ok' && checks.migrations === 'ok' && checks.jobs !== 'not started' && checks.jobs !== 'stopping';
  return { ready, checks };
}
