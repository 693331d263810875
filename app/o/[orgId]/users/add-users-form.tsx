'use client';
import { HydratedForm } from '@/components/ui/hydrated-form';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormProvider, useFieldArray, useForm } from 'react-hook-form';
import { Button, buttonClass } from '@/components/ui/primitives';
import { useToast } from '@/components/ui/toast';
import type { PackageId } from '@/lib/domain/packages';
import { lazyZodResolver } from '@/components/ui/lazy-zod-resolver';
import { MAX_USERS_PER_CALL } from '@/lib/subscribers/subscriber-limits';
import type { AddUsersInput } from '@/lib/subscribers/subscriber-schemas';
import { useCreateUsers } from './use-create-users';
import { EMPTY_ROW, UserRowsFields, type Option } from './user-rows-fields';

/** "Add users" (SPEC §5.2): up to 25 rows at once, per-row outcome, retry of the failed rows only. */
const addUsersResolver = lazyZodResolver<AddUsersInput>(() => import('@/lib/subscribers/subscriber-schemas').then((m) => m.addUsersSchema));

export function AddUsersForm({ orgId, packages, locations }: { orgId: string; packages: PackageId[]; locations: Option[] }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const toast = useToast();
  const form = useForm<AddUsersInput>({
    resolver: addUsersResolver,
    mode: 'onChange',
    defaultValues: { rows: [{ ...EMPTY_ROW, locationId: locations[0]?.id ?? '' }] },
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'rows', keyName: 'key' });
  const { statuses, message, busy, createPending } = useCreateUsers(orgId, form, fields);
  const anyFailed = Object.values(statuses).includes('failed');

  if (!open)
    return (
      <Button onClick={() => setOpen(true)} data-testid="add-users">
        Add users
      </Button>
    );

  const submit = form.handleSubmit(async () => {
    const { allCreated } = await createPending();
    router.refresh();
    if (allCreated) {
      toast(`${fields.length} ${fields.length === 1 ? 'user' : 'users'} added.`);
      form.reset({ rows: [{ ...EMPTY_ROW, locationId: locations[0]?.id ?? '' }] });
      setOpen(false);
    }
  });

  return (
    <FormProvider {...form}>
      <HydratedForm
        noValidate
        onSubmit={submit}
        aria-labelledby="add-users-heading"
        className="mb-6 w-full rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
        data-testid="add-users-form"
      >
        <h2 id="add-users-heading" className="mb-3 text-base font-semibold">
          Add users
        </h2>
        {message && (
          <p role="alert" className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="add-users-error">
            {message}
          </p>
        )}
        <UserRowsFields fields={fields} parts="all" packages={packages} locations={locations} statuses={statuses} onRemove={remove} />
        <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
          <Button
            variant="secondary"
            disabled={fields.length >= MAX_USERS_PER_CALL || busy}
            onClick={() => append({ ...EMPTY_ROW, locationId: locations[0]?.id ?? '' })}
          >
            Add another user
          </Button>
          <span className="text-xs text-slate-600">
            {fields.length} of {MAX_USERS_PER_CALL} rows
          </span>
          <div className="flex gap-3">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={busy}>
              Close
            </Button>
            <button type="submit" className={buttonClass('primary')} disabled={busy}>
              {busy ? 'Creating…' : anyFailed ? 'Retry failed rows' : 'Create users'}
            </button>
          </div>
        </div>
      </HydratedForm>
    </FormProvider>
  );
}
