'use client';
// The customer panel's trial section (SPEC §9), self-contained: it reads its own data
// (GET …/customers/<id>/trial, capability trials.read) and renders nothing for partners
// without trials. Services, shipments, dates and the actions: Extend, Edit services,
// ship devices, Convert to paid (tier 1; tier 2 → "contact your distributor"), Delete trial.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormDialog } from '@/components/ui/form-dialog';
import { SelectField, TextField } from '@/components/ui/form-controls';
import { Badge, Button } from '@/components/ui/primitives';
import { useSave } from '@/components/ui/use-save';
import { formatDate } from '@/lib/format';
import type { ActionState } from '@/lib/server/org-action';
import type { CustomerTrial } from '@/lib/trials/get-customer-trial';
import { lazyZodResolver } from '@/components/ui/lazy-zod-resolver';
import { emptyServices } from '@/lib/trials/empty-services';
import { TRIAL_DEVICES, TRIAL_SERVICE_LABELS } from '@/lib/trials/trial-catalog';
import type { TrialServicesInput } from '@/lib/trials/trial-schema';
import { TRIAL_STATUS_LABELS } from '@/lib/trials/trial-statuses';
import {
  addTrialAction,
  convertTrialAction,
  deleteTrialAction,
  editTrialServicesAction,
  extendTrialAction,
  provideTrialDetailsAction,
  shipTrialDeviceAction,
} from '../trials/actions';
import { TrialLengthField, TrialServicesFields } from './trial-services-fields';

type ServicesForm = { services: TrialServicesInput; lengthDays: number };
// The services part is the shared schema; zod loads on first validation (lazyZodResolver).
const servicesFormResolver = lazyZodResolver<ServicesForm>(() =>
  Promise.all([import('zod'), import('@/lib/trials/trial-schema')]).then(([{ z }, m]) =>
    z.object({ services: m.trialServicesSchema, lengthDays: z.number() }),
  ),
);

async function fetchTrial(orgId: string, customerId: string): Promise<CustomerTrial | null> {
  const res = await fetch(`/api/orgs/${orgId}/customers/${customerId}/trial`, { cache: 'no-store' });
  if (res.status === 403 || res.status === 404) return null; // no trials for this partner or person
  if (!res.ok) throw new Error(`Could not load the trial (HTTP ${res.status}).`);
  return (await res.json()) as CustomerTrial;
}

function toForm(t: CustomerTrial['trial']): TrialServicesInput {
  const s = emptyServices();
  for (const x of t?.services ?? []) {
    s[x.service] = true;
    if (x.service === 'meetings') {
      s.siteUrl = String(x.settings.siteUrl ?? '').replace(/\.webex\.test$/, '');
      s.timeZone = String(x.settings.timeZone ?? s.timeZone);
    }
  }
  return s;
}

