'use client';
import { applyServerFieldErrors } from '@/components/ui/server-field-errors';
import { HydratedForm } from '@/components/ui/hydrated-form';
// SPEC §3 wizard, for create and edit. One react-hook-form instance spans every step, so
// Back/Next/Edit never lose values; Next validates only the current step's fields, Submit
// the whole schema, and the server action re-validates with the very same schema.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition, type FormEvent } from 'react';
import { FormProvider, useForm, type FieldErrors } from 'react-hook-form';
import { Button } from '@/components/ui/primitives';
import { useToast } from '@/components/ui/toast';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { TemplateFormOptions } from '@/lib/templates/get-template-form-options';
import { lazyZodResolver } from '@/components/ui/lazy-zod-resolver';
import type { TemplateFormDefaults } from '@/lib/templates/template-fields';
import type { TemplateFormValues, TemplateInput } from '@/lib/templates/template-schema';
import { createTemplateAction, precheckTemplateNameAction, updateTemplateAction } from './actions';
import { TemplateSettingGroups, type SettingsStep } from './template-setting-groups';
import { SUMMARY_INDEX, WIZARD_STEPS, firstStepWithError, isTemplateField } from './wizard-config';
import { WizardProgress } from '@/components/ui/wizard-progress';
import { WIZARD_PANEL_CLASS, WizardError, WizardFooter, WizardStepHeading } from '@/components/ui/wizard-frame';
import { StepFields } from './wizard-steps';

export interface TemplateWizardProps {
  orgId: string;
  options: TemplateFormOptions;
  /** Every field, from newTemplateFormValues or templateFormValues (lib/templates/template-fields.ts). */
  defaultValues: TemplateFormDefaults;
  /** Present when editing: the wizard opens on the Summary and saves this template. */
  templateId?: string;
}

const templateResolver = lazyZodResolver<TemplateFormValues, TemplateInput>(() =>
  import('@/lib/templates/template-schema').then((m) => m.templateSchema),
);

