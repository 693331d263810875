// The published Node.js verification example (docs page and README) run as written
// against signatures made by the sender's own code: it accepts a genuine delivery, both
// signatures during a rotation, and refuses a wrong secret, a changed body or a stale timestamp.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { webhookHeaders } from '@/lib/webhooks/sign-payload';
import { generateSigningSecret } from '@/lib/webhooks/signing-secret';
import { NODE_VERIFY_EXAMPLE } from '@/lib/webhooks/verification-example';

type Verify = (secret: string, headers: Record<string, string>, body: string) => unknown;
const verifyWebhook = new Function('require', `${NODE_VERIFY_EXAMPLE}\nreturn verifyWebhook;`)(createRequire(import.meta.url)) as Verify;

const body = JSON.stringify({
  type: 'customer.status_changed',
  timestamp: new Date().toISOString(),
  data: { id: 'c1', status: 'provisioned', previousStatus: 'provisioning' },
});
const id = '0b6f9c2e-3a1d-4f5e-9b8c-7d6e5f4a3b2c';

describe('the Node.js verification example', () => {
  it('accepts a genuine delivery and returns the payload', () => {
    const secret = generateSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
    expect(Buffer.from(secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
    expect(verifyWebhook(secret, webhookHeaders([secret], id, new Date(), body), body)).toEqual(JSON.parse(body));
  });

  it('accepts either secret while a rotation overlaps', () => {
    const [next, old] = [generateSigningSecret(), generateSigningSecret()];
    const headers = webhookHeaders([next, old], id, new Date(), body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(verifyWebhook(old, headers, body)).toEqual(JSON.parse(body));
    expect(verifyWebhook(next, headers, body)).toEqual(JSON.parse(body));
  });

  it('refuses a wrong secret, a changed body and a stale timestamp', () => {
    const secret = generateSigningSecret();
    const headers = webhookHeaders([secret], id, new Date(), body);
    expect(() => verifyWebhook(generateSigningSecret(), headers, body)).toThrow('Invalid signature');
    expect(() => verifyWebhook(secret, headers, body.replace('provisioned', 'error'))).toThrow('Invalid signature');
    const stale = webhookHeaders([secret], id, new Date(Date.now() - 10 * 60_000), body);
    expect(() => verifyWebhook(secret, stale, body)).toThrow('Timestamp too far from now');
  });

  it('is the example the README shows', () => {
    expect(readFileSync('README.md', 'utf8')).toContain(NODE_VERIFY_EXAMPLE);
  });
});
