'use client';
import { applyServerFieldErrors, fieldOf } from '@/components/ui/server-field-errors';
import { HydratedForm } from '@/components/ui/hydrated-form';
// Start trial (SPEC §9): customer details → (the e-mail is looked up) → services and
// trial length → Save for a new customer, or a confirmation naming the existing org →
// Send trial request. One react-hook-form validated with the server's zod schema.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { SelectField, TextField } from '@/components/ui/form-controls';
import { Button } from '@/components/ui/primitives';
import { useToast } from '@/components/ui/toast';
import { COUNTRIES, countryOf } from '@/lib/domain/countries';
import { lazyZodResolver } from '@/components/ui/lazy-zod-resolver';
import { emptyServices } from '@/lib/trials/empty-services';
import { BUSINESS_VERTICALS } from '@/lib/trials/trial-catalog';
import type { StartTrialInput } from '@/lib/trials/trial-schema';
import type { EmailLookup } from '@/lib/trials/request-trial';
import { lookupTrialEmailAction, requestTrialAction, startTrialAction } from '../../trials/actions';
import { TrialLengthField, TrialServicesFields } from '../trial-services-fields';

const EMPTY: StartTrialInput = {
  companyName: '',
  adminEmail: '',
  businessVertical: '' as StartTrialInput['businessVertical'],
  address: { addressLine1: '', addressLine2: '', city: '', stateOrProvince: '', postalCode: '', country: 'US' },
  confirmSupportedLocation: false,
  services: emptyServices(),
  lengthDays: 30,
};
const CUSTOMER_FIELDS = ['companyName', 'adminEmail', 'businessVertical', 'address', 'confirmSupportedLocation'] as const;

const startTrialResolver = lazyZodResolver<StartTrialInput>(() => import('@/lib/trials/trial-schema').then((m) => m.startTrialSchema));

