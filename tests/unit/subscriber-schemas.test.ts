// SPEC §2 numbering rules and the 25-row limit, as the forms and the server both see them.
import { describe, expect, it } from 'vitest';
import { addUsersSchema, numberingIssues, userRowSchema } from '@/lib/subscribers/subscriber-schemas';

const row = {
  firstName: 'A',
  lastName: 'B',
  email: 'a@b.test',
  package: 'webex_calling',
  locationId: 'loc',
  extension: '1234',
  primaryPhoneNumber: '',
};

describe('numbering rules', () => {
  it('a calling package needs an extension and/or a number', () => {
    expect(numberingIssues({ package: 'webex_calling', extension: '', primaryPhoneNumber: '' })).toHaveLength(1);
    expect(numberingIssues({ package: 'webex_calling', extension: '12', primaryPhoneNumber: '' })).toEqual([]);
    expect(numberingIssues({ package: 'common_area_calling', extension: '', primaryPhoneNumber: '+14155550123' })).toEqual([]);
  });
  it('a meetings-only package has neither', () => {
    expect(numberingIssues({ package: 'webex_meetings', extension: '12', primaryPhoneNumber: '+14155550123' }).map((i) => i.path)).toEqual([
      'extension',
      'primaryPhoneNumber',
    ]);
    expect(numberingIssues({ package: 'webex_meetings', extension: '', primaryPhoneNumber: '' })).toEqual([]);
  });
});

describe('user rows', () => {
  it('accepts a valid row and refuses bad extensions, numbers and Common Area Calling', () => {
    expect(userRowSchema.safeParse(row).success).toBe(true);
    for (const bad of [
      { extension: '1' },
      { extension: '12345678901' },
      { extension: '12a' },
      { primaryPhoneNumber: '4155550123' },
      { package: 'common_area_calling' },
      { email: 'nope' },
    ]) {
      expect(userRowSchema.safeParse({ ...row, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
  it('takes 25 rows per call, not 26', () => {
    expect(addUsersSchema.safeParse({ rows: Array(25).fill(row) }).success).toBe(true);
    const r = addUsersSchema.safeParse({ rows: Array(26).fill(row) });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe('Add at most 25 users at a time.');
  });
});
