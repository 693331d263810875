'use client';
import { useFormContext } from 'react-hook-form';
import type { CreateCustomerInput } from '@/lib/customers/customer-schema';
import { COUNTRIES, countryOf } from '@/lib/domain/countries';
import { Field, inputClass, useFieldA11y } from './field';
import { WIZARD_FIELDS_CLASS } from '@/components/ui/wizard-frame';

const COUNTRY_OPTIONS = Object.entries(COUNTRIES).sort((a, b) => a[1].name.localeCompare(b[1].name));

/** Step 3 — Headquarters location; state/province is required where the country has them. */
export function StepLocation() {
  const { register, watch } = useFormContext<CreateCustomerInput>();
  const hasStates = !!countryOf(watch('address.country'))?.hasStates;
  const a = {
    line1: useFieldA11y('address.addressLine1'),
    line2: useFieldA11y('address.addressLine2'),
    city: useFieldA11y('address.city'),
    state: useFieldA11y('address.stateOrProvince', { hint: !hasStates }),
    postal: useFieldA11y('address.postalCode'),
    country: useFieldA11y('address.country', { hint: true }),
    confirm: useFieldA11y('confirmSupportedLocation'),
  };
  return (
    <div className={WIZARD_FIELDS_CLASS}>
      <Field name="address.addressLine1" label="Address line 1" required>
        <input
          {...register('address.addressLine1')}
          {...a.line1.inputProps}
          aria-required
          className={inputClass}
          maxLength={50}
          autoComplete="address-line1"
        />
      </Field>
      <Field name="address.addressLine2" label="Address line 2">
        <input
          {...register('address.addressLine2')}
          {...a.line2.inputProps}
          className={inputClass}
          maxLength={50}
          autoComplete="address-line2"
        />
      </Field>
      <Field name="address.city" label="City" required>
        <input
          {...register('address.city')}
          {...a.city.inputProps}
          aria-required
          className={inputClass}
          maxLength={50}
          autoComplete="address-level2"
        />
      </Field>
      <Field
        name="address.stateOrProvince"
        label="State/province"
        required={hasStates}
        hint={hasStates ? undefined : 'Required in countries with states or provinces.'}
      >
        <input
          {...register('address.stateOrProvince')}
          {...a.state.inputProps}
          aria-required={hasStates}
          className={inputClass}
          maxLength={50}
          autoComplete="address-level1"
        />
      </Field>
      <Field name="address.postalCode" label="Postal code" required>
        <input
          {...register('address.postalCode')}
          {...a.postal.inputProps}
          aria-required
          className={inputClass}
          maxLength={50}
          autoComplete="postal-code"
        />
      </Field>
      <Field name="address.country" label="Country" required hint="Becomes the organisation’s country.">
        <select {...register('address.country')} {...a.country.inputProps} aria-required className={inputClass}>
          <option value="">Choose a country…</option>
          {COUNTRY_OPTIONS.map(([code, c]) => (
            <option key={code} value={code}>
              {c.name}
            </option>
          ))}
        </select>
      </Field>
      <div className="sm:col-span-2">
        <label className="flex items-start gap-3 text-sm">
          <input
            type="checkbox"
            {...register('confirmSupportedLocation')}
            {...a.confirm.inputProps}
            aria-required
            className="mt-0.5 h-4 w-4"
          />
          <span>I confirm that this customer is in a location supported by Webex</span>
        </label>
        <p id={`${a.confirm.id}-hint`} hidden />
        <p id={`${a.confirm.id}-error`} className="mt-1 text-sm text-red-700 empty:hidden" data-testid="error-confirmSupportedLocation">
          {a.confirm.error}
        </p>
      </div>
    </div>
  );
}
