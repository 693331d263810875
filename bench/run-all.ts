// `npm run bench`: every benchmark of issue 13, one after the other, then one table of
// what each measured beside its baseline (bare SQL or a no-op), the ratio, the target and
// the machine's load average while it ran — on a shared machine a figure means little
// without it.
//
//   npm run bench                       # every bench that exists
//   BENCH_SCRIPTS=bench:report,bench:js npm run bench
//
// A bench script missing from package.json (some are written on other branches) is
// reported as "not present", not as a failure. Each bench's own output is shown as it
// runs; its figures are read from the lines it prints (parsers below). Any bench may also
// print its own rows as `bench-row {"row":…,"value":…,"unit":…,"baseline":…,"target":…,"pass":…}`.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

export interface Row {
  row: string;
  value: number;
  unit: string;
  baseline?: number;
  /** Human-readable, e.g. "≤ 180 kB". */
  target?: string;
  pass?: boolean;
}

type Parser = (out: string) => Row[];

const num = (s: string) => Number(s.replace(/,/g, ''));

/** `bench-row {json}` lines: the generic form any bench can print. */
export const parseBenchRows: Parser = (out) =>
  [...out.matchAll(/^bench-row (\{.*\})\s*$/gm)].flatMap((m) => {
    try {
      const r = JSON.parse(m[1]) as Row;
      return typeof r.row === 'string' && typeof r.value === 'number' ? [r] : [];
    } catch {
      return [];
    }
  });

/** bench/first-load-js.ts: `  ok   171.2 kB   12 scripts  /o/:orgId/setup`. */
export const parseJs =
  (limitKb: number): Parser =>
  (out) =>
    [...out.matchAll(/^\s*(ok|OVER)\s+([\d.]+) kB\s+\d+ scripts\s+(\S+)\s*$/gm)].map((m) => ({
      row: `first-load JS ${m[3]}`,
      value: num(m[2]),
      unit: 'kB',
      target: `≤ ${limitKb} kB`,
      pass: num(m[2]) <= limitKb,
    }));

/** bench/explain-customer-list.ts: `| scenario | matches | svc p50 | svc p95 | bare p50 | bare p95 | ratio |`. */
export const parseCustomers: Parser = (out) =>
  [...out.matchAll(/^\| ([^|]+?) \| [\d,]+ \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| [\d.]+× \|$/gm)].map((m) => ({
    row: `customer list p95: ${m[1]}`,
    value: num(m[3]),
    unit: 'ms',
    baseline: num(m[5]),
    target: '≤ 1.5× bare SQL',
    pass: num(m[3]) / num(m[5]) <= 1.5,
  }));

/** bench/report-bench.ts: `report 200000: 2.41 s, bare SQL 1.99 s, ratio 1.21`. */
export const parseReport: Parser = (out) =>
  [...out.matchAll(/^report (\d+): ([\d.]+) s, bare SQL ([\d.]+) s, ratio ([\d.]+)$/gm)].map((m) => ({
    row: `USER report, ${num(m[1]).toLocaleString('en')} subscribers`,
    value: num(m[2]),
    unit: 's',
    baseline: num(m[3]),
    target: '≤ 1.3× bare SQL',
    pass: num(m[4]) <= 1.3,
  }));

/** bench:provision (issue 13): last line `provisioning: N customers/s`. */
export const parseProvision: Parser = (out) =>
  [...out.matchAll(/^provisioning: ([\d.,]+) customers\/s\s*$/gm)].map((m) => ({
    row: 'provisioning',
    value: num(m[1]),
    unit: 'customers/s',
    target: '≥ 100/s',
    pass: num(m[1]) >= 100,
  }));

