'use client';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldError } from '@/components/ui/form-controls';
import { PARTNER_ROLES, ROLE_NAMES } from '@/lib/domain/roles';

/** The five partner roles as a labelled group of checkboxes (SPEC §1.1 names). */
export function RoleCheckboxes({ id, register, error }: { id: string; register: UseFormRegisterReturn; error?: string }) {
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium">
        Roles <span className="text-slate-500">(at least one)</span>
      </legend>
      <div className="mt-2 space-y-1.5">
        {PARTNER_ROLES.map((r) => (
          <label key={r} className="flex items-center gap-2 text-sm">
            <input type="checkbox" value={r} {...register} className="h-4 w-4" />
            {ROLE_NAMES[r]}
          </label>
        ))}
      </div>
      <FieldError id={id} message={error} />
    </fieldset>
  );
}
