// Standard Webhooks signing: HMAC-SHA256 over `${id}.${timestamp}.${body}`, header
// `webhook-signature: v1,<base64>` — several space-separated while a rotated secret
// still overlaps, so a receiver holding either secret verifies.
import { createHmac } from 'node:crypto';
import { secretKey } from './signing-secret';

export function signatureFor(secret: string, id: string, timestampSeconds: number, body: string): string {
  return 'v1,' + createHmac('sha256', secretKey(secret)).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
}

export function webhookHeaders(secrets: readonly string[], id: string, at: Date, body: string): Record<string, string> {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': 'PartnerHub-Webhooks/1',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((s) => signatureFor(s, id, timestamp, body)).join(' '),
  };
}
