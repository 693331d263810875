#!/usr/bin/env node
// `npm test`: every suite, in order, then one closing line "N passed, N failed".
//   1. unit (Vitest)
//   2. integration (Vitest) against an embedded PostgreSQL
//   3. integration again against TEST_EXTERNAL_DATABASE_URL, when set (CI: the machine's server)
//   4. end-to-end (Playwright, Debian Chromium) against `npm start`'s production build
// Totals come from the runners' JSON reports. TEST_SUITES=unit,integration,… runs a subset.
// Every selected suite is counted: one that could not start (its build failed, Playwright's web
// server never came up, the runner crashed or ran past its time bound) counts as a failure and
// its reason is printed and written to .data/test-results/summary.txt under the closing line.
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

const MINUTE = 60_000;

// Info lines (every request, every job) drown the test reports; warnings and errors stay.
// LOG_LEVEL=info (or debug) brings them back for a run.
process.env.LOG_LEVEL ??= 'warn';

/**
 * Runs a command in its own process group; past timeoutMs the whole group (servers, browsers,
 * databases it started) is stopped. Resolves { code, timedOut }; never rejects.
 */
function run(cmd, args, env = {}, timeoutMs = 30 * MINUTE) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env }, detached: true });
    let timedOut = false;
    const kill = (sig) => {
      try {
        process.kill(-child.pid, sig);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill('SIGTERM');
      setTimeout(() => kill('SIGKILL'), 30_000).unref();
    }, timeoutMs);
    const forward = () => kill('SIGTERM');
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', () => {});
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ code: code ?? (signal ? 1 : 0), timedOut });
    });
  });
}

const readJson = (file) => {
  try {
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  } catch {
    return null; // a report cut off by a crash is no report
  }
};

function vitestTotals(file) {
  const r = readJson(file);
  if (!r) return null;
  const broken = r.numRuntimeErrorTestSuites ?? 0;
  return { passed: r.numPassedTests, failed: r.numFailedTests + broken, reason: broken ? `${broken} test file(s) failed to load` : null };
}

function playwrightTotals(file) {
  const r = readJson(file);
  if (!r) return null;
  const { stats, errors = [] } = r;
  // Errors outside any test: the web server did not start in time, global setup threw, … Each
  // counts as a failure, so a suite that never ran cannot pass as "0 failed".
  const first = errors[0] ? String(errors[0].message ?? errors[0].value ?? 'error').split('\n')[0] : null;
  return {
    passed: stats.expected + stats.flaky,
    failed: stats.unexpected + errors.length,
    reason: first ? `could not run: ${first}` : null,
  };
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
    run: (report) =>
      run(
        bin('vitest'),
        ['run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
        {},
        15 * MINUTE,
      ),
  },
  {
    name: 'integration',
    report: path.join(out, 'integration.json'),
    totals: vitestTotals,
    run: (report) =>
      run(
        process.execPath,
        [
          'scripts/with-db.mjs',
          '--',
          bin('vitest'),
          'run',
          '--project',
          'integration',
          '--reporter=default',
          '--reporter=json',
          `--outputFile.json=${report}`,
        ],
        { ...withoutDbUrl(), EMBEDDED_PG_DIR: '.data/pg-test', EMBEDDED_PG_FAST: '1' },
        30 * MINUTE,
      ),
  },
  {
    name: 'external',
    label: 'integration (external PostgreSQL)',
    skip: !process.env.TEST_EXTERNAL_DATABASE_URL,
    report: path.join(out, 'integration-external.json'),
    totals: vitestTotals,
    run: (report) =>
      run(
        bin('vitest'),
        ['run', '--project', 'integration', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
        { DATABASE_URL: process.env.TEST_EXTERNAL_DATABASE_URL },
        30 * MINUTE,
      ),
  },
  {
    name: 'e2e',
    report: path.join(out, 'e2e.json'),
    totals: playwrightTotals,
    // The production build first, outside Playwright's web-server timeout (on a loaded machine it
    // takes minutes); the web server then only migrates, seeds and starts.
    prepare: async () => {
      const { code, timedOut } = await run(
        process.execPath,
        ['scripts/with-db.mjs', '--migrate', '--', process.execPath, 'scripts/start.mjs', '--build-only'],
        { ...withoutDbUrl(), EMBEDDED_PG_DIR: process.env.E2E_PG_DIR ?? '.data/pg-e2e', EMBEDDED_PG_FAST: '1' },
        20 * MINUTE,
      );
      return timedOut ? 'the production build did not finish in 20 min' : code !== 0 ? `the production build failed (exit ${code})` : null;
    },
    run: (report) =>
      run(bin('playwright'), ['test', '--reporter=list,json'], { ...withoutDbUrl(), PLAYWRIGHT_JSON_OUTPUT_NAME: report }, 40 * MINUTE),
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
  const unprepared = suite.prepare ? await suite.prepare() : null;
  if (unprepared) {
    lines.push(`${label}: FAILED TO START (${unprepared}), counted as 1 failed`);
    failed += 1;
    continue;
  }
  const { code, timedOut } = await suite.run(suite.report);
  const t = suite.totals(suite.report);
  if (!t) {
    // A runner that crashed (or was stopped) before reporting counts as one failure.
    lines.push(`${label}: FAILED TO REPORT (${timedOut ? 'stopped after its time bound' : `exit ${code}`}), counted as 1 failed`);
    failed += 1;
    continue;
  }
  // A non-zero exit with no failed test (unhandled error, ran nothing, stopped) is one failure too.
  const silent = (code !== 0 || timedOut) && t.failed === 0 ? 1 : 0;
  passed += t.passed;
  failed += t.failed + silent;
  const why = [t.reason, timedOut ? 'stopped after its time bound' : null, silent && !t.reason ? `exit ${code}` : null]
    .filter(Boolean)
    .join('; ');
  lines.push(`${label}: ${t.passed} passed, ${t.failed + silent} failed${why ? ` (${why})` : ''}`);
}

const summary = `${passed} passed, ${failed} failed`;
// First line: the totals (.ci/run reads it); then one line per suite, so none is missing silently.
writeFileSync(path.join(out, 'summary.txt'), [summary, ...lines].join('\n') + '\n');
console.log('\n' + lines.join('\n'));
console.log(summary);
process.exit(failed ? 1 : 0);
