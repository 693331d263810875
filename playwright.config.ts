import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${PORT}`;

// Debian's Chromium: Playwright cannot download its own browser on these machines.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  // The real `npm start` path (production build) on its own embedded database with fresh demo data.
  // `npm test` builds before Playwright starts (scripts/run-tests.mjs); run alone, start.mjs builds
  // when sources changed, which the bound below allows for on a loaded machine. Ready = GET /api/ready
  // answers 200: migrations applied and job workers started, not merely the port open.
  webServer: {
    command: 'node scripts/with-db.mjs --reset --migrate --seed -- node scripts/start.mjs',
    url: `${baseURL}/api/ready`,
    timeout: Number(process.env.E2E_SERVER_TIMEOUT_MS ?? 900_000),
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    // The server's info lines would interleave with the report: warn unless LOG_LEVEL is set.
    env: {
      PORT: String(PORT),
      EMBEDDED_PG_DIR: process.env.E2E_PG_DIR ?? '.data/pg-e2e',
      EMBEDDED_PG_FAST: '1',
      APP_URL: baseURL,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
  },
});
