// Every server action and portal route handler goes through the wrappers that take a
// capability (its type, Capability, is checked by the compiler). Server actions are found
// with a parser (tests/support/server-actions.ts), so inline actions and either quote
// style count; e2e/server-actions-manifest.spec.ts checks the same list against the build.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARTNER_PERMISSIONS, CUSTOMER_PERMISSIONS } from '@/lib/auth/permissions';
import { discoverServerActions, serverActionProblem as problem } from '../support/server-actions';

const ROOT = path.resolve(import.meta.dirname, '../..');

function files(dir: string, match: (f: string) => boolean): string[] {
  return readdirSync(dir).flatMap((e) => {
    const full = path.join(dir, e);
    return statSync(full).isDirectory() ? files(full, match) : match(full) ? [full] : [];
  });
}

const rel = (f: string) => path.relative(ROOT, f);
const CAPABILITIES = new Set([...Object.keys(PARTNER_PERMISSIONS), ...Object.keys(CUSTOMER_PERMISSIONS)]);

describe('server actions (found with a parser: "use server" modules and inline actions)', () => {
  const actions = discoverServerActions();

  it('are found, including the inline one', () => {
    expect(actions.filter((a) => a.kind === 'export').length).toBeGreaterThan(40);
    expect(actions.some((a) => a.kind === 'inline')).toBe(true);
  });

  it('every one is built with orgAction(<capability or declared use case>, …) or is a listed public action', () => {
    expect(
      actions.flatMap((a) => {
        const p = problem(a);
        return p ? [`${a.file}:${a.line} ${a.name}: ${p}`] : [];
      }),
    ).toEqual([]);
  });

  it('the check sees what a source regex missed: double-quoted "use server", bare exported functions, inline actions, export lists', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'actions-'));
    mkdirSync(path.join(dir, 'app', 'x'), { recursive: true });
    writeFileSync(
      path.join(dir, 'app', 'x', 'actions.ts'),
      [
        '"use server";',
        "import { orgAction } from '@/lib/server/org-action';",
        'export async function sneaky(orgId: string) { return orgId; }',
        'const listed = async () => 1;',
        'export { listed };',
        "export const fine = orgAction('customers.read', schema, handler);",
        "export const unknown = orgAction('no.such.capability', schema, handler);",
      ].join('\n'),
    );
    writeFileSync(
      path.join(dir, 'app', 'x', 'page.tsx'),
      ['export default function Page() {', '  return <form action={async () => { "use server"; await doIt(); }} />;', '}'].join('\n'),
    );
    const found = discoverServerActions(dir);
    expect(found.map((a) => `${a.name}: ${problem(a) ?? 'ok'}`).sort()).toEqual([
      'fine: ok',
      'inline@2: an inline server action (declare it in an actions module with orgAction)',
      'listed: not built with orgAction (a bare function)',
      'sneaky: not built with orgAction (a bare function)',
      'unknown: unknown capability no.such.capability',
    ]);
  });
});

/**
 * Route handlers authenticated otherwise: next-auth's own endpoints, and the report
 * download, whose URL is an HMAC-signed, 30-minute, per-report token (SPEC §7.2); and the
 * operators' probes, which answer only "up" and "ready" with the names of the checks.
 */
const PUBLIC_ROUTES = new Set([
  'app/api/auth/[...nextauth]/route.ts',
  'app/api/billing/reports/[reportId]/download/route.ts',
  'app/api/openapi.json/route.ts',
  'app/api/health/route.ts',
  'app/api/ready/route.ts',
]);

describe('route handlers', () => {
  it('every handler under app/api is built with sessionRoute(<capability>, …) or is a listed public route', () => {
    const routes = files(path.join(ROOT, 'app', 'api'), (f) => f.endsWith('route.ts')).filter((f) => !PUBLIC_ROUTES.has(rel(f)));
    const violations: string[] = [];
    for (const file of routes) {
      // Route segment config (dynamic, runtime…) is not a handler.
      for (const line of readFileSync(file, 'utf8')
        .split('\n')
        .filter(
          (l) => l.startsWith('export ') && !/^export const (dynamic|runtime|revalidate|fetchCache|preferredRegion|maxDuration) =/.test(l),
        )) {
        const m = line.match(/^export const (GET|POST|PUT|PATCH|DELETE) = sessionRoute\(('([\w.]+)'|\w+\.capability),/);
        if (!m || (m[3] && !CAPABILITIES.has(m[3]))) violations.push(`${rel(file)}: ${line}`);
      }
    }
    expect(violations).toEqual([]);
  });
});

describe('public API routes', () => {
  it('every handler under app/v1 is built with apiRoute(<declared endpoint>)', () => {
    const routes = files(path.join(ROOT, 'app', 'v1'), (f) => f.endsWith('route.ts'));
    expect(routes.length).toBeGreaterThan(0);
    const violations: string[] = [];
    for (const file of routes) {
      for (const line of readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('export ') && !l.startsWith('export const dynamic ='))) {
        if (!/^export const (GET|POST|PUT|DELETE) = apiRoute\(endpoints\.\w+\);$/.test(line)) violations.push(`${rel(file)}: ${line}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
