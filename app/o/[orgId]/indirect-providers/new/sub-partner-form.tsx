'use client';
import { applyServerFieldErrors, fieldOf } from '@/components/ui/server-field-errors';
import { HydratedForm } from '@/components/ui/hydrated-form';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { SelectField, TextField } from '@/components/ui/form-controls';
import { Button, buttonClass } from '@/components/ui/primitives';
import { useToast } from '@/components/ui/toast';
import { lazyZodResolver } from '@/components/ui/lazy-zod-resolver';
import type { createSubPartnerSchema } from '@/lib/sub-partners/sub-partner-schema';
import { createSubPartnerAction } from '../actions';

type Values = z.input<typeof createSubPartnerSchema>;

const subPartnerResolver = lazyZodResolver<Values>(() =>
  import('@/lib/sub-partners/sub-partner-schema').then((m) => m.createSubPartnerSchema),
);

export function SubPartnerForm({ orgId, subscriptionIds, today }: { orgId: string; subscriptionIds: string[]; today: string }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    formState: { errors },
  } = useForm<Values>({
    resolver: subPartnerResolver,
    mode: 'onChange',
    defaultValues: {
      name: '',
      adminEmail: '',
      adminFirstName: '',
      adminLastName: '',
      subscriptionId: subscriptionIds[0] ?? '',
      billingStartDate: today,
    },
  });
  const submit = handleSubmit((values) =>
    start(async () => {
      const res = await createSubPartnerAction(orgId, values);
      if (res.ok) {
        toast(`${values.name} is set up. An invitation was sent to ${values.adminEmail}.`);
        router.push(`/o/${orgId}/indirect-providers`);
        router.refresh();
        return;
      }
      applyServerFieldErrors(setError, res.fieldErrors, fieldOf(getValues()));
      if (!res.fieldErrors) toast(res.message, 'error');
    }),
  );
  return (
    <HydratedForm onSubmit={submit} noValidate className="max-w-xl space-y-5">
      <TextField id="name" label="Indirect provider name" required {...register('name')} error={errors.name?.message} />
      <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold">First administrator</legend>
        <TextField
          id="adminEmail"
          label="Administrator email"
          type="email"
          required
          {...register('adminEmail')}
          error={errors.adminEmail?.message}
          hint="Gets partner full and wholesale administrator roles and an invitation to set a password."
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            id="adminFirstName"
            label="First name"
            required
            {...register('adminFirstName')}
            error={errors.adminFirstName?.message}
          />
          <TextField id="adminLastName" label="Last name" required {...register('adminLastName')} error={errors.adminLastName?.message} />
        </div>
      </fieldset>
      <SelectField
        id="subscriptionId"
        label="Shared subscription"
        required
        {...register('subscriptionId')}
        error={errors.subscriptionId?.message}
        hint="The indirect provider sells from your subscription."
      >
        {subscriptionIds.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </SelectField>
      <TextField
        id="billingStartDate"
        label="Billing start date"
        type="date"
        {...register('billingStartDate')}
        error={errors.billingStartDate?.message}
      />
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Setting up…' : 'Set up indirect provider'}
        </Button>
        <a href={`/o/${orgId}/indirect-providers`} className={buttonClass('secondary')}>
          Cancel
        </a>
      </div>
    </HydratedForm>
  );
}
