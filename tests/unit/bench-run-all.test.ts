// `npm run bench` reads each bench's figures from what it prints; these are the lines the
// benches print today (and the two the issue fixes for bench:provision and bench:pages).
import { describe, expect, it } from 'vitest';
import { formatRow, parseBenchRows, parseCustomers, parseJs, parsePages, parseProvision, parseReport, planBenches } from '@/bench/run-all';

describe('npm run bench', () => {
  it('runs every known bench and marks those missing from package.json as not present', () => {
    const plan = planBenches({ 'bench:js': 'x', 'bench:report': 'y' });
    expect(plan.map((b) => b.script)).toEqual([
      'bench:js',
      'bench:customers',
      'bench:report',
      'bench:provision',
      'bench:pages',
      'bench:html',
      'bench:api',
    ]);
    expect(plan.filter((b) => b.present).map((b) => b.script)).toEqual(['bench:js', 'bench:report']);
    expect(planBenches({ 'bench:js': 'x' }, ['bench:report']).map((b) => [b.script, b.present])).toEqual([['bench:report', false]]);
  });

  it('reads first-load JS rows against the 180 kB budget', () => {
    const rows = parseJs(180)('  ok   171.2 kB   12 scripts  /o/:orgId/setup\nOVER   199.1 kB   14 scripts  /o/:orgId/billing\n');
    expect(rows).toEqual([
      { row: 'first-load JS /o/:orgId/setup', value: 171.2, unit: 'kB', target: '≤ 180 kB', pass: true },
      { row: 'first-load JS /o/:orgId/billing', value: 199.1, unit: 'kB', target: '≤ 180 kB', pass: false },
    ]);
  });

  it('reads the report, customer list, provisioning and page lines with their baselines', () => {
    expect(parseReport('report 2000000: 25.10 s, bare SQL 20.00 s, ratio 1.25\n')).toEqual([
      { row: 'USER report, 2,000,000 subscribers', value: 25.1, unit: 's', baseline: 20, target: '≤ 1.3× bare SQL', pass: true },
    ]);
    const [list] = parseCustomers('| status filter | 12,345 | 1.9 | 2.5 | 1.2 | 1.5 | 1.58× |\n');
    expect(list).toMatchObject({ row: 'customer list p95: status filter', value: 2.5, baseline: 1.5, pass: false });
    expect(parseProvision('…\nprovisioning: 112.5 customers/s\n')).toMatchObject([{ value: 112.5, pass: true }]);
    expect(parsePages('list middle page p95: 24.1 ms\nActivity p95: 140 ms\n')).toMatchObject([
      { row: 'list middle page p95', value: 24.1, pass: true },
      { row: 'Activity p95', value: 140, pass: false },
    ]);
    expect(parseBenchRows('bench-row {"row":"api list","value":12,"unit":"ms","baseline":10}\nbench-row {broken\n')).toEqual([
      { row: 'api list', value: 12, unit: 'ms', baseline: 10 },
    ]);
  });

  it('prints a row with its baseline and ratio', () => {
    expect(formatRow({ row: 'USER report', value: 25, unit: 's', baseline: 20, target: '≤ 1.3× bare SQL', pass: true })).toBe(
      '| USER report | 25 s | 20 s | 1.25× | ≤ 1.3× bare SQL | pass |',
    );
    expect(formatRow({ row: 'provisioning', value: 40, unit: 'customers/s', target: '≥ 100/s', pass: false })).toBe(
      '| provisioning | 40 customers/s | — | — | ≥ 100/s | MISS |',
    );
  });
});
