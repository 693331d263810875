import 'server-only';
import { getDb } from '@/db/client';
import { appJobs } from '@/lib/platform/boss';
import { systemClock } from '@/lib/platform/clock';
import type { ServiceDeps } from '@/lib/platform/service-ctx';

/** The production wiring of services: pooled db, system clock, pg-boss. */
export function appDeps(): ServiceDeps {
  return { db: getDb(), clock: systemClock, jobs: appJobs };
}
