// `npm run screenshots`: the page walk (e2e/walk.ts) photographed, not tested. Same browser and
// web server as playwright.config.ts (a running server on E2E_PORT is reused, else one is
// started on fresh demo data); only e2e/screenshots.walk.ts runs, which `npm test` never picks up.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testMatch: 'screenshots.walk.ts',
  timeout: 20 * 60_000,
  retries: 0,
});
