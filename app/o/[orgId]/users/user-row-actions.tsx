'use client';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormDialog } from '@/components/ui/form-dialog';
import { SelectField, TextField } from '@/components/ui/form-controls';
import { RowActionsMenu } from '@/components/ui/row-actions-menu';
import { useToast } from '@/components/ui/toast';
import { PACKAGE_INFO, type PackageId } from '@/lib/domain/packages';
import type { ActionState } from '@/lib/server/org-action';
import type { SubscriberRow } from '@/lib/subscribers/list-subscribers';
import { changePackageAction, removeSubscriberAction, updatePrimaryNumberAction, updateUserNamesAction } from './actions';

export interface RowPermissions {
  manage: boolean;
  editNames: boolean;
  primaryNumber: boolean;
  primaryNumberReason: string | null;
}

type Dialog = 'package' | 'edit' | 'remove' | null;

/** Per-user actions in one row menu: Change package, Edit (names and e-mail, allowed under RBPM), Remove. */
export function UserRowActions({
  orgId,
  user,
  packages,
  can,
}: {
  orgId: string;
  user: SubscriberRow;
  packages: PackageId[];
  can: RowPermissions;
}) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();
  const toast = useToast();

  async function run(action: () => Promise<ActionState>, done: string) {
    setPending(true);
    setError(null);
    try {
      const r = await action();
      if (!r.ok) {
        setError([r.message, ...Object.values(r.fieldErrors ?? {}).flat()].filter((m, i, a) => a.indexOf(m) === i).join(' '));
        return false;
      }
      toast(done);
      setDialog(null);
      router.refresh();
      return true;
    } finally {
      setPending(false);
    }
  }

  const close = () => {
    setDialog(null);
    setError(null);
  };
  const label = user.name;

  return (
    <>
      <RowActionsMenu
        name={label}
        actions={[
          ...(can.manage ? [{ label: 'Change package', name: `Change package of ${label}`, onSelect: () => setDialog('package') }] : []),
          ...(can.editNames ? [{ label: 'Edit', name: `Edit ${label}`, onSelect: () => setDialog('edit') }] : []),
          ...(can.manage
            ? [{ label: 'Remove', name: `Remove ${label}`, tone: 'danger' as const, onSelect: () => setDialog('remove') }]
            : []),
        ]}
      />
      {dialog === 'package' && (
        <ChangePackageDialog
          user={user}
          packages={packages}
          pending={pending}
          error={error}
          onClose={close}
          onSave={(input) =>
            run(
              () => changePackageAction(orgId, { subscriberId: user.id, ...input }),
              `${label} now has ${PACKAGE_INFO[input.package].name}.`,
            )
          }
        />
      )}
      {dialog === 'edit' && (
        <EditUserDialog
          user={user}
          can={can}
          pending={pending}
          error={error}
          onClose={close}
          onSave={async (names, number) => {
            if (!(await run(() => updateUserNamesAction(orgId, { subscriberId: user.id, ...names }), `${label} updated.`))) return;
            if (number !== null)
              await run(
                () => updatePrimaryNumberAction(orgId, { subscriberId: user.id, primaryPhoneNumber: number }),
                'Primary work number updated.',
              );
          }}
        />
      )}
      <ConfirmDialog
        open={dialog === 'remove'}
        title={`Remove ${label}?`}
        confirmLabel="Remove"
        pending={pending}
        error={error}
        onClose={close}
        onConfirm={() => void run(() => removeSubscriberAction(orgId, { subscriberId: user.id }), `${label} removed.`)}
      >
        Their package ends now (billing stops) and their extension and number are released.
      </ConfirmDialog>
    </>
  );
}

function ChangePackageDialog({
  user,
  packages,
  pending,
  error,
  onClose,
  onSave,
}: {
  user: SubscriberRow;
  packages: PackageId[];
  pending: boolean;
  error: string | null;
  onClose: () => void;
  onSave: (input: { package: PackageId; extension: string; primaryPhoneNumber: string }) => void;
}) {
  const [pkg, setPkg] = useState<PackageId>(user.package);
  const [extension, setExtension] = useState('');
  const [phone, setPhone] = useState('');
  const needsNumber = PACKAGE_INFO[pkg].calling && !PACKAGE_INFO[user.package].calling;
  const options = packages.filter((p) => user.email === null || p !== 'common_area_calling');
  return (
    <FormDialog
      open
      title={`Change package of ${user.name}`}
      submitLabel="Change package"
      pending={pending}
      error={error}
      onClose={onClose}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSave({ package: pkg, extension, primaryPhoneNumber: phone });
      }}
    >
      <SelectField id={`pkg-${user.id}`} label="Package" value={pkg} onChange={(e) => setPkg(e.target.value as PackageId)}>
        {options.map((p) => (
          <option key={p} value={p}>
            {PACKAGE_INFO[p].name}
          </option>
        ))}
      </SelectField>
      {PACKAGE_INFO[user.package].calling && !PACKAGE_INFO[pkg].calling && (
        <p className="text-sm text-amber-800">The extension and phone number are released.</p>
      )}
      {needsNumber && (
        <>
          <TextField
            id={`ext-${user.id}`}
            label="Extension"
            value={extension}
            onChange={(e) => setExtension(e.target.value)}
            hint="A calling package needs an extension and/or a number."
          />
          <TextField
            id={`phone-${user.id}`}
            label="Primary phone number"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            hint="E.164, e.g. +14155550123"
          />
        </>
      )}
    </FormDialog>
  );
}

function EditUserDialog({
  user,
  can,
  pending,
  error,
  onClose,
  onSave,
}: {
  user: SubscriberRow;
  can: RowPermissions;
  pending: boolean;
  error: string | null;
  onClose: () => void;
  onSave: (names: { firstName: string; lastName: string; displayName: string; email: string }, number: string | null) => void;
}) {
  const [v, setV] = useState({
    firstName: user.firstName ?? '',
    lastName: user.lastName ?? '',
    displayName: user.displayName ?? '',
    email: user.email ?? '',
  });
  const [number, setNumber] = useState(user.phoneNumber ?? '');
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  return (
    <FormDialog
      open
      title={`Edit ${user.name}`}
      submitLabel="Save"
      pending={pending}
      error={error}
      onClose={onClose}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSave(v, can.primaryNumber && number !== (user.phoneNumber ?? '') ? number : null);
      }}
    >
      <TextField id={`first-${user.id}`} label="First name" required value={v.firstName} onChange={set('firstName')} />
      <TextField id={`last-${user.id}`} label="Last name" required value={v.lastName} onChange={set('lastName')} />
      <TextField id={`display-${user.id}`} label="Display name" value={v.displayName} onChange={set('displayName')} />
      <TextField id={`email-${user.id}`} label="Primary email" type="email" required value={v.email} onChange={set('email')} />
      <TextField
        id={`number-${user.id}`}
        label="Primary work number"
        value={number}
        onChange={(e) => setNumber(e.target.value)}
        readOnly={!can.primaryNumber}
        hint={can.primaryNumber ? 'E.164, e.g. +14155550123' : `Read only: ${can.primaryNumberReason}`}
      />
    </FormDialog>
  );
}
