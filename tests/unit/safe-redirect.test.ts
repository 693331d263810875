// Issue 10 #3: the post-sign-in redirect only ever goes to a path of this site.
import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from '@/lib/platform/safe-redirect';
import { waitAfter, throttleMessage } from '@/lib/auth/sign-in-throttle';
import { clientAddress } from '@/lib/platform/client-address';

describe('safeCallbackPath', () => {
  it.each([
    '/\\evil.test/x',
    '/\t/evil.test',
    '//evil.test',
    'http://evil.test/x',
    'https:evil.test',
    '/\n/evil.test',
    '\\\\evil.test',
    'javascript:alert(1)',
    '/.//evil.test',
  ])('refuses %j (it would leave the site)', (raw) => {
    const path = safeCallbackPath(raw, 'http://portal.test');
    expect(path.startsWith('/')).toBe(true);
    expect(path.startsWith('//')).toBe(false);
    expect(new URL(path, 'http://portal.test').host).toBe('portal.test');
  });
  it('keeps a path of the site with its query', () => {
    expect(safeCallbackPath('/o/123/customers?q=a#x', 'http://portal.test')).toBe('/o/123/customers?q=a#x');
    expect(safeCallbackPath('http://portal.test/o/1', 'http://portal.test')).toBe('/o/1');
  });
  it('falls back to / for nothing or garbage', () => {
    expect(safeCallbackPath(undefined)).toBe('/');
    expect(safeCallbackPath('http://[bad')).toBe('/');
  });
});

describe('sign-in throttle rules (SPEC §10)', () => {
  it('lets 5 failures through, then waits 1, 2, 4, 8 and at most 15 minutes', () => {
    expect([4, 5, 6, 7, 8, 9, 20].map((n) => waitAfter(n, 5) / 60_000)).toEqual([0, 1, 2, 4, 8, 15, 15]);
  });
  it('says how long to wait', () => {
    expect(throttleMessage(3)).toBe('Too many attempts — try again in 3 minutes.');
  });
});

describe('client address (issue 10 #17)', () => {
  const h = (v: Record<string, string>) => new Headers(v);
  it('takes the first X-Forwarded-For entry only behind a trusted proxy', () => {
    expect(clientAddress(h({ 'x-forwarded-for': '203.0.113.9, 10.0.0.1' }), true)).toBe('203.0.113.9');
    expect(clientAddress(h({ 'x-forwarded-for': '203.0.113.9, 10.0.0.1' }), false)).toBe('10.0.0.1');
    expect(clientAddress(h({}), false)).toBe('unknown');
  });
});