export function StartTrialForm({ orgId }: { orgId: string }) {
  const form = useForm<StartTrialInput>({ resolver: startTrialResolver, defaultValues: EMPTY, mode: 'onTouched' });
  const {
    register,
    formState: { errors },
    watch,
    trigger,
    setError,
    getValues,
    handleSubmit,
  } = form;
  const [phase, setPhase] = useState<'customer' | 'services' | 'existing'>('customer');
  const [lookup, setLookup] = useState<EmailLookup | null>(null);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const router = useRouter();
  const toast = useToast();
  // oxlint-disable-next-line react/incompatible-library -- react-hook-form's watch re-renders this form on purpose (the region follows the country)
  const country = watch('address.country');

  function showServerErrors(r: { message: string; fieldErrors?: Record<string, string[]> }) {
    setFormError(r.message);
    applyServerFieldErrors(setError, r.fieldErrors, fieldOf(getValues()));
  }

  async function next() {
    setFormError(null);
    if (!(await trigger([...CUSTOMER_FIELDS]))) return;
    setBusy(true);
    try {
      const r = await lookupTrialEmailAction(orgId, { adminEmail: getValues('adminEmail') });
      if (!r.ok) return showServerErrors(r);
      setLookup(r.data);
      if (r.data.kind === 'unavailable') setError('adminEmail', { message: r.data.message });
      else setPhase(r.data.kind === 'new' ? 'services' : 'existing');
    } finally {
      setBusy(false);
    }
  }

  const save = handleSubmit(async (values) => {
    setBusy(true);
    setFormError(null);
    try {
      const r = await startTrialAction(orgId, values);
      if (!r.ok) return showServerErrors(r);
      toast(`Trial started for ${values.companyName}. Provisioning…`);
      router.push(`/o/${orgId}/customers?customer=${r.data.customerId}`);
    } finally {
      setBusy(false);
    }
  });

  async function sendRequest() {
    setBusy(true);
    setFormError(null);
    try {
      const r = await requestTrialAction(orgId, { adminEmail: getValues('adminEmail'), businessVertical: getValues('businessVertical') });
      if (!r.ok) return showServerErrors(r);
      toast(`Trial request sent to ${getValues('adminEmail')}.`);
      router.push(`/o/${orgId}/trials?status=pending_consent`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormProvider {...form}>
      <HydratedForm noValidate onSubmit={save} className="max-w-2xl space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {formError && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {formError}
          </p>
        )}
        {phase === 'customer' && (
          <section aria-labelledby="trial-customer" className="space-y-3">
            <h2 id="trial-customer" className="text-base font-semibold">
              Customer
            </h2>
            <TextField id="trial-company" label="Company name" required error={errors.companyName?.message} {...register('companyName')} />
            <TextField
              id="trial-email"
              label="Administrator email"
              type="email"
              required
              error={errors.adminEmail?.message}
              {...register('adminEmail')}
            />
            <SelectField
              id="trial-vertical"
              label="Business vertical"
              required
              error={errors.businessVertical?.message}
              {...register('businessVertical')}
            >
              <option value="">Choose…</option>
              {BUSINESS_VERTICALS.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="trial-country"
              label="Country"
              required
              error={errors.address?.country?.message}
              hint={countryOf(country) ? `Data-residency region: ${countryOf(country)?.region}` : undefined}
              {...register('address.country')}
            >
              {Object.entries(COUNTRIES).map(([code, c]) => (
                <option key={code} value={code}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <TextField
              id="trial-line1"
              label="Address line 1"
              required
              error={errors.address?.addressLine1?.message}
              {...register('address.addressLine1')}
            />
            <div className="grid gap-3 sm:grid-cols-3">
              <TextField id="trial-city" label="City" required error={errors.address?.city?.message} {...register('address.city')} />
              <TextField
                id="trial-state"
                label="State/province"
                required={!!countryOf(country)?.hasStates}
                error={errors.address?.stateOrProvince?.message}
                {...register('address.stateOrProvince')}
              />
              <TextField
                id="trial-postal"
                label="Postal code"
                required
                error={errors.address?.postalCode?.message}
                {...register('address.postalCode')}
              />
            </div>
            <div>
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" {...register('confirmSupportedLocation')} aria-describedby="trial-confirm-error" />
                The customer is in a location supported by Webex.
              </label>
              {errors.confirmSupportedLocation && (
                <p id="trial-confirm-error" className="mt-1 text-sm text-red-700">
                  {errors.confirmSupportedLocation.message}
                </p>
              )}
            </div>
            <div className="flex justify-end">
              <Button type="button" onClick={next} disabled={busy}>
                {busy ? 'Checking…' : 'Next'}
              </Button>
            </div>
          </section>
        )}
        {phase === 'services' && (
          <section aria-labelledby="trial-services" className="space-y-4">
            <h2 id="trial-services" className="text-base font-semibold">
              Services
            </h2>
            <TrialServicesFields />
            <TrialLengthField error={errors.lengthDays?.message} />
            <div className="flex justify-between">
              <Button type="button" variant="secondary" onClick={() => setPhase('customer')} disabled={busy}>
                Back
              </Button>
              <button
                type="submit"
                className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"
                disabled={busy}
              >
                {busy ? 'Saving…' : 'Save'}
              </button>
            </div>
          </section>
        )}
        {phase === 'existing' && lookup && (
          <section aria-labelledby="trial-existing" className="space-y-4">
            <h2 id="trial-existing" className="text-base font-semibold">
              Existing customer
            </h2>
            {lookup.kind === 'existing_org' && (
              <>
                <p className="text-sm">
                  The email <strong>{getValues('adminEmail')}</strong> belongs to the existing organisation{' '}
                  <strong>{lookup.orgName}</strong>. Send it a trial request: its administrators accept or decline it in their Control Hub
                  (within 10 days), and then you choose the services.
                </p>
                <ul className="text-sm">
                  {lookup.availability.map((a) => (
                    <li key={a.service}>
                      {a.service}: {a.available ? 'available' : a.reason}
                    </li>
                  ))}
                </ul>
                <div className="flex justify-between">
                  <Button type="button" variant="secondary" onClick={() => setPhase('customer')} disabled={busy}>
                    Back
                  </Button>
                  <Button type="button" onClick={sendRequest} disabled={busy}>
                    {busy ? 'Sending…' : 'Send trial request'}
                  </Button>
                </div>
              </>
            )}
            {lookup.kind === 'own_customer' && (
              <p className="text-sm">
                <strong>{lookup.orgName}</strong> is already your customer:{' '}
                <Link className="text-brand-700 underline" href={`/o/${orgId}/customers?customer=${lookup.customerId}`}>
                  add a trial from its panel
                </Link>
                .
              </p>
            )}
          </section>
        )}
      </HydratedForm>
    </FormProvider>
  );
}
