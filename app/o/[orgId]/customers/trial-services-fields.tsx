'use client';
// The services part of every trial form (SPEC §9): Meetings (Enterprise Edition: site URL
// + time zone), Messaging, Calling, Devices with the catalogue and quantities — and the
// unavailable services disabled with the reason.
import { useFieldArray, useFormContext, type FieldErrors } from 'react-hook-form';
import { SelectField, TextField } from '@/components/ui/form-controls';
import { TIME_ZONES } from '@/lib/domain/time-zones';
import { TRIAL_SERVICES } from '@/lib/domain/statuses';
import { TRIAL_DEVICES, TRIAL_SERVICE_LABELS } from '@/lib/trials/trial-catalog';
import type { TrialServicesInput } from '@/lib/trials/trial-schema';

type ServicesForm = { services: TrialServicesInput };
export interface Availability {
  service: (typeof TRIAL_SERVICES)[number];
  available: boolean;
  reason: string | null;
}

export function TrialServicesFields({ availability = [] }: { availability?: Availability[] }) {
  const { register, watch, control, formState } = useFormContext<ServicesForm>();
  const errors = (formState.errors.services ?? {}) as FieldErrors<TrialServicesInput>;
  const lines = useFieldArray({ control, name: 'services.deviceLines' });
  const meetings = watch('services.meetings');
  const devices = watch('services.devices');
  const chosenTypes = (watch('services.deviceLines') ?? []).map((l) => l.type);
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">Services</legend>
      {TRIAL_SERVICES.map((s) => {
        const a = availability.find((x) => x.service === s);
        const disabled = a ? !a.available : false;
        return (
          <div key={s}>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                {...register(`services.${s}`)}
                disabled={disabled}
                aria-describedby={disabled ? `svc-${s}-reason` : undefined}
              />
              {TRIAL_SERVICE_LABELS[s]}
            </label>
            {disabled && (
              <p id={`svc-${s}-reason`} className="ml-6 text-xs text-slate-600">
                {a?.reason}
              </p>
            )}
          </div>
        );
      })}
      {errors.meetings?.message && (
        <p role="alert" className="text-sm text-red-700">
          {errors.meetings.message}
        </p>
      )}
      {meetings && (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            id="trial-site"
            label="Site URL"
            required
            hint="The Enterprise Edition site: <name>.webex.test"
            error={errors.siteUrl?.message}
            {...register('services.siteUrl')}
          />
          <SelectField id="trial-tz" label="Time zone" required error={errors.timeZone?.message} {...register('services.timeZone')}>
            {TIME_ZONES.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      {devices && (
        <div className="space-y-2" data-testid="trial-devices">
          <p className="text-sm text-slate-600">Devices to ship (one shipment per device type, ever) — or none to skip.</p>
          {lines.fields.map((f, i) => (
            <div key={f.id} className="flex items-end gap-2">
              <div className="flex-1">
                <SelectField id={`device-${i}`} label="Device" {...register(`services.deviceLines.${i}.type`)}>
                  {TRIAL_DEVICES.map((d) => (
                    <option key={d} value={d}>
                      {d}
                    </option>
                  ))}
                </SelectField>
              </div>
              <div className="w-24">
                <TextField
                  id={`device-qty-${i}`}
                  label="Quantity"
                  type="number"
                  min={1}
                  max={20}
                  error={errors.deviceLines?.[i]?.quantity?.message}
                  {...register(`services.deviceLines.${i}.quantity`, { valueAsNumber: true })}
                />
              </div>
              <button type="button" className="mb-1 text-sm text-red-700 underline" onClick={() => lines.remove(i)}>
                Remove
              </button>
            </div>
          ))}
          {errors.deviceLines?.message && (
            <p role="alert" className="text-sm text-red-700">
              {errors.deviceLines.message}
            </p>
          )}
          {lines.fields.length < TRIAL_DEVICES.length && (
            <button
              type="button"
              className="text-sm text-brand-700 underline"
              onClick={() => lines.append({ type: TRIAL_DEVICES.find((d) => !chosenTypes.includes(d)) ?? TRIAL_DEVICES[0], quantity: 1 })}
            >
              Add a device
            </button>
          )}
        </div>
      )}
    </fieldset>
  );
}

export function TrialLengthField({ error }: { error?: string }) {
  const { register } = useFormContext<{ lengthDays: number }>();
  return (
    <SelectField id="trial-length" label="Trial length" error={error} {...register('lengthDays', { valueAsNumber: true })}>
      <option value={30}>30 days</option>
      <option value={60}>60 days</option>
      <option value={90}>90 days</option>
    </SelectField>
  );
}
