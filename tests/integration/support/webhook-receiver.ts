// A real HTTP receiver on 127.0.0.1 for the webhook tests: records every request and
// answers from a script (status codes, or 'hang' to never answer).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  path: string;
}
export type Answer = number | 'hang';

export async function startReceiver() {
  const received: Received[] = [];
  const scripts = new Map<string, Answer[]>();
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), path });
      const answer = scripts.get(path)?.shift() ?? 204;
      if (answer === 'hang') {
        hanging.add(res);
        scripts.get(path)?.unshift('hang');
        return;
      }
      res.writeHead(answer, { 'content-type': 'text/plain' });
      res.end(answer >= 300 ? `failure ${answer} ` + 'x'.repeat(2000) : '');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    received,
    url: (path = '/hook') => `http://127.0.0.1:${port}${path}`,
    script: (path: string, answers: Answer[]) => scripts.set(path, [...answers]),
    at: (path: string) => received.filter((r) => r.path === path),
    events: (path: string) =>
      received
        .filter((r) => r.path === path)
        .map((r) => JSON.parse(r.body) as { type: string; timestamp: string; data: Record<string, unknown> }),
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Verifies with the Standard Webhooks reference library (not our own code). Throws when invalid. */
export function verify(secret: string, r: Received): unknown {
  const h = r.headers;
  return new Webhook(secret).verify(r.body, {
    'webhook-id': String(h['webhook-id']),
    'webhook-timestamp': String(h['webhook-timestamp']),
    'webhook-signature': String(h['webhook-signature']),
  });
}
