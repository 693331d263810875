import { describe, expect, it } from 'vitest';
import { ForbiddenError, ValidationError } from '@/lib/platform/errors';
import { assertSameOriginJson } from '@/lib/platform/same-origin';

const req = (headers: Record<string, string>) => new Request('http://portal.test/api/orgs/x', { method: 'POST', headers });

describe('CSRF guard for session-authenticated mutations', () => {
  it('accepts a same-origin JSON call', () => {
    expect(() =>
      assertSameOriginJson(req({ origin: 'http://portal.test', host: 'portal.test', 'content-type': 'application/json' })),
    ).not.toThrow();
  });
  it('refuses another origin, or no origin at all', () => {
    expect(() =>
      assertSameOriginJson(req({ origin: 'http://evil.test', host: 'portal.test', 'content-type': 'application/json' })),
    ).toThrow(ForbiddenError);
    expect(() => assertSameOriginJson(req({ host: 'portal.test', 'content-type': 'application/json' }))).toThrow(ForbiddenError);
  });
  it('refuses a form-encoded body (what a cross-site form can send)', () => {
    expect(() =>
      assertSameOriginJson(req({ origin: 'http://portal.test', host: 'portal.test', 'content-type': 'application/x-www-form-urlencoded' })),
    ).toThrow(ValidationError);
  });
});

describe('forwarded headers (issue 10 #17)', () => {
  it("don't make a foreign origin look same-origin unless TRUST_PROXY=1", () => {
    const spoofed = {
      origin: 'http://evil.test',
      host: 'portal.test',
      'x-forwarded-host': 'evil.test',
      'content-type': 'application/json',
    };
    expect(() => assertSameOriginJson(req(spoofed))).toThrow(ForbiddenError);
    process.env.TRUST_PROXY = '1';
    try {
      // Behind a configured proxy the proxy's X-Forwarded-Host is the public host.
      expect(() =>
        assertSameOriginJson(req({ ...spoofed, origin: 'https://public.test', 'x-forwarded-host': 'public.test' })),
      ).not.toThrow();
    } finally {
      delete process.env.TRUST_PROXY;
    }
  });
});
