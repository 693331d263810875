'use client';
import { useFormContext, type FieldArrayWithId } from 'react-hook-form';
import { Badge, Button } from '@/components/ui/primitives';
import { Dash, DataTable, Td } from '@/components/ui/table';
import { PACKAGE_INFO } from '@/lib/domain/packages';
import type { AddUsersInput } from '@/lib/subscribers/subscriber-schemas';
import type { RowStatus } from '../users/use-create-users';

const NUMBER_FIELDS = new Set(['extension', 'primaryPhoneNumber']);

/** Step 4: what will be created, then each row's outcome with its errors and a Fix link. */
export function ReviewStep({
  fields,
  locations,
  statuses,
  message,
  onFix,
}: {
  fields: FieldArrayWithId<AddUsersInput, 'rows', 'key'>[];
  locations: { id: string; name: string }[];
  statuses: Record<string, RowStatus>;
  message: string | null;
  onFix: (step: 'identity' | 'numbers') => void;
}) {
  const {
    getValues,
    formState: { errors },
  } = useFormContext<AddUsersInput>();
  const rows = getValues('rows');
  return (
    <>
      {message && (
        <p role="alert" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="setup-error">
          {message}
        </p>
      )}
      <DataTable
        caption="Users to create"
        testId="setup-review"
        columns={['Name', 'Email', 'Package', 'Location', 'Extension', 'Phone number', 'Status']}
      >
        {fields.map((f, i) => {
          const r = rows[i];
          if (!r) return null; // the watched values catch up with the field list on the next render
          const rowErrors = Object.entries(errors.rows?.[i] ?? {})
            .filter(([k]) => k !== 'ref' && k !== 'root')
            .map(([k, v]) => [k, (v as { message?: string })?.message ?? ''] as const);
          const status = statuses[f.key] ?? 'new';
          return (
            <tr key={f.key} data-testid={`review-row-${i}`}>
              <Td>
                {r.firstName} {r.lastName}
              </Td>
              <Td>{r.email}</Td>
              <Td>{PACKAGE_INFO[r.package]?.name ?? <Dash />}</Td>
              <Td>{locations.find((l) => l.id === r.locationId)?.name ?? <Dash />}</Td>
              <Td>{r.extension || <Dash />}</Td>
              <Td>{r.primaryPhoneNumber || <Dash />}</Td>
              <Td>
                {status === 'created' && <Badge tone="green">Created</Badge>}
                {status === 'creating' && <Badge tone="blue">Creating…</Badge>}
                {status === 'new' && <Badge>Ready</Badge>}
                {status === 'failed' && (
                  <div className="space-y-1">
                    <Badge tone="red">Not created</Badge>
                    <ul className="text-xs text-red-700">
                      {rowErrors.map(([k, m]) => (
                        <li key={k}>{m}</li>
                      ))}
                    </ul>
                    <Button
                      variant="secondary"
                      onClick={() => onFix(rowErrors.some(([k]) => !NUMBER_FIELDS.has(k)) ? 'identity' : 'numbers')}
                    >
                      Fix
                    </Button>
                  </div>
                )}
              </Td>
            </tr>
          );
        })}
      </DataTable>
    </>
  );
}
