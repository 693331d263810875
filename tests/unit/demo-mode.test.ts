// SPEC §10: demo mode is on by default only on the embedded database.
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs launcher helper without type declarations
import { demoModeFor } from '../../scripts/demo-mode.mjs';

describe('demo mode', () => {
  it('is on by default on the embedded database', () => expect(demoModeFor({}, true)).toBe(true));
  it('is off by default with DATABASE_URL set', () => expect(demoModeFor({ DATABASE_URL: 'postgres://x/y' }, false)).toBe(false));
  it('follows DEMO_MODE when given', () => {
    expect(demoModeFor({ DEMO_MODE: '1' }, false)).toBe(true);
    expect(demoModeFor({ DEMO_MODE: '0' }, true)).toBe(false);
  });
});
