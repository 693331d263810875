'use client';
import { applyServerFieldErrors, fieldOf } from '@/components/ui/server-field-errors';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormDialog } from '@/components/ui/form-dialog';
import { TextField } from '@/components/ui/form-controls';
import { Button } from '@/components/ui/primitives';
import { RowActionsMenu } from '@/components/ui/row-actions-menu';
import { useToast } from '@/components/ui/toast';
import { lazyZodResolver } from '@/components/ui/lazy-zod-resolver';
import type { ChangeRolesInput, InviteAdminInput } from '@/lib/admins/admin-schema';
import type { PartnerRole } from '@/lib/domain/roles';
import { cancelInvitationAction, changeAdminRolesAction, inviteAdminAction, removeAdminAction, resendInvitationAction } from './actions';
import { RoleCheckboxes } from './role-checkboxes';

interface AdminRef {
  userId: string;
  name: string;
  email: string;
  roles: PartnerRole[];
  status: 'active' | 'invited';
}

const inviteAdminResolver = lazyZodResolver<InviteAdminInput>(() => import('@/lib/admins/admin-schema').then((m) => m.inviteAdminSchema));
const changeRolesResolver = lazyZodResolver<ChangeRolesInput>(() => import('@/lib/admins/admin-schema').then((m) => m.changeRolesSchema));

export function InviteAdminButton({ orgId }: { orgId: string }) {
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const [error, setFormError] = useState<string | null>(null);
  const router = useRouter();
  const toast = useToast();
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    reset,
    formState: { errors },
  } = useForm<InviteAdminInput>({
    resolver: inviteAdminResolver,
    defaultValues: { email: '', firstName: '', lastName: '', roles: [] },
  });
  const submit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const res = await inviteAdminAction(orgId, values);
      if (res.ok) {
        toast(`Invitation sent to ${values.email}.`);
        setOpen(false);
        reset();
        router.refresh();
        return;
      }
      applyServerFieldErrors(setError, res.fieldErrors, fieldOf(getValues()));
      if (!res.fieldErrors) setFormError(res.message);
    }),
  );
  return (
    <>
      <Button onClick={() => setOpen(true)}>Invite administrator</Button>
      <FormDialog
        open={open}
        title="Invite administrator"
        submitLabel="Send invitation"
        pending={pending}
        error={error}
        onSubmit={submit}
        onClose={() => setOpen(false)}
      >
        <TextField id="invite-email" label="E-mail" type="email" required {...register('email')} error={errors.email?.message} />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField id="invite-firstName" label="First name" required {...register('firstName')} error={errors.firstName?.message} />
          <TextField id="invite-lastName" label="Last name" required {...register('lastName')} error={errors.lastName?.message} />
        </div>
        <RoleCheckboxes id="invite-roles" register={register('roles')} error={errors.roles?.message} />
        <p className="text-sm text-slate-600">They get an e-mail with a one-time link to set their password, valid for 7 days.</p>
      </FormDialog>
    </>
  );
}

function ChangeRolesDialog({ orgId, admin, open, onClose }: { orgId: string; admin: AdminRef; open: boolean; onClose: () => void }) {
  const [pending, start] = useTransition();
  const [error, setFormError] = useState<string | null>(null);
  const router = useRouter();
  const toast = useToast();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ChangeRolesInput>({
    resolver: changeRolesResolver,
    defaultValues: { userId: admin.userId, roles: admin.roles },
  });
  const submit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const res = await changeAdminRolesAction(orgId, values);
      if (res.ok) {
        toast(`Roles of ${admin.name} changed.`);
        onClose();
        router.refresh();
        return;
      }
      if (res.fieldErrors?.roles) setError('roles', { message: res.fieldErrors.roles[0] });
      else setFormError(res.message);
    }),
  );
  return (
    <FormDialog
      open={open}
      title={`Change roles of ${admin.name}`}
      submitLabel="Save roles"
      pending={pending}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      <RoleCheckboxes id={`roles-${admin.userId}`} register={register('roles')} error={errors.roles?.message} />
    </FormDialog>
  );
}

type Pending = 'remove' | 'cancel' | null;

/** Per row, in one Actions menu: Change roles, Re-send / Cancel invitation (invited), Remove (active) — destructive ones confirmed. */
export function AdminRowActions({ orgId, admin }: { orgId: string; admin: AdminRef }) {
  const [rolesOpen, setRolesOpen] = useState(false);
  const [confirm, setConfirm] = useState<Pending>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const toast = useToast();
  const run = (fn: () => Promise<{ ok: true } | { ok: false; message: string }>, done: string) =>
    start(async () => {
      setError(null);
      const res = await fn();
      if (res.ok) {
        setConfirm(null);
        toast(done);
        router.refresh();
      } else if (confirm) setError(res.message);
      else toast(res.message, 'error');
    });
  return (
    <>
      <RowActionsMenu
        name={admin.name}
        actions={[
          { label: 'Change roles', name: `Change roles of ${admin.name}`, onSelect: () => setRolesOpen(true) },
          ...(admin.status === 'invited'
            ? [
                {
                  label: 'Re-send invitation',
                  name: `Re-send invitation to ${admin.name}`,
                  onSelect: () =>
                    !pending && run(() => resendInvitationAction(orgId, { userId: admin.userId }), `Invitation re-sent to ${admin.email}.`),
                },
                {
                  label: 'Cancel invitation',
                  name: `Cancel invitation of ${admin.name}`,
                  tone: 'danger' as const,
                  onSelect: () => setConfirm('cancel'),
                },
              ]
            : [{ label: 'Remove', name: `Remove ${admin.name}`, tone: 'danger' as const, onSelect: () => setConfirm('remove') }]),
        ]}
      />
      {rolesOpen && <ChangeRolesDialog orgId={orgId} admin={admin} open={rolesOpen} onClose={() => setRolesOpen(false)} />}
      <ConfirmDialog
        open={confirm !== null}
        pending={pending}
        error={error}
        onClose={() => {
          setConfirm(null);
          setError(null);
        }}
        title={confirm === 'cancel' ? `Cancel the invitation of ${admin.name}?` : `Remove ${admin.name}?`}
        confirmLabel={confirm === 'cancel' ? 'Cancel invitation' : 'Remove'}
        onConfirm={() =>
          confirm === 'cancel'
            ? run(() => cancelInvitationAction(orgId, { userId: admin.userId }), `Invitation of ${admin.email} cancelled.`)
            : run(() => removeAdminAction(orgId, { userId: admin.userId }), `${admin.name} removed.`)
        }
      >
        {confirm === 'cancel'
          ? `The link sent to ${admin.email} stops working.`
          : `${admin.name} (${admin.email}) loses access to this organisation at once.`}
      </ConfirmDialog>
    </>
  );
}
