'use client';
import { applyServerFieldErrors, fieldOf } from '@/components/ui/server-field-errors';
import { HydratedForm } from '@/components/ui/hydrated-form';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { SelectField, TextField } from '@/components/ui/form-controls';
import { Button, buttonClass } from '@/components/ui/primitives';
import { addressOneLine } from '@/lib/domain/address-format';
import { COUNTRIES, countryOf } from '@/lib/domain/countries';
import { TIME_ZONES } from '@/lib/domain/time-zones';
import { lazyZodResolver } from '@/components/ui/lazy-zod-resolver';
import type { AddLocationInput } from '@/lib/locations/location-schema';
import { addLocationAction } from './actions';
import { LocaleOptions } from '@/components/locale/locale-options';

const COUNTRY_OPTIONS = Object.entries(COUNTRIES).sort((a, b) => a[1].name.localeCompare(b[1].name));

/** Add a location (SPEC §4.4 step 1, §5.2): name unique in the org, address, time zone, language. */
const addLocationResolver = lazyZodResolver<AddLocationInput>(() =>
  import('@/lib/locations/location-schema').then((m) => m.addLocationSchema),
);

export function AddLocationForm({
  orgId,
  country,
  onAdded,
  onCancel,
}: {
  orgId: string;
  country: string;
  onAdded: (loc: { id: string; name: string; address: string }) => void;
  onCancel?: () => void;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    reset,
    control,
    formState: { errors, isSubmitting },
  } = useForm<AddLocationInput>({
    resolver: addLocationResolver,
    mode: 'onChange',
    defaultValues: {
      name: '',
      timeZone: '',
      language: 'en_US',
      address: { addressLine1: '', addressLine2: '', city: '', stateOrProvince: '', postalCode: '', country },
    },
  });
  // State/province is required (and marked so) where the chosen country has them.
  const hasStates = !!countryOf(useWatch({ control, name: 'address.country' }))?.hasStates;
  const submit = handleSubmit(async (values) => {
    setMessage(null);
    const r = await addLocationAction(orgId, values);
    if (!r.ok) {
      setMessage(r.message);
      applyServerFieldErrors(setError, r.fieldErrors, fieldOf(getValues()));
      return;
    }
    onAdded({
      id: r.data.locationId,
      name: values.name,
      address: addressOneLine(values.address),
    });
    reset();
  });
  const a = errors.address;
  return (
    <HydratedForm
      noValidate
      onSubmit={submit}
      aria-labelledby="add-location-heading"
      className="rounded-md border border-slate-200 p-4"
      data-testid="add-location-form"
    >
      <h3 id="add-location-heading" className="mb-3 font-medium">
        Add a location
      </h3>
      {message && (
        <p role="alert" className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id="loc-name" label="Location name" required {...register('name')} error={errors.name?.message} />
        <TextField id="loc-line1" label="Address line 1" required {...register('address.addressLine1')} error={a?.addressLine1?.message} />
        <TextField id="loc-line2" label="Address line 2" {...register('address.addressLine2')} error={a?.addressLine2?.message} />
        <TextField id="loc-city" label="City" required {...register('address.city')} error={a?.city?.message} />
        <TextField
          id="loc-state"
          label="State/province"
          required={hasStates}
          {...register('address.stateOrProvince')}
          error={a?.stateOrProvince?.message}
        />
        <TextField id="loc-postal" label="Postal code" required {...register('address.postalCode')} error={a?.postalCode?.message} />
        <SelectField id="loc-country" label="Country" required {...register('address.country')} error={a?.country?.message}>
          <option value="">Choose a country…</option>
          {COUNTRY_OPTIONS.map(([code, c]) => (
            <option key={code} value={code}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="loc-tz" label="Time zone" required {...register('timeZone')} error={errors.timeZone?.message}>
          <option value="">Choose a time zone…</option>
          {TIME_ZONES.map((tz) => (
            <option key={tz} value={tz}>
              {tz}
            </option>
          ))}
        </SelectField>
        <SelectField id="loc-language" label="Language" required {...register('language')} error={errors.language?.message}>
          <LocaleOptions />
        </SelectField>
      </div>
      <div className="mt-4 flex justify-end gap-3">
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <button type="submit" className={buttonClass('primary')} disabled={isSubmitting}>
          {isSubmitting ? 'Adding…' : 'Add location'}
        </button>
      </div>
    </HydratedForm>
  );
}
