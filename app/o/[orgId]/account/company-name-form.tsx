'use client';
import { HydratedForm } from '@/components/ui/hydrated-form';
import { useState } from 'react';
import { TextField } from '@/components/ui/form-controls';
import { buttonClass } from '@/components/ui/primitives';
import { useSave } from '@/components/ui/use-save';
import { updateAccountAction } from './actions';

/** Company name, editable when cv.account.edit is allowed (never for customer admins under RBPM). */
export function CompanyNameForm({ orgId, name }: { orgId: string; name: string }) {
  const [value, setValue] = useState(name);
  const { pending, error, save } = useSave();
  return (
    <HydratedForm
      noValidate
      className="flex flex-wrap items-end gap-3"
      data-testid="company-name-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(() => updateAccountAction(orgId, { companyName: value }), 'Company name saved.');
      }}
    >
      <div className="min-w-64 flex-1">
        <TextField
          id="companyName"
          label="Company name"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={error ?? undefined}
        />
      </div>
      <button type="submit" className={buttonClass('primary')} disabled={pending || value === name}>
        {pending ? 'Saving…' : 'Save'}
      </button>
    </HydratedForm>
  );
}
