// A worker-only instance (issue 13): the job workers without the web server, for
// deployments that scale them apart — `npm run worker` next to web instances started
// with JOBS_ENABLED=0. Same workers as `npm start` runs inside the server process.
import { startBackgroundWork } from './start';

if (process.env.JOBS_ENABLED === '0') {
  console.error('[jobs] JOBS_ENABLED=0: a worker-only instance needs the workers; unset it or set 1.');
  process.exit(1);
}
await startBackgroundWork();
