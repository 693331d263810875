#!/usr/bin/env node
// `npm test`: every suite, in order, then one closing line "N passed, N failed".
//   1. unit (Vitest)
//   2. integration (Vitest) against an embedded PostgreSQL
//   3. integration again against TEST_EXTERNAL_DATABASE_URL, when set (CI: the machine's server)
//   4. end-to-end (Playwright, Debian Chromium) against `npm start`'s production build
// Totals come from the runners' JSON reports. TEST_SUITES=unit,integration,… runs a subset.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, '.data', 'test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const wanted = new Set((process.env.TEST_SUITES ?? 'unit,integration,external,e2e').split(','));

function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function vitestTotals(file) {
  if (!existsSync(file)) return null;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: r.numPassedTests, failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0) };
}

function playwrightTotals(file) {
  if (!existsSync(file)) return null;
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected };
}

const withoutDbUrl = () => {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  return env;
};

const suites = [
  {
    name: 'unit',
    report: path.join(out, 'unit.json'),
    totals: vitestTotals,
    run: (report) => run(bin('vitest'), ['run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]),
  },
  {
    name: 'integration',
    report: path.join(out, 'integration.json'),
    totals: vitestTotals,
    run: (report) => new Promise((resolve) => {
      const env = { ...withoutDbUrl(), EMBEDDED_PG_DIR: '.data/pg-test', EMBEDDED_PG_FAST: '1' };
      const child = spawn(process.execPath, ['scripts/with-db.mjs', '--', bin('vitest'), 'run', '--project', 'integration', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { stdio: 'inherit', cwd: root, env });
      child.on('exit', (code) => resolve(code ?? 1));
    }),
  },
  {
    name: 'external',
    label: 'integration (external PostgreSQL)',
    skip: !process.env.TEST_EXTERNAL_DATABASE_URL,
    report: path.join(out, 'integration-external.json'),
    totals: vitestTotals,
    run: (report) => run(bin('vitest'), ['run', '--project', 'integration', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { DATABASE_URL: process.env.TEST_EXTERNAL_DATABASE_URL }),
  },
  {
    name: 'e2e',
    report: path.join(out, 'e2e.json'),
    totals: playwrightTotals,
    run: (report) => run(bin('playwright'), ['test', '--reporter=list,json'], { ...withoutDbUrl(), PLAYWRIGHT_JSON_OUTPUT_NAME: report }),
  },
];

let passed = 0;
let failed = 0;
const lines = [];
for (const suite of suites) {
  const label = suite.label ?? suite.name;
  if (!wanted.has(suite.name) || suite.skip) {
    lines.push(`${label}: skipped`);
    continue;
  }
  console.log(`\n=== ${label} ===`);
  const code = await suite.run(suite.report);
  const t = suite.totals(suite.report);
  if (!t) {
    // A runner that crashed before reporting counts as one failure.
    lines.push(`${label}: no report (exit ${code})`);
    failed += 1;
    continue;
  }
  passed += t.passed;
  failed += t.failed + (code !== 0 && t.failed === 0 ? 1 : 0);
  lines.push(`${label}: ${t.passed} passed, ${t.failed} failed${code !== 0 && t.failed === 0 ? ` (exit ${code})` : ''}`);
}

const summary = `${passed} passed, ${failed} failed`;
writeFileSync(path.join(out, 'summary.txt'), summary + '\n');
console.log('\n' + lines.join('\n'));
console.log(summary);
process.exit(failed ? 1 : 0);
