import { describe, expect, it } from 'vitest';
import { ForbiddenError, ValidationError } from '@/lib/platform/errors';
import { assertSameOriginJson } from '@/lib/platform/same-origin';

const req = (headers: Record<string, string>) => new Request('http://portal.test/api/orgs/x', { method: 'POST', headers });

describe('CSRF guard for session-authenticated mutations', () => {
  it('accepts a same-origin JSON call', () => {
    expect(() => assertSameOriginJson(req({ origin: 'http://portal.test', host: 'portal.test', 'content-type': 'application/json' }))).not.toThrow();
  });
  it('refuses another origin, or no origin at all', () => {
    expect(() => assertSameOriginJson(req({ origin: 'http://evil.test', host: 'portal.test', 'content-type': 'application/json' }))).toThrow(ForbiddenError);
    expect(() => assertSameOriginJson(req({ host: 'portal.test', 'content-type': 'application/json' }))).toThrow(ForbiddenError);
  });
  it('refuses a form-encoded body (what a cross-site form can send)', () => {
    expect(() => assertSameOriginJson(req({ origin: 'http://portal.test', host: 'portal.test', 'content-type': 'application/x-www-form-urlencoded' }))).toThrow(ValidationError);
  });
});
