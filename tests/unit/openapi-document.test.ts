// The OpenAPI document (SPEC §8.1) against the code that serves the API: every route
// file under app/v1 is in the document and every documented operation has a route file
// (neither can exist without the other); every operation documents its parameters, its
// responses with an example each, and error codes from the one catalogue; every example
// is valid against the schema next to it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020';
import { GET } from '@/app/api/openapi.json/route';
import { endpoints, type EndpointName } from '@/lib/api/endpoints';
import { ERROR_RULES } from '@/lib/platform/error-codes';
import { contractChecker, type OpenApiDocument } from '../integration/support/openapi-contract';

const ROOT = path.resolve(import.meta.dirname, '../..');
const doc = (await GET().json()) as OpenApiDocument & {
  'x-error-codes': { errorCode: number }[];
  'x-info-codes': { infoCode: number; description: string }[];
};

// oxlint-disable-next-line typescript/no-explicit-any -- walking a JSON document whose shape the assertions check
type Json = Record<string, any>;
const METHODS = ['get', 'post', 'put', 'delete', 'patch'] as const;

/** Every route.ts below app/v1 as "METHOD /v1/…" with the endpoint it serves. */
function routeFiles(): { route: string; file: string; endpoint: string | null }[] {
  const out: { route: string; file: string; endpoint: string | null }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
        const urlPath =
          '/' +
          path
            .relative(path.join(ROOT, 'app'), dir)
            .split(path.sep)
            .map((seg) => seg.replace(/^\[(\w+)\]$/, '{$1}'))
            .join('/');
        const source = readFileSync(full, 'utf8');
        for (const m of source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\b(.*)/g)) {
          const served = /^\s*=\s*apiRoute\(endpoints\.(\w+)\)/.exec(m[2]);
          out.push({ route: `${m[1]} ${urlPath}`, file: path.relative(ROOT, full), endpoint: served?.[1] ?? null });
        }
      }
    }
  };
  walk(path.join(ROOT, 'app', 'v1'));
  return out;
}

const documented = Object.entries(doc.paths).flatMap(([p, ops]) => METHODS.filter((m) => ops[m]).map((m) => `${m.toUpperCase()} ${p}`));

describe('routes and document', () => {
  const routes = routeFiles();

  it('every route under app/v1 is in /api/openapi.json, and every documented operation has a route', () => {
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.map((r) => r.route).sort()).toEqual([...documented].sort());
  });

  it('every route handler is the declared endpoint for exactly that method and path', () => {
    for (const r of routes) {
      expect({ file: r.file, endpoint: r.endpoint }).toEqual({ file: r.file, endpoint: expect.any(String) });
      const e = endpoints[r.endpoint as EndpointName];
      expect({ file: r.file, route: `${e.method} /v1/wholesale${e.path}` }).toEqual({ file: r.file, route: r.route });
    }
  });
});

describe('every operation is fully documented', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema(doc, 'doc');
  const catalogue = new Set(doc['x-error-codes'].map((c) => c.errorCode));
  const operations = Object.entries(doc.paths).flatMap(([p, ops]) =>
    METHODS.filter((m) => ops[m]).map((m) => ({ p, m, op: ops[m] as Json })),
  );
  const ptr = (...parts: string[]) => 'doc#/' + parts.map((x) => x.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

  it.each(operations.map((o) => [`${o.m.toUpperCase()} ${o.p}`, o] as const))('%s', (_name, { p, m, op }) => {
    expect(op.operationId).toEqual(expect.any(String));
    expect(op.summary).toEqual(expect.any(String));
    expect(op.description).toMatch(/Scope: `wholesale_\w+`/);

    // Parameters: each {x} of the path, onBehalfOfSubPartnerOrgId, Idempotency-Key on writes.
    const params = (op.parameters as Json[]).map((x) => `${x.in}:${x.name}`);
    for (const [, name] of p.matchAll(/\{(\w+)\}/g)) expect(params).toContain(`path:${name}`);
    expect(params).toContain('query:onBehalfOfSubPartnerOrgId');
    if (m !== 'get') expect(params).toContain('header:Idempotency-Key');
    for (const x of op.parameters as Json[]) expect(x.schema).toBeTypeOf('object');

    // Responses: a success and the door's errors, each with an example valid against its schema.
    const statuses = Object.keys(op.responses);
    expect(statuses.some((s) => /^2\d\d$/.test(s))).toBe(true);
    for (const s of ['400', '401', '403', '429', '500']) expect(statuses).toContain(s);
    if (op.requestBody) for (const s of ['413', '415']) expect(statuses).toContain(s);
    for (const [status, res] of Object.entries(op.responses as Record<string, Json>)) {
      expect(res.description).toEqual(expect.any(String));
      const json = res.content?.['application/json'];
      if (!json) continue;
      expect(json.example, `${status} example`).toBeDefined();
      const validate = ajv.getSchema(ptr('paths', p, m, 'responses', status, 'content', 'application/json', 'schema'))!;
      expect(validate(json.example), `${m} ${p} ${status} example: ${ajv.errorsText(validate.errors)}`).toBe(true);
      if (!status.startsWith('2')) for (const e of json.example.errors as { errorCode: number }[]) expect(catalogue).toContain(e.errorCode);
    }

    if (op.requestBody) {
      const body = op.requestBody.content['application/json'];
      const validate = ajv.getSchema(ptr('paths', p, m, 'requestBody', 'content', 'application/json', 'schema'))!;
      expect(validate(body.example), `${m} ${p} request example: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }

    // Error codes: at least one, each from the one catalogue.
    expect((op['x-error-codes'] as number[]).length).toBeGreaterThan(0);
    for (const c of op['x-error-codes'] as number[]) expect(catalogue).toContain(c);
  });

  it('the catalogue lists every rule once, with the vendor numbers', () => {
    const codes = ERROR_RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining([10022, 2024]));
    // 100: the vendor's pre-check success; 101/102: what attaching an existing org would do (SPEC §8.3).
    expect(doc['x-info-codes'].map((c) => c.infoCode)).toEqual([100, 101, 102]);
    expect(doc['x-info-codes'][0]).toEqual({ infoCode: 100, description: 'Provisioning preCheck validation successful.' });
  });
});

describe('the contract check itself', () => {
  const checker = contractChecker(doc);
  const json = new Headers({
    'content-type': 'application/json',
    TrackingID: 't',
    'RateLimit-Limit': '1',
    'RateLimit-Remaining': '0',
    'RateLimit-Reset': '1',
  });
  const { example } = doc.paths['/v1/wholesale/customers/{customerId}'].get.responses['200'].content!['application/json'] as Json;

  it('accepts the documented body and refuses an extra field, a wrong type, an undocumented status and a missing header', () => {
    const p = '/v1/wholesale/customers/6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f';
    expect(checker.check('GET', p, 200, json, JSON.stringify(example))).toEqual([]);
    expect(checker.check('GET', p, 200, json, JSON.stringify({ ...example, colour: 'blue' })).join()).toMatch(/additional properties/);
    expect(checker.check('GET', p, 200, json, JSON.stringify({ ...example, status: 'sleeping' })).join()).toMatch(/allowed values/);
    expect(checker.check('GET', p, 418, json, '{}').join()).toMatch(/not documented/);
    expect(checker.check('GET', p, 200, new Headers({ 'content-type': 'application/json' }), JSON.stringify(example)).join()).toMatch(
      /TrackingID missing/,
    );
    expect(checker.check('GET', '/v1/wholesale/nothing', 200, json, '{}').join()).toMatch(/not in the OpenAPI document/);
  });
});
