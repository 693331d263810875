import { describe, expect, it } from 'vitest';
import { oneRow } from '@/db/one-row';

describe('oneRow: the row a query must return', () => {
  it('returns the first row of a query that found one', async () => {
    expect(await oneRow(Promise.resolve([{ id: 'a' }, { id: 'b' }]), 'the org')).toEqual({ id: 'a' });
  });

  it('fails at the query, naming what was missing, instead of passing undefined on', async () => {
    await expect(oneRow(Promise.resolve([]), 'the inserted customer')).rejects.toThrow(
      'Expected the inserted customer, but the query returned no row.',
    );
  });
});
