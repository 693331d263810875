'use client';
import { HydratedForm } from '@/components/ui/hydrated-form';
import { applyServerFieldErrors } from '@/components/ui/server-field-errors';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { Button, buttonClass } from '@/components/ui/primitives';
import { useToast } from '@/components/ui/toast';
import { lazyZodResolver } from '@/components/ui/lazy-zod-resolver';
import type { CreateCustomerFormValues, CreateCustomerInput } from '@/lib/customers/customer-schema';
import { WIZARD_STEP_FIELDS } from '@/lib/customers/wizard-steps';
import type { TemplateOption } from '@/lib/templates/list-template-options';
import { PACKAGE_INFO } from '@/lib/domain/packages';
import type { FieldErrors } from '@/lib/platform/errors';
import { createCustomerAction, precheckCustomerInfoAction, validateCustomerAction } from '../actions';
import type { WizardField } from './field';
import { StepInfo } from './step-info';
import { StepLocation } from './step-location';
import { StepPackages } from './step-packages';
import { StepSummary } from './step-summary';
import { WizardProgress } from '@/components/ui/wizard-progress';
import { WIZARD_PANEL_CLASS, WizardError, WizardFooter, WizardStepHeading } from '@/components/ui/wizard-frame';

const STEPS = ['Customer information', 'Packages', 'Headquarters location', 'Summary'] as const;
const createCustomerResolver = lazyZodResolver<CreateCustomerFormValues, CreateCustomerInput>(() =>
  import('@/lib/customers/customer-schema').then((m) => m.createCustomerSchema),
);
const STEP_FIELDS: readonly (readonly WizardField[])[] = [
  WIZARD_STEP_FIELDS.info,
  WIZARD_STEP_FIELDS.packages,
  WIZARD_STEP_FIELDS.location,
];
const SUMMARY = 3;

const EMPTY: CreateCustomerInput = {
  companyName: '',
  adminEmail: '',
  adminFirstName: '',
  adminLastName: '',
  templateId: '',
  externalId: '',
  language: '',
  packages: [],
  address: { addressLine1: '', addressLine2: '', city: '', stateOrProvince: '', postalCode: '', country: '' },
  confirmSupportedLocation: false,
};

/** Whether a server key names a field of the wizard ("address.city" included). */
const isWizardField = (key: string): key is WizardField =>
  STEP_FIELDS.some((fields) => fields.some((f) => key === f || key.startsWith(`${f}.`)));

/** The step a server field error belongs to ("address.city" → the location step). */
const stepOf = (field: string) =>
  Math.max(
    0,
    STEP_FIELDS.findIndex((fields) => fields.some((f) => field === f || field.startsWith(`${f}.`))),
  );

/**
 * The create-customer wizard (SPEC §4.1): one form across the steps (values survive Back
 * and Edit), each step validated with the shared zod schema before Next, the server's
 * pre-check before the summary — every problem shown at its field — and Create customer.
 */
