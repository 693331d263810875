// SPEC §2 numbering rules and the 25-row limit, as the forms and the server both see them.
import { describe, expect, it } from 'vitest';
import { addUsersSchema, batchDuplicateIssues, numberingIssues, userRowSchema } from '@/lib/subscribers/subscriber-schemas';

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
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ ...row, email: `u${i}@b.test`, extension: String(1000 + i) }));
    expect(addUsersSchema.safeParse({ rows: rows(25) }).success).toBe(true);
    const r = addUsersSchema.safeParse({ rows: rows(26) });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe('Add at most 25 users at a time.');
  });
});

describe('one batch (the same schema in the form and on the server)', () => {
  const at = (extension: string, locationId = 'loc', email = `${extension}-${locationId}@b.test`) => ({
    ...row,
    extension,
    locationId,
    email,
  });
  const issues = (rows: unknown[]) => {
    const r = addUsersSchema.safeParse({ rows });
    return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
  };

  it('an extension twice at one location: the repeat is flagged at its row, naming the first', () => {
    expect(issues([at('1001'), at('1002'), at('1001', 'loc', 'other@b.test')])).toEqual([
      ['rows.2.extension', 'User 1 already has this extension at this location.'],
    ]);
  });
  it('the same extension at two locations is fine; so is no extension twice', () => {
    expect(issues([at('1001', 'hq'), at('1001', 'branch')])).toEqual([]);
    const meetings = { ...row, package: 'webex_meetings', extension: '' };
    expect(
      issues([
        { ...meetings, email: 'a1@b.test' },
        { ...meetings, email: 'a2@b.test' },
      ]),
    ).toEqual([]);
  });
  it('an e-mail twice (any case) is flagged too; every repeat, not the first', () => {
    expect(issues([at('1001'), { ...at('1002'), email: '1001-LOC@b.test' }, at('1003'), at('1001', 'loc', 'x@b.test')])).toEqual([
      ['rows.1.email', 'User 1 already has this email.'],
      ['rows.3.extension', 'User 1 already has this extension at this location.'],
    ]);
  });
  it('still reports the repeats while other rows have problems of their own', () => {
    expect(issues([at('1001'), { ...at('1001', 'loc', 'y@b.test'), firstName: '' }])).toEqual([
      ['rows.1.firstName', 'Enter the first name.'],
      ['rows.1.extension', 'User 1 already has this extension at this location.'],
    ]);
    expect(batchDuplicateIssues([{ email: undefined, extension: 12, locationId: null } as never])).toEqual([]);
  });
});
