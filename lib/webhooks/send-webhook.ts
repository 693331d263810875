// One HTTP POST of a webhook, with the 10 s budget, the address rule at connect time,
// and at most 1 kB of the answer kept for the delivery log.
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { BlockedAddressError, allowPrivateTargets, isNonPublicAddress, safeLookup } from './url-rules';

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const RESPONSE_EXCERPT_BYTES = 1024;

export interface SendResult {
  statusCode: number | null;
  durationMs: number;
  excerpt: string;
  ok: boolean;
}

export async function sendWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs = WEBHOOK_TIMEOUT_MS,
): Promise<SendResult> {
  const started = performance.now();
  const done = (statusCode: number | null, excerpt: string): SendResult => ({
    statusCode,
    excerpt,
    durationMs: Math.round(performance.now() - started),
    ok: statusCode !== null && statusCode >= 200 && statusCode < 300,
  });
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  // Node skips the lookup for IP literals, so those are checked here.
  if (isIP(host) && !allowPrivateTargets() && isNonPublicAddress(host)) return done(null, new BlockedAddressError(host).message);

  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (r: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const client = target.protocol === 'https:' ? https : http;
    const req = client.request(
      target,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup: safeLookup },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          if (size < RESPONSE_EXCERPT_BYTES) chunks.push(c);
          size += c.length;
          // Keep the excerpt only; a huge answer is not read to the end.
          if (size >= RESPONSE_EXCERPT_BYTES) res.destroy();
        });
        const end = () => finish(done(res.statusCode ?? null, Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8')));
        res.on('end', end);
        res.on('close', end);
        res.on('error', end);
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish(done(null, `No answer within ${Math.round(timeoutMs / 1000)} s (timed out)`));
    }, timeoutMs);
    req.on('error', (err) => finish(done(null, err.message.slice(0, RESPONSE_EXCERPT_BYTES))));
    req.end(body);
  });
}
