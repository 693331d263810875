'use client';
import { RowActionsMenu } from '@/components/ui/row-actions-menu';
import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useForm, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import type { z } from 'zod';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FieldError, TextField, inputClass } from '@/components/ui/form-controls';
import { FormDialog } from '@/components/ui/form-dialog';
import { Badge, Button, Card, EmptyState } from '@/components/ui/primitives';
import { DataTable, Td } from '@/components/ui/table';
import { useToast } from '@/components/ui/toast';
import { formatTimestamp } from '@/lib/format';
import { endpointFieldsSchema, type EndpointFields } from '@/lib/webhooks/endpoint-schema';
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES } from '@/lib/webhooks/event-types';
import {
  createWebhookEndpointAction,
  deleteWebhookEndpointAction,
  rotateWebhookSecretAction,
  setWebhookEndpointEnabledAction,
  updateWebhookEndpointAction,
} from './actions';

export interface EndpointRow {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  includeIndirect: boolean;
  enabled: boolean;
  disabledReason: string | null;
  failingSince: string | null;
  previousSecretExpiresAt: string | null;
  createdAt: string;
}
type Output = z.output<typeof endpointFieldsSchema>;
const FIELDS = ['url', 'description', 'eventTypes', 'includeIndirect'] as const;
const EMPTY: EndpointFields = { url: '', description: '', eventTypes: [], includeIndirect: false };

