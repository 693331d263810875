'use client';
import { HydratedForm } from '@/components/ui/hydrated-form';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { TextField } from '@/components/ui/form-controls';
import { Button } from '@/components/ui/primitives';
import { lazyZodResolver } from '@/components/ui/lazy-zod-resolver';
import type { acceptInvitationSchema } from '@/lib/auth/invitations-schema';
import { acceptInvitationAction } from './actions';

type Values = z.input<typeof acceptInvitationSchema>;

const acceptResolver = lazyZodResolver<Values>(() => import('@/lib/auth/invitations-schema').then((m) => m.acceptInvitationSchema));

export function AcceptInvitationForm({ token }: { token: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Values>({
    resolver: acceptResolver,
    mode: 'onChange',
    defaultValues: { token, password: '', confirmPassword: '' },
  });
  const submit = handleSubmit((values) =>
    start(async () => {
      setError(null);
      const res = await acceptInvitationAction(values);
      if (res && !res.ok) setError(res.message);
    }),
  );
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-4">
      {error && (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="invite-error">
          {error}
        </p>
      )}
      <TextField
        id="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        {...register('password')}
        error={errors.password?.message}
        hint="At least 12 characters."
      />
      <TextField
        id="confirmPassword"
        label="Confirm password"
        type="password"
        autoComplete="new-password"
        required
        {...register('confirmPassword')}
        error={errors.confirmPassword?.message}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Saving…' : 'Set password and sign in'}
      </Button>
    </HydratedForm>
  );
}
