import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@': path.resolve(import.meta.dirname) };
// Tests log at warn unless LOG_LEVEL says otherwise: info lines (pino JSON per request and
// job) would bury the report. Child processes the tests start inherit it.
const LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        // 60 s, not vitest's 5 s: the test that loads every schema (control-characters) took
        // over 5 s at load average 40. A bound for a hung test, not a performance limit.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', env: { LOG_LEVEL }, testTimeout: 60_000 },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/integration/support/global-setup.ts'],
          // Download links are HMAC-signed with AUTH_SECRET; runs against an external
          // DATABASE_URL don't go through scripts/with-db.mjs, which would provide one.
          env: { AUTH_SECRET: process.env.AUTH_SECRET ?? 'integration-tests-only-secret-0123456789abcdef', LOG_LEVEL },
          // Bounds for a hung test, not performance limits: on a machine at load average 35
          // (other builds beside CI) the scrypt-heavy sign-in tests and the 300-change recount
          // took over 30 s. The suite as a whole is bounded by scripts/run-tests.mjs.
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // Each file gets its own database; two workers fit a 2-core machine.
          maxWorkers: 2,
        },
      },
    ],
  },
});
