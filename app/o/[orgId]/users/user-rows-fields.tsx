'use client';
import { useFormContext, type FieldArrayWithId } from 'react-hook-form';
import { SelectField, TextField } from '@/components/ui/form-controls';
import { Badge, Button } from '@/components/ui/primitives';
import { PACKAGE_INFO, type PackageId } from '@/lib/domain/packages';
import type { AddUsersInput } from '@/lib/subscribers/subscriber-schemas';
import type { RowStatus } from './use-create-users';

export interface Option {
  id: string;
  name: string;
}
export const EMPTY_ROW = {
  firstName: '',
  lastName: '',
  email: '',
  package: '' as PackageId,
  locationId: '',
  extension: '',
  primaryPhoneNumber: '',
};

const STATUS: Record<RowStatus, { tone: 'green' | 'red' | 'gray' | 'blue'; label: string }> = {
  new: { tone: 'gray', label: 'Not created yet' },
  creating: { tone: 'blue', label: 'Creating…' },
  created: { tone: 'green', label: 'Created' },
  failed: { tone: 'red', label: 'Not created: fix and retry' },
};

/**
 * The user rows of one form, shared by the Add users flow and the set-up wizard:
 * `identity` (names, e-mail, package, location), `numbers` (extension, number) or both.
 * Created rows are locked so a retry can't change what already exists.
 */
export function UserRowsFields({
  fields,
  parts,
  packages,
  locations,
  statuses,
  onRemove,
}: {
  fields: FieldArrayWithId<AddUsersInput, 'rows', 'key'>[];
  parts: 'identity' | 'numbers' | 'all';
  packages: PackageId[];
  locations: Option[];
  statuses: Record<string, RowStatus>;
  onRemove?: (index: number) => void;
}) {
  const {
    register,
    watch,
    formState: { errors },
  } = useFormContext<AddUsersInput>();
  const rows = watch('rows');
  const identity = parts !== 'numbers';
  const numbers = parts !== 'identity';
  return (
    <div className="space-y-4">
      {fields.map((f, i) => {
        const e = errors.rows?.[i];
        const status = statuses[f.key] ?? 'new';
        const pkg = rows?.[i]?.package;
        const calling = pkg ? PACKAGE_INFO[pkg]?.calling : false;
        const who = `${rows?.[i]?.firstName ?? ''} ${rows?.[i]?.lastName ?? ''}`.trim() || `User ${i + 1}`;
        if (!identity && !calling) {
          return (
            <p key={f.key} className="text-sm text-slate-600" data-testid={`row-${i}`}>
              {who}: {pkg ? `${PACKAGE_INFO[pkg].name} has no calling, so no number is needed.` : 'no package chosen.'}
            </p>
          );
        }
        return (
          <fieldset
            key={f.key}
            disabled={status === 'created' || status === 'creating'}
            data-testid={`row-${i}`}
            className="rounded-md border border-slate-200 p-4"
          >
            <legend className="flex items-center gap-2 px-1 text-sm font-medium">
              {identity ? `User ${i + 1}` : who}
              {status !== 'new' && (
                <Badge tone={STATUS[status].tone}>
                  <span data-testid={`row-${i}-status`}>{STATUS[status].label}</span>
                </Badge>
              )}
            </legend>
            {e?.root?.message && (
              <p role="alert" className="mb-2 text-sm text-red-700">
                {e.root.message}
              </p>
            )}
            <div className="grid gap-3 sm:grid-cols-3">
              {identity && (
                <>
                  <TextField
                    id={`rows-${i}-firstName`}
                    label="First name"
                    required
                    {...register(`rows.${i}.firstName`)}
                    error={e?.firstName?.message}
                  />
                  <TextField
                    id={`rows-${i}-lastName`}
                    label="Last name"
                    required
                    {...register(`rows.${i}.lastName`)}
                    error={e?.lastName?.message}
                  />
                  <TextField
                    id={`rows-${i}-email`}
                    label="Email"
                    type="email"
                    required
                    {...register(`rows.${i}.email`)}
                    error={e?.email?.message}
                  />
                  <SelectField
                    id={`rows-${i}-package`}
                    label="Package"
                    required
                    {...register(`rows.${i}.package`)}
                    error={e?.package?.message}
                  >
                    <option value="">Choose a package…</option>
                    {packages
                      .filter((p) => p !== 'common_area_calling')
                      .map((p) => (
                        <option key={p} value={p}>
                          {PACKAGE_INFO[p].name}
                        </option>
                      ))}
                  </SelectField>
                  <SelectField
                    id={`rows-${i}-locationId`}
                    label="Location"
                    required
                    {...register(`rows.${i}.locationId`)}
                    error={e?.locationId?.message}
                  >
                    <option value="">Choose a location…</option>
                    {locations.map((l) => (
                      <option key={l.id} value={l.id}>
                        {l.name}
                      </option>
                    ))}
                  </SelectField>
                </>
              )}
              {numbers && calling && (
                <>
                  <TextField
                    id={`rows-${i}-extension`}
                    label="Extension"
                    inputMode="numeric"
                    hint="2–10 digits, unique at the location"
                    {...register(`rows.${i}.extension`)}
                    error={e?.extension?.message}
                  />
                  <TextField
                    id={`rows-${i}-primaryPhoneNumber`}
                    label="Primary phone number"
                    hint="E.164, e.g. +14155550123"
                    {...register(`rows.${i}.primaryPhoneNumber`)}
                    error={e?.primaryPhoneNumber?.message}
                  />
                </>
              )}
            </div>
            {onRemove && status !== 'created' && fields.length > 1 && (
              <div className="mt-3 text-right">
                <Button variant="secondary" onClick={() => onRemove(i)}>
                  Remove row
                </Button>
              </div>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
