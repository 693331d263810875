// Readiness: may a load balancer send this instance traffic? 200 when the database answers,
// every migration is applied and the job workers run (or are turned off); 503 otherwise,
// also from the moment a shutdown began.
import { getDb } from '@/db/client';
import { env } from '@/lib/env';
import { lifecycle } from '@/lib/platform/lifecycle';
import { checkReadiness } from '@/lib/platform/readiness';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const result = await checkReadiness(getDb(), {
    enabled: env().JOBS_ENABLED,
    started: lifecycle.jobsStarted,
    shuttingDown: lifecycle.shuttingDown,
  });
  return Response.json(result, { status: result.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