function ServicesDialog({
  title,
  submitLabel,
  open,
  onClose,
  availability,
  withLength,
  initial,
  run,
}: {
  title: string;
  submitLabel: string;
  open: boolean;
  onClose: () => void;
  availability: CustomerTrial['availability'];
  withLength: boolean;
  initial: TrialServicesInput;
  run: (v: ServicesForm) => Promise<ActionState>;
}) {
  const form = useForm<ServicesForm>({ resolver: servicesFormResolver, defaultValues: { services: initial, lengthDays: 30 } });
  const { pending, error, save } = useSave();
  return (
    <FormProvider {...form}>
      <FormDialog
        open={open}
        title={title}
        submitLabel={submitLabel}
        pending={pending}
        error={error}
        onClose={onClose}
        onSubmit={form.handleSubmit(async (v) => {
          if (await save(() => run(v), `${title}: done.`)) onClose();
        })}
      >
        <TrialServicesFields availability={availability} />
        {withLength && <TrialLengthField />}
      </FormDialog>
    </FormProvider>
  );
}

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2 py-1 text-sm">
      <dt className="text-slate-600">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function TrialSection({ orgId, customerId }: { orgId: string; customerId: string }) {
  const queryKey = ['customer-trial', orgId, customerId];
  const { data, error } = useQuery({ queryKey, queryFn: () => fetchTrial(orgId, customerId) });
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<null | 'add' | 'details' | 'edit' | 'extend' | 'ship' | 'convert' | 'delete'>(null);
  const { pending, error: actionError, save } = useSave();
  const [duration, setDuration] = useState('');
  const [device, setDevice] = useState<string>(TRIAL_DEVICES[0]);
  const [qty, setQty] = useState(1);
  if (error)
    return (
      <p role="alert" className="mx-5 text-sm text-red-700">
        {error.message}
      </p>
    );
  if (!data) return null;
  const t = data.trial;
  const close = () => {
    setDialog(null);
    void qc.invalidateQueries({ queryKey });
  };
  const run = async (fn: () => Promise<ActionState>, done: string) => {
    if (await save(fn, done)) close();
  };
  const open = t && (t.status === 'active' || t.status === 'expired_grace');
  return (
    <section className="border-t border-slate-100 px-5 py-4" aria-labelledby="trial-section-title" data-testid="trial-section">
      <h3 id="trial-section-title" className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">
        Trial
      </h3>
      {!t || t.status === 'ended' || t.status === 'converted' || t.status === 'cancelled' ? (
        <>
          {t && (
            <p className="mb-2 text-sm">
              Last trial: <Badge>{TRIAL_STATUS_LABELS[t.status]}</Badge>
            </p>
          )}
          {data.canManage && (
            <Button variant="secondary" onClick={() => setDialog('add')}>
              Add trial
            </Button>
          )}
          {!t && !data.canManage && <p className="text-sm text-slate-600">No trial.</p>}
        </>
      ) : (
        <>
          <dl>
            <Line label="Status">
              <Badge tone={t.status === 'active' ? 'green' : 'amber'}>{TRIAL_STATUS_LABELS[t.status]}</Badge>
              {t.daysLeft !== null && (
                <span className="ml-2">
                  {t.daysLeft} {t.daysLeft === 1 ? 'day' : 'days'} left
                </span>
              )}
            </Line>
            <Line label="Start">{t.startsAt ? formatDate(t.startsAt) : '—'}</Line>
            <Line label="End">{t.endsAt ? formatDate(t.endsAt) : '—'}</Line>
            {t.status === 'expired_grace' && t.graceEndsAt && <Line label="Grace period until">{formatDate(t.graceEndsAt)}</Line>}
            <Line label="Services">{t.services.map((s) => TRIAL_SERVICE_LABELS[s.service]).join(', ') || '—'}</Line>
            <Line label="Device shipments">
              {t.shipments.length
                ? t.shipments.map((s) => `${s.quantity} × ${s.deviceType} (${formatDate(s.shippedAt)})`).join('; ')
                : 'None'}
            </Line>
            {t.origin === 'existing_org' && <Line label="Partner access">{t.grantFullAdmin ? 'Full admin' : 'Provisioning admin'}</Line>}
          </dl>
          {data.canManage && (
            <div className="mt-3 flex flex-wrap gap-2">
              {t.status === 'pending_provisioning_details' && (
                <Button onClick={() => setDialog('details')}>Add provisioning details</Button>
              )}
              {open && (
                <Button variant="secondary" onClick={() => setDialog('extend')}>
                  Extend
                </Button>
              )}
              {open && (
                <Button variant="secondary" onClick={() => setDialog('edit')}>
                  Edit services
                </Button>
              )}
              {open && t.services.some((s) => s.service === 'devices') && (
                <Button variant="secondary" onClick={() => setDialog('ship')}>
                  Ship devices
                </Button>
              )}
              {open && (
                <Button variant="secondary" onClick={() => setDialog('convert')}>
                  Convert to paid
                </Button>
              )}
              <Button variant="danger" onClick={() => setDialog('delete')} aria-label="Delete trial">
                🗑 Delete trial
              </Button>
            </div>
          )}
        </>
      )}
      {dialog === 'add' && (
        <ServicesDialog
          open
          title="Add a trial"
          submitLabel="Start trial"
          onClose={close}
          availability={data.availability}
          withLength
          initial={emptyServices()}
          run={(v) => addTrialAction(orgId, { customerId, services: v.services, lengthDays: v.lengthDays })}
        />
      )}
      {dialog === 'details' && t && (
        <ServicesDialog
          open
          title="Provisioning details"
          submitLabel="Start trial"
          onClose={close}
          availability={data.availability}
          withLength
          initial={emptyServices()}
          run={(v) => provideTrialDetailsAction(orgId, { trialId: t.id, services: v.services, lengthDays: v.lengthDays })}
        />
      )}
      {dialog === 'edit' && t && (
        <ServicesDialog
          open
          title="Edit services"
          submitLabel="Save"
          onClose={close}
          availability={data.availability}
          withLength={false}
          initial={toForm(t)}
          run={(v) => editTrialServicesAction(orgId, { trialId: t.id, services: v.services })}
        />
      )}
      {t && (
        <>
          <FormDialog
            open={dialog === 'extend'}
            title="Extend trial"
            submitLabel="Extend"
            pending={pending}
            error={actionError}
            onClose={close}
            onSubmit={(e) => {
              e.preventDefault();
              void run(() => extendTrialAction(orgId, { trialId: t.id, duration: duration as '30' }), 'Trial extended.');
            }}
          >
            <SelectField
              id="trial-duration"
              label="Trial duration"
              value={duration}
              onChange={(e) => setDuration(e.target.value)}
              hint={
                t.deviceCapEndsAt
                  ? `Device trials last at most 120 days in total (until ${formatDate(t.deviceCapEndsAt)}).`
                  : 'Counted from today, not from the current end.'
              }
            >
              <option value="">Choose…</option>
              <option value="30">+30 days from today</option>
            </SelectField>
          </FormDialog>
          <FormDialog
            open={dialog === 'ship'}
            title="Ship devices"
            submitLabel="Ship"
            pending={pending}
            error={actionError}
            onClose={close}
            onSubmit={(e) => {
              e.preventDefault();
              void run(
                () => shipTrialDeviceAction(orgId, { trialId: t.id, type: device as (typeof TRIAL_DEVICES)[number], quantity: qty }),
                'Shipment recorded.',
              );
            }}
          >
            <SelectField
              id="ship-device"
              label="Device"
              value={device}
              onChange={(e) => setDevice(e.target.value)}
              hint="One shipment per device type, ever."
            >
              {TRIAL_DEVICES.map((d) => (
                <option key={d} value={d} disabled={t.shipments.some((s) => s.deviceType === d)}>
                  {d}
                  {t.shipments.some((s) => s.deviceType === d) ? ' — already shipped' : ''}
                </option>
              ))}
            </SelectField>
            <TextField
              id="ship-qty"
              label="Quantity"
              type="number"
              min={1}
              max={20}
              value={qty}
              onChange={(e) => setQty(Number(e.target.value))}
            />
          </FormDialog>
          <ConfirmDialog
            open={dialog === 'convert'}
            title="Convert to paid"
            tone="primary"
            confirmLabel={data.tier === '1' ? 'Convert to paid' : 'Close'}
            pending={pending}
            error={actionError}
            onClose={close}
            onConfirm={() =>
              data.tier === '1'
                ? void run(() => convertTrialAction(orgId, { trialId: t.id }), 'Trial converted to a paying customer.')
                : close()
            }
          >
            {data.tier === '1'
              ? 'The customer becomes a paying customer with the trial’s services.'
              : 'To convert this trial to a paid subscription, contact your distributor.'}
          </ConfirmDialog>
          <ConfirmDialog
            open={dialog === 'delete'}
            title="Delete trial?"
            confirmLabel="Delete trial"
            pending={pending}
            error={actionError}
            onClose={close}
            onConfirm={() => void run(() => deleteTrialAction(orgId, { trialId: t.id }), 'Trial deleted.')}
          >
            The trial ends now and its services are removed from the customer’s users.
          </ConfirmDialog>
        </>
      )}
    </section>
  );
}
