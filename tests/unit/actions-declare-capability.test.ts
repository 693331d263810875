// Every server action and portal route handler goes through the wrappers that take a
// capability (its type, Capability, is checked by the compiler). This reads the source,
// so a new action or route that skips the wrappers fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARTNER_PERMISSIONS, CUSTOMER_PERMISSIONS } from '@/lib/auth/permissions';

const ROOT = path.resolve(import.meta.dirname, '../..');

function files(dir: string, match: (f: string) => boolean): string[] {
  return readdirSync(dir).flatMap((e) => {
    const full = path.join(dir, e);
    return statSync(full).isDirectory() ? files(full, match) : match(full) ? [full] : [];
  });
}

const rel = (f: string) => path.relative(ROOT, f);
const CAPABILITIES = new Set([...Object.keys(PARTNER_PERMISSIONS), ...Object.keys(CUSTOMER_PERMISSIONS)]);

/** Actions that act before there is an org or a session: sign-in and accepting an invitation. */
const PUBLIC_ACTIONS = new Set(['app/sign-in/actions.ts', 'app/invite/[token]/actions.ts']);

describe('server actions', () => {
  const actionFiles = files(path.join(ROOT, 'app'), (f) => /\.tsx?$/.test(f) && /^'use server';/m.test(readFileSync(f, 'utf8')) && f.endsWith('actions.ts'));

  it('are found', () => expect(actionFiles.length).toBeGreaterThan(0));

  for (const file of actionFiles.filter((f) => !PUBLIC_ACTIONS.has(rel(f)))) {
    it(`${rel(file)} exports only orgAction(<capability>, …) actions`, () => {
      const src = readFileSync(file, 'utf8');
      const exports = src.split('\n').filter((l) => l.startsWith('export ') && !/^export (type|interface) /.test(l));
      expect(exports.length).toBeGreaterThan(0);
      for (const line of exports) {
        // orgAction('<capability>', …), orgAction(x.capability, …) or orgAction(<declared use case>)
        const m = line.match(/^export const \w+ = orgAction\(('([\w.]+)'|\w+\.capability,|\w+\.\w+\);)/);
        expect(m, `not built with orgAction: ${line}`).not.toBeNull();
        if (m![2]) expect(CAPABILITIES.has(m![2]), `unknown capability ${m![2]}`).toBe(true);
      }
    });
  }
});

/**
 * Route handlers authenticated otherwise: next-auth's own endpoints, and the report
 * download, whose URL is an HMAC-signed, 30-minute, per-report token (SPEC §7.2); and the
 * operators' probes, which answer only "up" and "ready" with the names of the checks.
 */
const PUBLIC_ROUTES = new Set([
  'app/api/auth/[...nextauth]/route.ts', 'app/api/billing/reports/[reportId]/download/route.ts', 'app/api/openapi.json/route.ts',
  'app/api/health/route.ts', 'app/api/ready/route.ts',
]);

describe('route handlers', () => {
  it('every handler under app/api is built with sessionRoute(<capability>, …) or is a listed public route', () => {
    const routes = files(path.join(ROOT, 'app', 'api'), (f) => f.endsWith('route.ts')).filter((f) => !PUBLIC_ROUTES.has(rel(f)));
    const violations: string[] = [];
    for (const file of routes) {
      // Route segment config (dynamic, runtime…) is not a handler.
      for (const line of readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('export ') && !/^export const (dynamic|runtime|revalidate|fetchCache|preferredRegion|maxDuration) =/.test(l))) {
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
      for (const line of readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('export ') && !l.startsWith('export const dynamic ='))) {
        if (!/^export const (GET|POST|PUT|DELETE) = apiRoute\(endpoints\.\w+\);$/.test(line)) violations.push(`${rel(file)}: ${line}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
