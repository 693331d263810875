'use client';
import { Controller, useFormContext } from 'react-hook-form';
import type { CreateCustomerInput } from '@/lib/customers/customer-schema';
import type { TemplateOption } from '@/lib/templates/list-template-options';
import { PACKAGE_INFO, PACKAGES, type PackageId } from '@/lib/domain/packages';
import { useFieldA11y } from './field';

/**
 * Step 2 — Packages: only the template's subscription packages are offered; calling
 * packages are disabled, with the reason, when the template has no PSTN provider.
 */
export function StepPackages({ template }: { template: TemplateOption | undefined }) {
  const { control } = useFormContext<CreateCustomerInput>();
  const { id, error } = useFieldA11y('packages');
  const offered = PACKAGES.filter((p) => template?.packages.includes(p));
  const noPstn = !!template && !template.pstnProviderName;
  return (
    <Controller
      control={control}
      name="packages"
      render={({ field }) => (
        <fieldset aria-describedby={`${id}-hint ${id}-error`} aria-invalid={error ? true : undefined}>
          <legend className="text-sm font-medium text-slate-800">
            Packages
            <span aria-hidden className="ml-0.5 text-red-700">
              *
            </span>
          </legend>
          <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
            {template
              ? `The packages of subscription ${template.subscriptionId} (template “${template.name}”).`
              : 'Choose an onboarding template first.'}
          </p>
          {noPstn && (
            <p id={`${id}-pstn`} className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              Calling packages need an onboarding template with a PSTN provider; “{template.name}” has none, so only Webex Meetings can be
              chosen.
            </p>
          )}
          <ul className="mt-3 grid gap-2 sm:grid-cols-2">
            {offered.map((p: PackageId) => {
              const disabled = noPstn && PACKAGE_INFO[p].calling;
              const checked = field.value.includes(p);
              return (
                <li key={p}>
                  <label
                    className={`flex gap-3 rounded-md border p-3 text-sm ${disabled ? 'border-slate-200 bg-slate-50 text-slate-500' : checked ? 'border-brand-600 bg-brand-50' : 'border-slate-300'}`}
                  >
                    <input
                      type="checkbox"
                      className="mt-0.5 h-4 w-4"
                      checked={checked}
                      disabled={disabled}
                      aria-describedby={disabled ? `${id}-pstn` : undefined}
                      onBlur={field.onBlur}
                      onChange={(e) => field.onChange(e.target.checked ? [...field.value, p] : field.value.filter((x) => x !== p))}
                    />
                    <span>
                      <span className="font-medium">{PACKAGE_INFO[p].name}</span>
                      <span className="block text-xs text-slate-600">{PACKAGE_INFO[p].description}</span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
          <p id={`${id}-error`} className="mt-2 text-sm text-red-700 empty:hidden" data-testid="error-packages">
            {error}
          </p>
        </fieldset>
      )}
    />
  );
}
