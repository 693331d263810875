'use client';
import { useFormContext } from 'react-hook-form';
import type { CreateCustomerInput } from '@/lib/customers/customer-schema';
import type { TemplateOption } from '@/lib/templates/list-template-options';
import { localeName } from '@/lib/domain/locale-names';
import { Field, inputClass, useFieldA11y } from './field';
import { LocaleOptions } from '@/components/locale/locale-options';
import { WIZARD_FIELDS_CLASS } from '@/components/ui/wizard-frame';

/** Step 1 — Customer information (SPEC §4.1). */
export function StepInfo({ templates }: { templates: TemplateOption[] }) {
  const { register, watch } = useFormContext<CreateCustomerInput>();
  const template = templates.find((t) => t.id === watch('templateId'));
  const a = {
    companyName: useFieldA11y('companyName'),
    adminEmail: useFieldA11y('adminEmail', { hint: true }),
    adminFirstName: useFieldA11y('adminFirstName', { hint: true }),
    adminLastName: useFieldA11y('adminLastName', { hint: true }),
    templateId: useFieldA11y('templateId'),
    externalId: useFieldA11y('externalId', { hint: true }),
    language: useFieldA11y('language', { hint: true }),
  };
  return (
    <div className={WIZARD_FIELDS_CLASS}>
      <Field name="companyName" label="Company name" required>
        <input
          {...register('companyName')}
          {...a.companyName.inputProps}
          aria-required
          className={inputClass}
          maxLength={255}
          autoComplete="organization"
        />
      </Field>
      <Field name="adminEmail" label="Administrator email" required hint="Becomes the customer’s first full administrator.">
        <input
          {...register('adminEmail')}
          {...a.adminEmail.inputProps}
          aria-required
          type="email"
          className={inputClass}
          autoComplete="off"
        />
      </Field>
      <Field name="adminFirstName" label="Administrator first name" hint="Optional. Shown instead of the e-mail in the customer’s users.">
        <input {...register('adminFirstName')} {...a.adminFirstName.inputProps} className={inputClass} maxLength={64} autoComplete="off" />
      </Field>
      <Field name="adminLastName" label="Administrator last name" hint="Optional.">
        <input {...register('adminLastName')} {...a.adminLastName.inputProps} className={inputClass} maxLength={64} autoComplete="off" />
      </Field>
      <Field name="templateId" label="Onboarding template" required>
        <select {...register('templateId')} {...a.templateId.inputProps} aria-required className={inputClass}>
          <option value="">Choose a template…</option>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} — {t.pstnProviderName ? `PSTN: ${t.pstnProviderName}` : 'no PSTN provider'}
            </option>
          ))}
        </select>
      </Field>
      <Field
        name="externalId"
        label="External ID"
        hint="Optional. Your own reference, unique among your customers; generated when left empty."
      >
        <input {...register('externalId')} {...a.externalId.inputProps} className={inputClass} maxLength={64} />
      </Field>
      <Field name="language" label="Language" hint="Optional. Used for e-mails and the meetings site.">
        <select {...register('language')} {...a.language.inputProps} className={inputClass}>
          <option value="">{template ? `Template default (${localeName(template.defaultLanguage)})` : 'Template default'}</option>
          <LocaleOptions />
        </select>
      </Field>
    </div>
  );
}
