// The OpenAPI contract check (SPEC §8.1): every response the integration tests receive
// from the API is held against the document the server itself publishes at
// /api/openapi.json — the status must be one the operation documents, the body must
// match that response's JSON Schema (JSON Schema 2020-12, as OpenAPI 3.1 uses), and the
// headers every response promises must be there.
import { Ajv2020 } from 'ajv/dist/2020';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS with a default export.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

const DOC_ID = 'https://partner-hub.test/api/openapi.json';

type Json = Record<string, unknown>;
interface Operation {
  responses: Record<string, { content?: Record<string, { schema: Json }>; headers?: Record<string, unknown> }>;
}
export type OpenApiDocument = { paths: Record<string, Record<string, Operation>> } & Json;

const pointer = (...parts: string[]) => '#/' + parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

export interface ContractChecker {
  /** The documented path template for a request path, if any. */
  operationOf(method: string, pathname: string): { template: string; operation: Operation } | null;
  /** Problems with one response (empty when it conforms). */
  check(method: string, pathname: string, status: number, headers: Headers, text: string): string[];
}

export function contractChecker(doc: OpenApiDocument): ContractChecker {
  // strict: false — the document carries OpenAPI keywords (example, paths…) beside the schemas.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, DOC_ID);

  // Static segments win over parameters, as in the router (/customers/validate before /customers/{id}).
  const templates = Object.keys(doc.paths)
    .sort((a, b) => Number(a.includes('{')) - Number(b.includes('{')))
    .map((t) => ({ t, re: new RegExp(`^${t.replace(/\{\w+\}/g, '[^/]+')}$`) }));

  const operationOf = (method: string, pathname: string) => {
    const hit = templates.find(({ t, re }) => re.test(pathname) && doc.paths[t][method.toLowerCase()]);
    return hit ? { template: hit.t, operation: doc.paths[hit.t][method.toLowerCase()] } : null;
  };

  return {
    operationOf,
    check(method, pathname, status, headers, text) {
      const found = operationOf(method, pathname);
      if (!found) return [`${method} ${pathname} is not in the OpenAPI document`];
      const where = `${method} ${found.template} → ${status}`;
      const response = found.operation.responses[String(status)];
      if (!response)
        return [`${where}: status ${status} is not documented (documented: ${Object.keys(found.operation.responses).join(', ')})`];
      const problems: string[] = [];
      for (const h of Object.keys(response.headers ?? {})) {
        // Location and Link are conditional (Link only when there is another page; Location on 202 with a body).
        if (['Link'].includes(h)) continue;
        if (!headers.has(h)) problems.push(`${where}: header ${h} missing`);
      }
      const json = response.content?.['application/json'];
      if (!json) {
        if (text) problems.push(`${where}: a body was sent where the document has none: ${text.slice(0, 200)}`);
        return problems;
      }
      if (!(headers.get('content-type') ?? '').startsWith('application/json'))
        problems.push(`${where}: content-type is ${headers.get('content-type')}`);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return [...problems, `${where}: body is not JSON: ${text.slice(0, 200)}`];
      }
      const ref =
        DOC_ID +
        pointer('paths', found.template, method.toLowerCase(), 'responses', String(status), 'content', 'application/json', 'schema');
      const validate = ajv.getSchema(ref);
      if (!validate) return [...problems, `${where}: no schema at ${ref}`];
      if (!validate(body)) {
        problems.push(
          `${where}: body does not match the document: ${ajv.errorsText(validate.errors, { separator: '; ' })} — body ${text.slice(0, 300)}`,
        );
      }
      return problems;
    },
  };
}