export function TemplateWizard({ orgId, options, defaultValues, templateId }: TemplateWizardProps) {
  const editing = !!templateId;
  const router = useRouter();
  const toast = useToast();
  const [step, setStep] = useState(editing ? SUMMARY_INDEX : 0);
  // Set by a Summary "Edit": the step's Next then returns straight to the Summary.
  const [returnToSummary, setReturnToSummary] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [checking, setChecking] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  // Hydrated yet? Until then the buttons stay disabled, so an early Enter can't fall back
  // to a native GET submit that reloads the page (and puts the values in the URL).
  const ready = useHydrated();

  const form = useForm<TemplateFormValues, unknown, TemplateInput>({
    resolver: templateResolver,
    defaultValues,
    // Re-check a field as it changes (an error disappears once fixed), never on blur:
    // blur validation moved the buttons between mousedown and mouseup and ate the click.
    mode: 'onChange',
  });
  const { trigger, handleSubmit, setError, getValues, setFocus } = form;

  // Keyboard and screen-reader users land on the new step's heading, never on a vanished button.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const goTo = (i: number, opts: { returning?: boolean } = {}) => {
    setReturnToSummary(opts.returning ?? false);
    setStep(i);
  };

  const next = async () => {
    setFormError(null);
    const ok = await trigger(stepAt(step).fields, { shouldFocus: true });
    if (!ok) return;
    // Uniqueness where the value is entered: the server says on this step's Next whether the name is taken.
    if (stepAt(step).id === 'primary' && !(await nameIsFree())) return;
    goTo(returnToSummary ? SUMMARY_INDEX : step + 1);
  };

  async function nameIsFree() {
    setChecking(true);
    try {
      const result = await precheckTemplateNameAction(orgId, { name: getValues('name') ?? '', templateId });
      if (result.ok) return true;
      const { fields, other } = applyServerFieldErrors(setError, result.fieldErrors, isTemplateField);
      if (fields.includes('name')) setFocus('name');
      setFormError(other.length ? other.join(' ') : fields.length ? null : result.message);
      return false;
    } finally {
      setChecking(false);
    }
  }

  const showErrorsAt = (fields: string[]) => {
    const at = firstStepWithError(fields);
    if (at !== null) goTo(at, { returning: true });
  };

  const submit = handleSubmit(
    (values) => {
      setFormError(null);
      startTransition(async () => {
        const result = editing ? await updateTemplateAction(orgId, { ...values, templateId }) : await createTemplateAction(orgId, values);
        if (result.ok) {
          toast(editing ? `Template “${result.data.name}” saved.` : `Template “${result.data.name}” created.`);
          router.push(`/o/${orgId}/customers/templates/${result.data.id}`);
          return;
        }
        // The form keeps every value; server field errors show next to their fields.
        setFormError(result.message);
        showErrorsAt(applyServerFieldErrors(setError, result.fieldErrors, isTemplateField).fields);
      });
    },
    (errors: FieldErrors<TemplateFormValues>) => showErrorsAt(Object.keys(errors)),
  );

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    // Enter in a field moves on like Next; only the Summary submits.
    if (step === SUMMARY_INDEX) void submit(e);
    else void next();
  };

  const current = stepAt(step);
  const values = getValues();
  const adminLabel = options.admins.find((a) => a.id === values.serviceProviderAdminId);
  const provider = options.pstnProviders.find((p) => p.id === values.pstnProviderId);
  const editStep = (id: SettingsStep) =>
    goTo(
      WIZARD_STEPS.findIndex((s) => s.id === id),
      { returning: true },
    );

  return (
    <FormProvider {...form}>
      <WizardProgress steps={WIZARD_STEPS.map((s) => s.title)} current={step} />
      <HydratedForm onSubmit={onSubmit} noValidate aria-labelledby="wizard-step-heading" className={WIZARD_PANEL_CLASS}>
        <WizardStepHeading step={step} total={WIZARD_STEPS.length} title={current.title} headingRef={headingRef} />
        <WizardError message={formError} />

        {current.id !== 'summary' && <StepFields key={current.id} step={current.id} options={options} />}
        {current.id === 'summary' && (
          <>
            <p className="mb-4 text-sm text-slate-600">
              Check the settings. Use Edit to change a group;{' '}
              {editing ? 'changes apply only to customers created afterwards.' : 'Submit creates the template.'}
            </p>
            <TemplateSettingGroups
              source={{
                ...values,
                adminLabel: adminLabel ? `${adminLabel.name} (${adminLabel.email})` : null,
                pstnProviderLabel: provider?.name ?? null,
              }}
              action={(id, title) => (
                <button
                  type="button"
                  onClick={() => editStep(id)}
                  className="rounded px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50"
                >
                  Edit<span className="sr-only"> {title}</span>
                </button>
              )}
            />
          </>
        )}

        <WizardFooter
          cancel={
            <Link
              href={editing ? `/o/${orgId}/customers/templates/${templateId}` : `/o/${orgId}/customers/templates`}
              className="text-sm text-slate-600 underline"
            >
              Cancel
            </Link>
          }
        >
          {step > 0 && (
            <Button variant="secondary" onClick={() => goTo(step - 1, { returning: returnToSummary })} disabled={!ready || pending}>
              Back
            </Button>
          )}
          <Button type="submit" disabled={!ready || pending || checking}>
            {step === SUMMARY_INDEX
              ? pending
                ? 'Submitting…'
                : 'Submit'
              : checking
                ? 'Checking…'
                : returnToSummary
                  ? 'Back to summary'
                  : 'Next'}
          </Button>
        </WizardFooter>
      </HydratedForm>
    </FormProvider>
  );
}

/** The wizard's step at index i: the step state only ever holds an index of WIZARD_STEPS. */
function stepAt(i: number) {
  const step = WIZARD_STEPS[i];
  if (!step) throw new Error(`The template wizard has no step ${i + 1}.`);
  return step;
}
