import { auditChanges } from '@/lib/activity/audit-diff';

/** An entry's before/after as a list of changed fields, "old → new" (issue 17.5). */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const changes = auditChanges(before, after);
  if (changes.length === 0) return null;
  return (
    <dl className="mt-1 space-y-0.5 text-xs text-slate-600" data-testid="audit-changes">
      {changes.map((c) => (
        <div key={c.field} className="flex flex-wrap gap-x-1 [overflow-wrap:anywhere]">
          <dt className="font-medium text-slate-700">{c.field}:</dt>
          <dd>
            {c.before !== undefined && <del className="text-red-800 no-underline">{c.before}</del>}
            {c.before !== undefined && c.after !== undefined && (
              <span aria-label="changed to" role="img" className="px-1">
                →
              </span>
            )}
            {c.after !== undefined && <ins className="text-green-800 no-underline">{c.after}</ins>}
            {c.after === undefined && <span className="sr-only"> (removed)</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