export function CreateCustomerWizard({ orgId, templates }: { orgId: string; templates: TemplateOption[] }) {
  const form = useForm<CreateCustomerFormValues, unknown, CreateCustomerInput>({
    resolver: createCustomerResolver,
    defaultValues: EMPTY,
    mode: 'onTouched',
  });
  const { trigger, setError, getValues, setValue, control } = form;
  const [step, setStep] = useState(0);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const mounted = useRef(false);
  const router = useRouter();
  const toast = useToast();
  const templateId = useWatch({ control, name: 'templateId' });
  const template = templates.find((t) => t.id === templateId);

  // Focus follows the step, so keyboard and screen-reader users start at its heading.
  useEffect(() => {
    if (mounted.current) heading.current?.focus();
    mounted.current = true;
  }, [step]);

  // A new template: keep only the packages it offers; its country is a good first guess for HQ.
  useEffect(() => {
    if (!template) return;
    const allowed = getValues('packages').filter(
      (p) => template.packages.includes(p) && (template.pstnProviderName || !PACKAGE_INFO[p].calling),
    );
    if (allowed.length !== getValues('packages').length) setValue('packages', allowed);
    if (!getValues('address.country')) setValue('address.country', template.country);
  }, [template, getValues, setValue]);

  /**
   * After a failed attempt, fields re-validate as they change (as after a submit), so an
   * error clears the moment it is fixed — not on blur, which would shift the layout under
   * the pointer on its way to Next.
   */
  function markTouched(fields: readonly WizardField[]) {
    for (const f of fields) setValue(f, getValues(f), { shouldTouch: true });
  }

  /** Puts every server problem at its field and opens the first step that has one. */
  function showProblems(message: string, fieldErrors: FieldErrors | undefined) {
    const { fields, other } = applyServerFieldErrors(setError, fieldErrors, isWizardField);
    setFormError(other.length ? other.join(' ') : fields.length ? null : message);
    markTouched(fields);
    if (fields.length) {
      setEditing(false);
      setStep(Math.min(...fields.map(stepOf)));
    }
  }

  async function next() {
    setFormError(null);
    const fields = STEP_FIELDS[step];
    if (!fields) throw new Error(`The wizard has no step ${step + 1}.`);
    if (!(await trigger([...fields], { shouldFocus: true }))) {
      markTouched(fields);
      return;
    }
    if (step === 0 && !editing) {
      // Uniqueness where the value is entered: the e-mail and external ID are checked on this Next.
      setBusy(true);
      try {
        const { companyName, adminEmail, adminFirstName, adminLastName, templateId, externalId, language } = getValues();
        const result = await precheckCustomerInfoAction(orgId, {
          companyName,
          adminEmail,
          adminFirstName,
          adminLastName,
          templateId,
          externalId,
          language,
        });
        if (!result.ok) {
          showProblems(result.message, result.fieldErrors);
          return;
        }
      } finally {
        setBusy(false);
      }
    }
    if (step < SUMMARY - 1 && !editing) {
      setStep(step + 1);
      return;
    }
    // Before the summary: the server's pre-check, which sees what the browser can't.
    setBusy(true);
    try {
      const result = await validateCustomerAction(orgId, getValues());
      if (result.ok) {
        setEditing(false);
        setStep(SUMMARY);
      } else {
        showProblems(result.message, result.fieldErrors);
      }
    } finally {
      setBusy(false);
    }
  }

  async function create() {
    setFormError(null);
    setBusy(true);
    try {
      const result = await createCustomerAction(orgId, getValues());
      if (!result.ok) {
        showProblems(result.message, result.fieldErrors);
        return;
      }
      toast(`${getValues('companyName')} is being provisioned.`);
      router.push(`/o/${orgId}/customers?customer=${result.data.customerId}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormProvider {...form}>
      <WizardProgress steps={STEPS} current={step} />
      <HydratedForm
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void (step === SUMMARY ? create() : next());
        }}
        className={WIZARD_PANEL_CLASS}
        aria-labelledby="wizard-step-heading"
      >
        <WizardStepHeading step={step} total={STEPS.length} title={STEPS[step] ?? ''} headingRef={heading} />
        <WizardError message={formError} />
        {step === 0 && <StepInfo templates={templates} />}
        {step === 1 && <StepPackages template={template} />}
        {step === 2 && <StepLocation />}
        {step === SUMMARY && (
          <StepSummary
            template={template}
            onEdit={(s) => {
              setEditing(true);
              setStep(s);
            }}
          />
        )}
        <WizardFooter
          cancel={
            <Link href={`/o/${orgId}/customers`} className="text-sm text-slate-600 underline">
              Cancel
            </Link>
          }
        >
          {step > 0 && !editing && (
            <Button variant="secondary" onClick={() => setStep(step - 1)} disabled={busy}>
              Back
            </Button>
          )}
          {step === SUMMARY ? (
            <button type="submit" className={buttonClass('primary')} disabled={busy}>
              {busy ? 'Creating…' : 'Create customer'}
            </button>
          ) : (
            <button type="submit" className={buttonClass('primary')} disabled={busy}>
              {busy ? 'Checking…' : editing ? 'Back to summary' : 'Next'}
            </button>
          )}
        </WizardFooter>
      </HydratedForm>
    </FormProvider>
  );
}
