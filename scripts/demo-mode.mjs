// Demo mode (SPEC §10): on by default only on the embedded database; with DATABASE_URL
// set it is off unless DEMO_MODE=1. scripts/with-db.mjs passes the result down as
// DEMO_MODE=0|1, which is all the app (lib/env.ts) and the seeder (db/cli.ts) read.
export function demoModeFor(env, embedded) {
  if (env.DEMO_MODE === '1' || env.DEMO_MODE === '0') return env.DEMO_MODE === '1';
  return embedded;
}
