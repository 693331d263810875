'use client';
import { applyServerFieldErrors, fieldOf } from '@/components/ui/server-field-errors';
import { HydratedForm } from '@/components/ui/hydrated-form';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { SelectField, TextField } from '@/components/ui/form-controls';
import { Button, buttonClass } from '@/components/ui/primitives';
import { useToast } from '@/components/ui/toast';
import { PACKAGE_INFO, type PackageId } from '@/lib/domain/packages';
import { lazyZodResolver } from '@/components/ui/lazy-zod-resolver';
import type { addWorkspaceSchema } from '@/lib/subscribers/subscriber-schemas';
import type { z } from 'zod';
import { addWorkspaceAction } from './actions';

type Input = z.input<typeof addWorkspaceSchema>;

/** Add a workspace: any of the customer's packages (Common Area Calling is meant for these). */
const addWorkspaceResolver = lazyZodResolver<Input>(() => import('@/lib/subscribers/subscriber-schemas').then((m) => m.addWorkspaceSchema));

export function AddWorkspaceForm({
  orgId,
  packages,
  locations,
}: {
  orgId: string;
  packages: PackageId[];
  locations: { id: string; name: string }[];
}) {
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const router = useRouter();
  const toast = useToast();
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Input>({
    resolver: addWorkspaceResolver,
    mode: 'onChange',
    defaultValues: {
      name: '',
      package: packages.includes('common_area_calling') ? 'common_area_calling' : packages[0],
      locationId: locations[0]?.id ?? '',
      extension: '',
      primaryPhoneNumber: '',
    },
  });
  if (!open) return <Button onClick={() => setOpen(true)}>Add workspace</Button>;
  const submit = handleSubmit(async (values) => {
    setMessage(null);
    const r = await addWorkspaceAction(orgId, values);
    if (!r.ok) {
      setMessage(r.message);
      applyServerFieldErrors(setError, r.fieldErrors, fieldOf(getValues()));
      return;
    }
    toast(`Workspace ${values.name} added.`);
    reset();
    setOpen(false);
    router.refresh();
  });
  return (
    <HydratedForm
      noValidate
      onSubmit={submit}
      className="mb-6 w-full rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      aria-labelledby="add-ws-heading"
    >
      <h2 id="add-ws-heading" className="mb-3 font-semibold">
        Add workspace
      </h2>
      {message && (
        <p role="alert" className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField id="ws-name" label="Workspace name" required {...register('name')} error={errors.name?.message} />
        <SelectField id="ws-package" label="Package" required {...register('package')} error={errors.package?.message}>
          {packages.map((p) => (
            <option key={p} value={p}>
              {PACKAGE_INFO[p].name}
            </option>
          ))}
        </SelectField>
        <SelectField id="ws-location" label="Location" required {...register('locationId')} error={errors.locationId?.message}>
          {locations.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </SelectField>
        <TextField id="ws-extension" label="Extension" {...register('extension')} error={errors.extension?.message} />
        <TextField
          id="ws-phone"
          label="Primary phone number"
          {...register('primaryPhoneNumber')}
          error={errors.primaryPhoneNumber?.message}
        />
      </div>
      <div className="mt-4 flex justify-end gap-3">
        <Button variant="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
        <button type="submit" className={buttonClass('primary')} disabled={isSubmitting}>
          {isSubmitting ? 'Adding…' : 'Add workspace'}
        </button>
      </div>
    </HydratedForm>
  );
}
