// WEB_CONCURRENCY (scripts/serve.mjs): how many server processes one instance runs.
import { describe, expect, it } from 'vitest';
import { webConcurrency } from '../../scripts/serve.mjs';

describe('webConcurrency', () => {
  it('is one process unless asked, one per core for "auto", else the number given', () => {
    expect(webConcurrency(undefined, 8)).toBe(1);
    expect(webConcurrency('', 8)).toBe(1);
    expect(webConcurrency('auto', 8)).toBe(8);
    expect(webConcurrency(' 2 ', 8)).toBe(2);
    expect(webConcurrency('64', 2)).toBe(64);
  });

  it('refuses anything else with a message naming the variable, rather than guessing', () => {
    for (const bad of ['0', '-1', '1.5', 'two', '65', '2x'])
      expect(() => webConcurrency(bad, 8), bad).toThrow(/WEB_CONCURRENCY must be a whole number from 1 to 64 or "auto"/);
  });
});
