// Activity shows words, not code names (issue 17.5): every action the audit log can record
// has a human label, and a before/after reads as "field: old → new".
import { describe, expect, it } from 'vitest';
import { auditChanges, fieldLabel, formatValue } from '@/lib/activity/audit-diff';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, auditActionLabel } from '@/lib/domain/audit-actions';

describe('audit action labels', () => {
  it('every defined action has a label, and only defined actions', () => {
    const missing = AUDIT_ACTIONS.filter((a) => !AUDIT_ACTION_LABELS[a]?.trim());
    expect(missing).toEqual([]);
    expect(Object.keys(AUDIT_ACTION_LABELS).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it('labels are words a person reads, not the code name', () => {
    for (const a of AUDIT_ACTIONS) {
      expect(AUDIT_ACTION_LABELS[a]).not.toBe(a);
      expect(AUDIT_ACTION_LABELS[a]).toMatch(/^[A-Z][^._]*$/);
    }
    expect(auditActionLabel('customer.create')).toBe('Customer created');
    // An entry whose action is no longer defined keeps its stored name.
    expect(auditActionLabel('legacy.thing')).toBe('legacy.thing');
  });
});

describe('before/after as a readable diff', () => {
  it('lists only the changed fields, old → new, in words', () => {
    expect(auditChanges({ rbpm: false }, { rbpm: true })).toEqual([{ field: 'Restricted by Partner Mode', before: 'Off', after: 'On' }]);
    expect(
      auditChanges(
        { packages: ['webex_calling'], externalId: 'C-1' },
        { packages: ['webex_calling', 'webex_meetings'], externalId: 'C-1' },
      ),
    ).toEqual([{ field: 'Packages', before: 'Webex Calling', after: 'Webex Calling, Webex Meetings' }]);
    expect(auditChanges({ primaryPhoneNumber: null }, { primaryPhoneNumber: '+14155550123' })).toEqual([
      { field: 'Primary work number', before: '—', after: '+14155550123' },
    ]);
  });

  it('a creation or deletion shows the one side it records; nothing recorded shows nothing', () => {
    expect(auditChanges(null, { name: 'Acme', settings: { language: 'en_US' } })).toEqual([
      { field: 'Name', after: 'Acme' },
      { field: 'Settings language', after: 'en_US' },
    ]);
    expect(auditChanges({ status: 'provisioned' }, null)).toEqual([{ field: 'Status', before: 'provisioned' }]);
    expect(auditChanges(null, null)).toEqual([]);
    expect(auditChanges({ a: 1 }, { a: 1 })).toEqual([]);
  });

  it('field names and values in words', () => {
    expect(fieldLabel('billingStartDate')).toBe('Billing start date');
    expect(fieldLabel('event_types')).toBe('Event types');
    expect(formatValue([])).toBe('(none)');
    expect(formatValue('x'.repeat(500)).length).toBeLessThanOrEqual(160);
  });
});