/** bench:pages (issue 13): one line per page, `<page> p95: N ms`. */
export const parsePages: Parser = (out) =>
  [...out.matchAll(/^(.+?) p95: ([\d.,]+) ms\s*$/gm)].map((m) => {
    const target = /list|customer/i.test(m[1]) ? 30 : 100;
    return { row: `${m[1]} p95`, value: num(m[2]), unit: 'ms', target: `≤ ${target} ms`, pass: num(m[2]) <= target };
  });

export const BENCHES: { script: string; parse: Parser }[] = [
  { script: 'bench:js', parse: parseJs(Number(process.env.JS_LIMIT_KB ?? 180)) },
  { script: 'bench:customers', parse: parseCustomers },
  { script: 'bench:report', parse: parseReport },
  { script: 'bench:provision', parse: parseProvision },
  { script: 'bench:pages', parse: parsePages },
  // Rows come as bench-row lines (whole HTML pages beside a no-op page, server CPU, load).
  { script: 'bench:html', parse: () => [] },
  { script: 'bench:api', parse: () => [] },
];

interface Outcome {
  script: string;
  status: 'ok' | 'failed' | 'not present';
  seconds: number;
  load: string;
  rows: Row[];
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Runs `npm run -s <script>`, echoing its output live, and keeps the output for the parsers. */
function run(script: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '-s', script], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      process.stdout.write(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
      process.stderr.write(d);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

export function formatRow(r: Row): string {
  const ratio = r.baseline ? `${(r.value / r.baseline).toFixed(2)}×` : '—';
  const verdict = r.pass === undefined ? '' : r.pass ? 'pass' : 'MISS';
  return `| ${r.row} | ${r.value} ${r.unit} | ${r.baseline ?? '—'}${r.baseline ? ` ${r.unit}` : ''} | ${ratio} | ${r.target ?? '—'} | ${verdict} |`;
}

/** Which benches run: every known one (or those in `only`), each marked present or not in package.json's scripts. */
export function planBenches(scripts: Record<string, string>, only?: string[]) {
  return BENCHES.filter((b) => !only?.length || only.includes(b.script)).map((b) => ({ ...b, present: Boolean(scripts[b.script]) }));
}

async function main() {
  const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
  const only = process.env.BENCH_SCRIPTS?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const outcomes: Outcome[] = [];
  for (const { script, parse, present } of planBenches(scripts, only)) {
    if (!present) {
      outcomes.push({ script, status: 'not present', seconds: 0, load: load(), rows: [] });
      console.log(`\n=== ${script}: not present in package.json — skipped ===`);
      continue;
    }
    console.log(`\n=== ${script} (load average ${load()}) ===`);
    const t = performance.now();
    const { code, out } = await run(script);
    const loadAfter = load();
    outcomes.push({
      script,
      status: code === 0 ? 'ok' : 'failed',
      seconds: (performance.now() - t) / 1000,
      load: loadAfter,
      rows: [...parse(out), ...parseBenchRows(out)],
    });
  }
  console.log('\n## npm run bench — summary\n');
  console.log('| bench | status | time | load average (1, 5, 15 min) at the end |');
  console.log('|---|---|---|---|');
  for (const o of outcomes)
    console.log(
      `| ${o.script} | ${o.status} | ${o.status === 'not present' ? '—' : `${o.seconds.toFixed(0)} s`} | ${o.status === 'not present' ? '—' : o.load} |`,
    );
  console.log('\n| row | measured | baseline | ratio | target | verdict |');
  console.log('|---|---|---|---|---|---|');
  for (const o of outcomes) for (const r of o.rows) console.log(formatRow(r));
  const failed = outcomes.filter((o) => o.status === 'failed');
  const missed = outcomes.flatMap((o) => o.rows).filter((r) => r.pass === false);
  console.log(
    `\n${failed.length} bench(es) failed, ${missed.length} row(s) missing their target, ${outcomes.filter((o) => o.status === 'not present').length} not present`,
  );
  process.exitCode = failed.length ? 1 : 0;
}

if (process.argv[1]?.endsWith('run-all.ts')) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