/** The secret, shown once, in a read-only field labelled "Signing secret" with copy. */
function NewSecret({ secret, note, onDone }: { secret: string; note?: string; onDone: () => void }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-4" data-testid="new-signing-secret">
      <p className="text-sm font-medium text-emerald-900">
        Copy the signing secret now: it is shown only once and can’t be retrieved later.
      </p>
      {note && <p className="mt-1 text-sm text-emerald-900">{note}</p>}
      <label htmlFor="new-signing-secret-value" className="mt-3 block text-sm font-medium">
        Signing secret
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id="new-signing-secret-value"
          readOnly
          value={secret}
          className={`${inputClass} mt-0 font-mono`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button type="button" variant="secondary" onClick={copy} aria-label="Copy signing secret">
          {copied === 'copied' ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <span className="sr-only" aria-live="polite">
        {copied === 'copied' ? 'Signing secret copied' : copied === 'failed' ? 'Could not copy: select the text' : ''}
      </span>
      {copied === 'failed' && <p className="mt-1 text-sm text-slate-700">Copy failed — select the text and copy it.</p>}
      <Button type="button" variant="secondary" className="mt-3" onClick={onDone}>
        Done
      </Button>
    </div>
  );
}

/** URL, description, event checkboxes and "Include indirect providers": the same for add and edit. */
function EndpointFormFields({
  idPrefix,
  register,
  errors,
}: {
  idPrefix: string;
  register: UseFormRegister<EndpointFields>;
  errors: FieldErrors<EndpointFields>;
}) {
  return (
    <>
      <TextField
        id={`${idPrefix}-url`}
        label="Endpoint URL"
        required
        type="url"
        inputMode="url"
        placeholder="https://example.com/webhooks"
        hint="HTTPS; plain HTTP only to loopback addresses, for development."
        {...register('url')}
        error={errors.url?.message}
      />
      <TextField
        id={`${idPrefix}-description`}
        label="Description"
        hint="Optional, e.g. “Order system”."
        {...register('description')}
        error={errors.description?.message}
      />
      <fieldset aria-describedby={errors.eventTypes ? `${idPrefix}-events-error` : undefined}>
        <legend className="text-sm font-medium">
          Events <span className="text-slate-500">(required)</span>
        </legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {WEBHOOK_EVENT_TYPES.map((t) => (
            <label key={t} className="flex items-start gap-2 text-sm">
              <input type="checkbox" value={t} {...register('eventTypes')} className="mt-0.5" />
              <span>
                <code className="font-mono text-xs">{t}</code>
                <br />
                <span className="text-slate-600">{WEBHOOK_EVENT_DESCRIPTIONS[t]}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id={`${idPrefix}-events`} message={errors.eventTypes?.message ?? errors.eventTypes?.root?.message} />
      </fieldset>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" {...register('includeIndirect')} className="mt-0.5" aria-describedby={`${idPrefix}-indirect-hint`} />
        <span>
          <span className="font-medium">Include indirect providers</span>
          <br />
          <span id={`${idPrefix}-indirect-hint`} className="text-slate-600">
            Also receive the events of your sub-partners’ customers.
          </span>
        </span>
      </label>
    </>
  );
}

function useEndpointForm(defaults: EndpointFields) {
  const form = useForm<EndpointFields, unknown, Output>({ resolver: zodResolver(endpointFieldsSchema), defaultValues: defaults });
  /** Field errors go next to their fields; anything else is the form's own message. */
  const showErrors = (fe: Record<string, string[] | undefined> | undefined, message: string): string | null => {
    let placed = false;
    for (const f of FIELDS) {
      const m = fe?.[f]?.[0];
      if (m) {
        form.setError(f, { message: m });
        placed = true;
      }
    }
    return placed ? null : message;
  };
  return { ...form, showErrors };
}

function AddEndpointForm({ orgId, onCreated }: { orgId: string; onCreated: (secret: string) => void }) {
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
    showErrors,
  } = useEndpointForm(EMPTY);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const onSubmit = handleSubmit((values) => {
    setFormError(null);
    startTransition(async () => {
      const r = await createWebhookEndpointAction(orgId, values);
      if (!r.ok) {
        setFormError(showErrors(r.fieldErrors, r.message));
        return;
      }
      reset(EMPTY);
      onCreated(r.data.secret);
    });
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add endpoint" className="grid gap-4">
      {formError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {formError}
        </p>
      )}
      <EndpointFormFields idPrefix="new-endpoint" register={register} errors={errors} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Adding…' : 'Add endpoint'}
        </Button>
      </div>
    </form>
  );
}

function EditEndpointDialog({ orgId, endpoint, onClose }: { orgId: string; endpoint: EndpointRow; onClose: (saved: boolean) => void }) {
  const {
    register,
    handleSubmit,
    formState: { errors },
    showErrors,
  } = useEndpointForm({
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes as EndpointFields['eventTypes'],
    includeIndirect: endpoint.includeIndirect,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const onSubmit = handleSubmit((values) => {
    setFormError(null);
    startTransition(async () => {
      const r = await updateWebhookEndpointAction(orgId, { ...values, endpointId: endpoint.id });
      if (!r.ok) {
        setFormError(showErrors(r.fieldErrors, r.message));
        return;
      }
      onClose(true);
    });
  });
  return (
    <FormDialog
      open
      title="Edit endpoint"
      submitLabel="Save changes"
      pending={pending}
      error={formError}
      onSubmit={onSubmit}
      onClose={() => onClose(false)}
    >
      <EndpointFormFields idPrefix="edit-endpoint" register={register} errors={errors} />
    </FormDialog>
  );
}

type Pending = { kind: 'delete' | 'rotate' | 'disable'; endpoint: EndpointRow } | null;

export function WebhooksPanel({ orgId, endpoints }: { orgId: string; endpoints: EndpointRow[] }) {
  const [secret, setSecret] = useState<{ value: string; note?: string } | null>(null);
  const [editing, setEditing] = useState<EndpointRow | null>(null);
  const [confirming, setConfirming] = useState<Pending>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const toast = useToast();

  const enable = (e: EndpointRow) =>
    startTransition(async () => {
      const r = await setWebhookEndpointEnabledAction(orgId, { endpointId: e.id, enabled: true });
      if (!r.ok) {
        toast(r.message);
        return;
      }
      toast(`Endpoint ${e.url} enabled.`);
      router.refresh();
    });
  const confirm = () => {
    if (!confirming) return;
    const { kind, endpoint: e } = confirming;
    startTransition(async () => {
      if (kind === 'delete') {
        const r = await deleteWebhookEndpointAction(orgId, { endpointId: e.id });
        if (!r.ok) {
          setConfirmError(r.message);
          return;
        }
        toast(`Endpoint ${e.url} deleted.`);
      } else if (kind === 'disable') {
        const r = await setWebhookEndpointEnabledAction(orgId, { endpointId: e.id, enabled: false });
        if (!r.ok) {
          setConfirmError(r.message);
          return;
        }
        toast(`Endpoint ${e.url} disabled.`);
      } else {
        const r = await rotateWebhookSecretAction(orgId, { endpointId: e.id });
        if (!r.ok) {
          setConfirmError(r.message);
          return;
        }
        setSecret({
          value: r.data.secret,
          note: `The old secret keeps signing alongside this one until ${formatTimestamp(r.data.previousSecretExpiresAt)}.`,
        });
        toast('Signing secret rotated.');
        window.scrollTo({ top: 0 });
      }
      setConfirming(null);
      router.refresh();
    });
  };
  const ask = (kind: NonNullable<Pending>['kind'], endpoint: EndpointRow) => {
    setConfirmError(null);
    setConfirming({ kind, endpoint });
  };

  return (
    <div className="grid gap-6">
      <Card title="Add endpoint">
        {secret ? (
          <NewSecret secret={secret.value} note={secret.note} onDone={() => setSecret(null)} />
        ) : (
          <AddEndpointForm
            orgId={orgId}
            onCreated={(s) => {
              setSecret({ value: s });
              toast('Endpoint added.');
              router.refresh();
            }}
          />
        )}
      </Card>
      <Card title="Endpoints">
        {endpoints.length === 0 ? (
          <EmptyState title="No webhook endpoints yet">Add one above to be told about changes instead of polling.</EmptyState>
        ) : (
          <DataTable
            variant="inset"
            caption="Webhook endpoints"
            testId="webhook-endpoints-table"
            columns={['Endpoint', 'Events', 'Status', 'Created', { label: 'Actions', srOnly: true }]}
          >
            {endpoints.map((e) => (
              <tr key={e.id} data-testid="webhook-endpoint-row">
                <Td valign="middle" className="max-w-xs break-all">
                  <span className="font-mono text-xs">{e.url}</span>
                  {e.description && (
                    <>
                      <br />
                      <span className="text-slate-600">{e.description}</span>
                    </>
                  )}
                  {e.includeIndirect && (
                    <>
                      <br />
                      <span className="text-xs text-slate-600">Includes indirect providers</span>
                    </>
                  )}
                </Td>
                <Td valign="middle">
                  <ul className="text-xs">
                    {e.eventTypes.map((t) => (
                      <li key={t}>
                        <code>{t}</code>
                      </li>
                    ))}
                  </ul>
                </Td>
                <Td valign="middle">
                  {e.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>}
                  {!e.enabled && e.disabledReason && <p className="mt-1 text-xs text-slate-600">{e.disabledReason}</p>}
                  {e.enabled && e.failingSince && (
                    <p className="mt-1 text-xs text-amber-800">Failing since {formatTimestamp(e.failingSince)}</p>
                  )}
                  {e.previousSecretExpiresAt && new Date(e.previousSecretExpiresAt) > new Date() && (
                    <p className="mt-1 text-xs text-slate-600">Old secret signs too until {formatTimestamp(e.previousSecretExpiresAt)}</p>
                  )}
                </Td>
                <Td valign="middle">{formatTimestamp(e.createdAt)}</Td>
                <Td valign="middle">
                  <div className="flex flex-wrap items-center justify-end gap-3">
                    <Link
                      href={`/o/${orgId}/settings/webhooks/${e.id}`}
                      className="text-sm text-brand-700 underline"
                      aria-label={`Delivery log of ${e.url}`}
                    >
                      Delivery log
                    </Link>
                    <RowActionsMenu
                      name={e.url}
                      actions={[
                        { label: 'Edit', name: `Edit ${e.url}`, onSelect: () => setEditing(e) },
                        e.enabled
                          ? { label: 'Disable', name: `Disable ${e.url}`, onSelect: () => ask('disable', e) }
                          : { label: 'Enable', name: `Enable ${e.url}`, onSelect: () => !pending && enable(e) },
                        { label: 'Rotate secret', name: `Rotate secret of ${e.url}`, onSelect: () => ask('rotate', e) },
                        { label: 'Delete', name: `Delete ${e.url}`, tone: 'danger', onSelect: () => ask('delete', e) },
                      ]}
                    />
                  </div>
                </Td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
      {editing && (
        <EditEndpointDialog
          key={editing.id}
          orgId={orgId}
          endpoint={editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) {
              toast('Endpoint saved.');
              router.refresh();
            }
          }}
        />
      )}
      <ConfirmDialog
        open={!!confirming}
        title={
          confirming?.kind === 'delete'
            ? 'Delete endpoint?'
            : confirming?.kind === 'disable'
              ? 'Disable endpoint?'
              : 'Rotate signing secret?'
        }
        confirmLabel={confirming?.kind === 'delete' ? 'Delete' : confirming?.kind === 'disable' ? 'Disable' : 'Rotate secret'}
        tone={confirming?.kind === 'rotate' ? 'primary' : 'danger'}
        pending={pending}
        error={confirmError}
        onConfirm={confirm}
        onClose={() => setConfirming(null)}
      >
        {confirming?.kind === 'delete' && (
          <>No more events will be sent to {confirming.endpoint.url}, and its delivery log is removed. This can’t be undone.</>
        )}
        {confirming?.kind === 'disable' && <>No events will be sent to {confirming.endpoint.url} until you enable it again.</>}
        {confirming?.kind === 'rotate' && (
          <>
            A new secret is shown once. For 24 hours every delivery is signed with both the new and the old secret, so your receiver can
            switch over.
          </>
        )}
      </ConfirmDialog>
    </div>
  );
}
