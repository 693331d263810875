'use client';
import { HydratedForm } from '@/components/ui/hydrated-form';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FieldError, SelectField, TextField, inputClass } from '@/components/ui/form-controls';
import { Button, Card, EmptyState } from '@/components/ui/primitives';
import { DataTable, Td } from '@/components/ui/table';
import { useToast } from '@/components/ui/toast';
import { lazyZodResolver } from '@/components/ui/lazy-zod-resolver';
import { TOKEN_EXPIRIES, TOKEN_EXPIRY_LABELS } from '@/lib/api-tokens/token-expiry';
import type { CreateTokenInput } from '@/lib/api-tokens/token-schema';
import { formatTimestamp } from '@/lib/format';
import { createApiTokenAction, revokeApiTokenAction } from './actions';

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

/** The secret, shown once after creation, in a read-only field labelled "Token" with copy. */
const createTokenResolver = lazyZodResolver<CreateTokenInput>(() =>
  import('@/lib/api-tokens/token-schema').then((m) => m.createTokenSchema),
);

function NewToken({ token, onDone }: { token: string; onDone: () => void }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-4" data-testid="new-token">
      <p className="text-sm font-medium text-emerald-900">Copy the token now: it is shown only once and can’t be retrieved later.</p>
      <label htmlFor="new-token-value" className="mt-3 block text-sm font-medium">
        Token
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id="new-token-value"
          readOnly
          value={token}
          className={`${inputClass} mt-0 font-mono`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button type="button" variant="secondary" onClick={copy} aria-label="Copy token">
          {copied === 'copied' ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <span className="sr-only" aria-live="polite">
        {copied === 'copied' ? 'Token copied' : copied === 'failed' ? 'Could not copy: select the text' : ''}
      </span>
      {copied === 'failed' && <p className="mt-1 text-sm text-slate-700">Copy failed — select the text and copy it.</p>}
      <Button type="button" variant="secondary" className="mt-3" onClick={onDone}>
        Done
      </Button>
    </div>
  );
}

function CreateTokenForm({
  orgId,
  scopes,
  onCreated,
}: {
  orgId: string;
  scopes: { id: string; label: string }[];
  onCreated: (token: string) => void;
}) {
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<CreateTokenInput>({
    resolver: createTokenResolver,
    defaultValues: { name: '', scopes: [], expiry: '90' },
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const onSubmit = handleSubmit((values) => {
    setFormError(null);
    startTransition(async () => {
      const r = await createApiTokenAction(orgId, values);
      if (!r.ok) {
        const fe = r.fieldErrors ?? {};
        for (const f of ['name', 'scopes', 'expiry'] as const) if (fe[f]) setError(f, { message: fe[f][0] });
        if (!Object.keys(fe).some((f) => ['name', 'scopes', 'expiry'].includes(f))) setFormError(r.message);
        return;
      }
      reset();
      onCreated(r.data.token);
    });
  });
  return (
    <HydratedForm onSubmit={onSubmit} noValidate aria-label="Create token" className="grid gap-4">
      {formError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {formError}
        </p>
      )}
      <TextField
        id="token-name"
        label="Name"
        required
        hint="What uses it, e.g. “Billing system”."
        {...register('name')}
        error={errors.name?.message}
      />
      <fieldset aria-describedby={errors.scopes ? 'token-scopes-error' : undefined}>
        <legend className="text-sm font-medium">
          Scopes <span className="text-slate-500">(required)</span>
        </legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {scopes.map((s) => (
            <label key={s.id} className="flex items-start gap-2 text-sm">
              <input type="checkbox" value={s.id} {...register('scopes')} className="mt-0.5" />
              <span>
                <code className="font-mono text-xs">{s.id}</code>
                <br />
                <span className="text-slate-600">{s.label}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id="token-scopes" message={errors.scopes?.message ?? errors.scopes?.root?.message} />
      </fieldset>
      <SelectField id="token-expiry" label="Expires" {...register('expiry')} error={errors.expiry?.message}>
        {TOKEN_EXPIRIES.map((e) => (
          <option key={e} value={e}>
            {e === 'never' ? 'Never' : `In ${TOKEN_EXPIRY_LABELS[e]}`}
          </option>
        ))}
      </SelectField>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create token'}
        </Button>
      </div>
    </HydratedForm>
  );
}

export function ApiTokensPanel({ orgId, scopes, tokens }: { orgId: string; scopes: { id: string; label: string }[]; tokens: TokenRow[] }) {
  const [secret, setSecret] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<TokenRow | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const toast = useToast();
  const revoke = () => {
    if (!revoking) return;
    startTransition(async () => {
      const r = await revokeApiTokenAction(orgId, { tokenId: revoking.id });
      if (!r.ok) {
        setRevokeError(r.message);
        return;
      }
      toast(`Token “${revoking.name}” revoked.`);
      setRevoking(null);
      router.refresh();
    });
  };
  return (
    <div className="grid gap-6">
      <Card title="Create token">
        {secret ? (
          <NewToken token={secret} onDone={() => setSecret(null)} />
        ) : (
          <CreateTokenForm
            orgId={orgId}
            scopes={scopes}
            onCreated={(t) => {
              setSecret(t);
              toast('Token created.');
              router.refresh();
            }}
          />
        )}
      </Card>
      <Card title="Tokens">
        {tokens.length === 0 ? (
          <EmptyState title="No API tokens yet">Create one above to call the API.</EmptyState>
        ) : (
          <DataTable
            variant="inset"
            caption="API tokens"
            testId="api-tokens-table"
            columns={['Name', 'Scopes', 'Created', 'Created by', 'Last used', 'Expires', '']}
          >
            {tokens.map((t) => (
              <tr key={t.id}>
                <Td valign="middle" className="font-medium">
                  {t.name}
                  <br />
                  <code className="font-mono text-xs text-slate-500">{t.prefix}…</code>
                </Td>
                <Td valign="middle">
                  <ul className="text-xs">
                    {t.scopes.map((s) => (
                      <li key={s}>
                        <code>{s}</code>
                      </li>
                    ))}
                  </ul>
                </Td>
                <Td valign="middle">{formatTimestamp(t.createdAt)}</Td>
                <Td valign="middle">{t.createdBy ?? '—'}</Td>
                <Td valign="middle">{t.lastUsedAt ? formatTimestamp(t.lastUsedAt) : 'Never'}</Td>
                <Td valign="middle">{t.expiresAt ? formatTimestamp(t.expiresAt) : 'Never'}</Td>
                <Td valign="middle">
                  <Button
                    type="button"
                    variant="danger"
                    onClick={() => {
                      setRevokeError(null);
                      setRevoking(t);
                    }}
                    aria-label={`Revoke ${t.name}`}
                  >
                    Revoke
                  </Button>
                </Td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
      <ConfirmDialog
        open={!!revoking}
        title="Revoke token?"
        confirmLabel="Revoke"
        pending={pending}
        error={revokeError}
        onConfirm={revoke}
        onClose={() => setRevoking(null)}
      >
        Systems using “{revoking?.name}” will get 401 on their next call. This can’t be undone.
      </ConfirmDialog>
    </div>
  );
}
