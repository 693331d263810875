// Starts app instances (support/app-instance.ts) as child processes on a test database
// and collects what each reports: ready, and the jobs its workers were handed.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { BossTuning } from '@/lib/platform/boss';

export interface Instance {
  name: string;
  api: string;
  control: string;
  /** Per queue, the job ids this instance's workers took, and the customer ids among them. */
  handled: Map<string, { jobIds: string[]; customerIds: string[] }>;
  process: ChildProcess;
  exited: Promise<number | null>;
  /** POST a JSON body to the control server. */
  control$(path: string, body: object): Promise<unknown>;
  stop(): Promise<void>;
}

const started: Instance[] = [];
/** Stops every instance started; call in afterAll (registered after freshDb, so before the database is dropped). */
export async function stopInstances(): Promise<void> {
  await Promise.all(started.splice(0).map((i) => i.stop()));
}

export async function startInstance(
  name: string,
  databaseUrl: string,
  opts: { jobs?: boolean; tuning?: BossTuning; env?: Record<string, string> } = {},
): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/support/app-instance.ts'], {
    env: {
      ...process.env,
      ...opts.env,
      DATABASE_URL: databaseUrl,
      INSTANCE_NAME: name,
      JOBS_ENABLED: opts.jobs === false ? '0' : '1',
      ...(opts.tuning ? { BOSS_TUNING: JSON.stringify(opts.tuning) } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const handled = new Map<string, { jobIds: string[]; customerIds: string[] }>();
  const ready = new Promise<{ api: string; control: string }>((resolve, reject) => {
    void exited.then((code) => reject(new Error(`instance ${name} exited (${code}) before it was ready`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let msg: { ready?: { api: string; control: string }; handled?: { queue: string; jobIds: string[]; customerIds: string[] } };
      try {
        msg = JSON.parse(line);
      } catch {
        return; // a log line
      }
      if (msg.ready) resolve(msg.ready);
      if (msg.handled) {
        const h = handled.get(msg.handled.queue) ?? { jobIds: [], customerIds: [] };
        h.jobIds.push(...msg.handled.jobIds);
        h.customerIds.push(...msg.handled.customerIds);
        handled.set(msg.handled.queue, h);
      }
    });
  });
  const { api, control } = await ready;
  const instance: Instance = {
    name,
    api,
    control,
    handled,
    process: child,
    exited,
    async control$(path, body) {
      const res = await fetch(control + path, { method: 'POST', body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${name} ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  started.push(instance);
  return instance;
}
