// SPEC §8.4: who may target private addresses. WEBHOOKS_ALLOW_PRIVATE decides when set;
// unset, demo mode allows it (so the demo and its e2e can use a receiver on 127.0.0.1).
import { afterEach, describe, expect, it } from 'vitest';
import { allowPrivateTargets, isNonPublicAddress } from '@/lib/webhooks/url-rules';
import { urlShapeProblem } from '@/lib/webhooks/url-shape';

const saved = { allow: process.env.WEBHOOKS_ALLOW_PRIVATE, demo: process.env.DEMO_MODE };
const set = (allow: string | undefined, demo: string | undefined) => {
  if (allow === undefined) delete process.env.WEBHOOKS_ALLOW_PRIVATE;
  else process.env.WEBHOOKS_ALLOW_PRIVATE = allow;
  if (demo === undefined) delete process.env.DEMO_MODE;
  else process.env.DEMO_MODE = demo;
};
afterEach(() => set(saved.allow, saved.demo));

describe('allowPrivateTargets', () => {
  it('follows WEBHOOKS_ALLOW_PRIVATE when it is set, whatever the mode', () => {
    set('1', '0');
    expect(allowPrivateTargets()).toBe(true);
    set('0', '1');
    expect(allowPrivateTargets()).toBe(false);
  });
  it('unset: allowed in demo mode only', () => {
    set(undefined, '1');
    expect(allowPrivateTargets()).toBe(true);
    set(undefined, '0');
    expect(allowPrivateTargets()).toBe(false);
    set(undefined, undefined);
    expect(allowPrivateTargets()).toBe(false);
  });
});

describe('address and shape rules', () => {
  it('treats loopback, private, link-local and mapped addresses as non-public', () => {
    for (const a of ['127.0.0.1', '10.0.0.8', '172.20.1.1', '192.168.1.1', '169.254.169.254', '::1', 'fe80::1', '::ffff:10.0.0.1'])
      expect(isNonPublicAddress(a), a).toBe(true);
    for (const a of ['93.184.216.34', '2606:2800:220:1::1']) expect(isNonPublicAddress(a), a).toBe(false);
  });
  it('wants HTTPS, allowing plain HTTP to loopback only', () => {
    expect(urlShapeProblem('https://hooks.example.com/x')).toBeNull();
    expect(urlShapeProblem('http://127.0.0.1:3351/hook')).toBeNull();
    expect(urlShapeProblem('http://hooks.example.com/x')).toMatch(/HTTPS/);
    expect(urlShapeProblem('https://user:pw@hooks.example.com/')).toMatch(/user name or password/);
  });
});
