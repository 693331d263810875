// A real HTTP server on 127.0.0.1 in front of the API's route handlers: requests go over
// the wire (headers, bodies, status lines) exactly as a partner's client sends them, and
// are routed from the same endpoint table the route files and the OpenAPI document use.
// It also serves /api/openapi.json from its real route, and every response `call` gets is
// checked against that document (status documented, body matches, headers present):
// a response the document doesn't describe fails the test that received it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiEndpoint } from '@/lib/api/api-endpoint';
import { API_BASE, createApiHandler } from '@/lib/api/api-handler';
import { endpoints } from '@/lib/api/endpoints';
import type { ServiceDeps } from '@/lib/platform/service-ctx';
import { GET as openApiRoute } from '@/app/api/openapi.json/route';
import { contractChecker, type ContractChecker, type OpenApiDocument } from './openapi-contract';

function matcher(e: ApiEndpoint) {
  const names: string[] = [];
  const re = new RegExp(
    `^${API_BASE}${e.path.replace(/\{(\w+)\}/g, (_m, n: string) => {
      names.push(n);
      return '([^/]+)';
    })}$`,
  );
  return (path: string) => {
    const m = re.exec(path);
    return m ? Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])])) : null;
  };
}

export interface ApiServer {
  url: string;
  close(): Promise<void>;
  /** The document as served at /api/openapi.json, and its checker. */
  document: OpenApiDocument;
  contract: ContractChecker;
  /** fetch against the server with a bearer token; the response is checked against the document. */
  call(
    token: string | null,
    method: string,
    path: string,
    opts?: { body?: unknown; headers?: Record<string, string>; raw?: string },
  ): Promise<Response>;
}

/** `port`: 0 (any free one) unless given — bench/api-bench.ts's server processes share one (node:cluster). */
export async function startApiServer(deps: () => ServiceDeps, opts: { port?: number } = {}): Promise<ApiServer> {
  // Static segments first, as Next's router does (/customers/validate before /customers/{id}).
  const routes = Object.values(endpoints)
    .sort((a, b) => Number(a.path.includes('{')) - Number(b.path.includes('{')))
    .map((e) => ({ e, match: matcher(e), handle: createApiHandler(e, deps) }));
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (url.pathname === '/api/openapi.json' && req.method === 'GET') {
      const doc = openApiRoute();
      res.writeHead(doc.status, Object.fromEntries(doc.headers));
      res.end(Buffer.from(await doc.arrayBuffer()));
      return;
    }
    const hit = routes.map((r) => ({ r, params: r.e.method === req.method ? r.match(url.pathname) : null })).find((x) => x.params);
    if (!hit) {
      res.writeHead(routes.some((r) => r.match(url.pathname)) ? 405 : 404).end();
      return;
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: req.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    const response = await hit.r.handle(request, { params: Promise.resolve(hit.params!) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const document = (await (await fetch(`${url}/api/openapi.json`)).json()) as OpenApiDocument;
  const contract = contractChecker(document);
  return {
    url,
    document,
    contract,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    async call(token, method, path, opts = {}) {
      const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...opts.headers };
      let body: string | undefined = opts.raw;
      if (opts.body !== undefined) {
        body = JSON.stringify(opts.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await fetch(url + path, { method, headers, body });
      const problems = contract.check(method, new URL(path, url).pathname, res.status, res.headers, await res.clone().text());
      if (problems.length) throw new Error(`OpenAPI contract: ${problems.join('\n')}`);
      return res;
    },
  };
}
