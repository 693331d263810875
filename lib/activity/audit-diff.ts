// The before/after of an audit entry as a person reads it (issue 17.5): the fields that
// changed, each "old → new", with field names and values in words, not JSON.
import { PACKAGE_INFO, type PackageId } from '@/lib/domain/packages';

export interface AuditChange {
  field: string;
  /** Absent when the entry only records the state after (a creation). */
  before?: string;
  /** Absent when the entry only records the state before (a deletion). */
  after?: string;
}

const FIELD_LABELS: Record<string, string> = {
  rbpm: 'Restricted by Partner Mode',
  externalId: 'External ID',
  primaryPhoneNumber: 'Primary work number',
  eventTypes: 'Events',
  includeIndirect: 'Includes indirect providers',
  endsAt: 'Ends',
  url: 'URL',
};
/** At most this many fields per entry, and this many characters per value: the page stays readable. */
const MAX_FIELDS = 12;
const MAX_VALUE = 160;

/** "primaryPhoneNumber" → "Primary phone number"; "billing.startDate" → "Billing start date". */
export function fieldLabel(path: string): string {
  if (FIELD_LABELS[path]) return FIELD_LABELS[path];
  const words = path
    .split('.')
    .map((p) => FIELD_LABELS[p] ?? p.replace(/_/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2'))
    .join(' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const isPackage = (v: string): v is PackageId => Object.hasOwn(PACKAGE_INFO, v);

/** One value in words: On/Off, package names, lists joined, nothing as "—". */
export function formatValue(v: unknown): string {
  let s: string;
  if (v === null || v === undefined || v === '') s = '—';
  else if (typeof v === 'boolean') s = v ? 'On' : 'Off';
  else if (typeof v === 'string') s = isPackage(v) ? PACKAGE_INFO[v].name : v;
  else if (typeof v === 'number') s = String(v);
  else if (Array.isArray(v)) s = v.length ? v.map(formatValue).join(', ') : '(none)';
  else s = JSON.stringify(v);
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s;
}

type Flat = Map<string, unknown>;

/** Nested objects one level at a time into dotted paths; arrays and scalars are leaves. */
function flatten(v: unknown, prefix = '', out: Flat = new Map()): Flat {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) out.set(prefix, v);
  return out;
}

/**
 * The changed fields of an entry. With both sides: the fields whose value differs. With one
 * side (a creation, a deletion): every field it records. Unchanged fields are left out.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const b = flatten(before);
  const a = flatten(after);
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  const keys = [...new Set([...b.keys(), ...a.keys()])];
  const changes: AuditChange[] = [];
  for (const k of keys) {
    const old = b.get(k);
    const now = a.get(k);
    if (hasBefore && hasAfter && JSON.stringify(old) === JSON.stringify(now)) continue;
    changes.push({
      field: fieldLabel(k),
      ...(hasBefore ? { before: formatValue(old) } : {}),
      ...(hasAfter ? { after: formatValue(now) } : {}),
    });
  }
  return changes.slice(0, MAX_FIELDS);
}
