'use client';
import { HydratedForm } from '@/components/ui/hydrated-form';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { FormProvider, useFieldArray, useForm, type FieldPath } from 'react-hook-form';
import { Button, buttonClass } from '@/components/ui/primitives';
import type { PackageId } from '@/lib/domain/packages';
import { lazyZodResolver } from '@/components/ui/lazy-zod-resolver';
import { MAX_USERS_PER_CALL } from '@/lib/subscribers/subscriber-limits';
import type { AddUsersInput } from '@/lib/subscribers/subscriber-schemas';
import { AddLocationForm } from '../locations/add-location-form';
import { useCreateUsers } from '../users/use-create-users';
import { EMPTY_ROW, UserRowsFields } from '../users/user-rows-fields';
import { ReviewStep } from './review-step';
import { WizardProgress } from '@/components/ui/wizard-progress';
import { WIZARD_PANEL_CLASS, WizardFooter, WizardStepHeading } from '@/components/ui/wizard-frame';

const STEPS = ['Add and verify locations', 'Add users', 'Phone numbers', 'Review'] as const;
const [LOCATIONS, USERS, NUMBERS, REVIEW] = [0, 1, 2, 3];
const IDENTITY = ['firstName', 'lastName', 'email', 'package', 'locationId'] as const;
const NUMBERING = ['extension', 'primaryPhoneNumber'] as const;
const addUsersResolver = lazyZodResolver<AddUsersInput>(() => import('@/lib/subscribers/subscriber-schemas').then((m) => m.addUsersSchema));

export interface SetupLocation {
  id: string;
  name: string;
  address: string;
  isHeadquarters: boolean;
}

/**
 * Set up customer (SPEC §4.4): locations are added at once (users need them); the users
 * are one react-hook-form across Add users → Phone numbers → Review, validated per step
 * with the shared schema, and created by addUsers with a per-row outcome. Failed rows are
 * fixed in place (Fix jumps to their step) and retried without touching the created ones.
 */
export function SetupWizard({
  orgId,
  customerName,
  country,
  packages,
  initialLocations,
}: {
  orgId: string;
  customerName: string;
  country: string;
  packages: PackageId[];
  initialLocations: SetupLocation[];
}) {
  const [step, setStep] = useState(LOCATIONS);
  const [locations, setLocations] = useState(initialLocations);
  const [adding, setAdding] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const mounted = useRef(false);
  const hq = locations.find((l) => l.isHeadquarters) ?? locations[0];
  const form = useForm<AddUsersInput>({
    resolver: addUsersResolver,
    mode: 'onChange',
    defaultValues: { rows: [{ ...EMPTY_ROW, locationId: hq?.id ?? '' }] },
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'rows', keyName: 'key' });
  const { statuses, message, busy, createPending } = useCreateUsers(orgId, form, fields);
  const allCreated = fields.length > 0 && fields.every((f) => statuses[f.key] === 'created');

  // Focus follows the step, so keyboard and screen-reader users start at its heading.
  useEffect(() => {
    if (mounted.current) heading.current?.focus();
    mounted.current = true;
  }, [step]);

  const stepFields = (names: readonly ((typeof IDENTITY)[number] | (typeof NUMBERING)[number])[]) =>
    fields.flatMap((_, i) => names.map((n) => `rows.${i}.${n}` as FieldPath<AddUsersInput>));

  async function next() {
    if (step === USERS && !(await form.trigger(stepFields(IDENTITY), { shouldFocus: true }))) return;
    if (step === NUMBERS && !(await form.trigger(stepFields(NUMBERING), { shouldFocus: true }))) return;
    setStep(step + 1);
  }

  async function create() {
    // A row changed since its step was checked (e.g. a new calling package without a number): open that step.
    if (!(await form.trigger(stepFields(IDENTITY)))) return setStep(USERS);
    if (!(await form.trigger(stepFields(NUMBERING)))) return setStep(NUMBERS);
    // Failed rows stay on Review with their errors and a Fix button each.
    await createPending();
  }

  const rowsProps = { fields, packages, locations, statuses };
  return (
    <FormProvider {...form}>
      <WizardProgress steps={STEPS} current={step} />
      <section aria-labelledby="wizard-step-heading" className={WIZARD_PANEL_CLASS}>
        <WizardStepHeading step={step} total={STEPS.length} title={STEPS[step] ?? ''} headingRef={heading} />
        {step === LOCATIONS && (
          <div className="space-y-4">
            <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" data-testid="setup-locations">
              {locations.map((l) => (
                <li key={l.id} className="px-4 py-3 text-sm">
                  <span className="font-medium">{l.name}</span>
                  {l.isHeadquarters && <span className="ml-2 text-xs text-brand-700">(headquarters)</span>}
                  <span className="block text-slate-600">{l.address}</span>
                </li>
              ))}
            </ul>
            {adding ? (
              <AddLocationForm
                orgId={orgId}
                country={country}
                onCancel={() => setAdding(false)}
                onAdded={(l) => {
                  setLocations((ls) => [...ls, { ...l, isHeadquarters: false }]);
                  setAdding(false);
                }}
              />
            ) : (
              <Button variant="secondary" onClick={() => setAdding(true)}>
                Add location
              </Button>
            )}
          </div>
        )}
        <HydratedForm
          id="setup-users"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void (step === REVIEW ? create() : next());
          }}
        >
          {step === USERS && (
            <>
              <p className="mb-4 text-sm text-slate-600">
                Up to {MAX_USERS_PER_CALL} users of {customerName}. Common Area Calling is for workspaces, so it isn’t offered here.
              </p>
              <UserRowsFields {...rowsProps} parts="identity" onRemove={remove} />
              <Button
                variant="secondary"
                className="mt-4"
                disabled={fields.length >= MAX_USERS_PER_CALL}
                onClick={() => append({ ...EMPTY_ROW, locationId: hq?.id ?? '' })}
              >
                Add another user
              </Button>
            </>
          )}
          {step === NUMBERS && (
            <>
              <p className="mb-4 text-sm text-slate-600">
                Each user with a calling package needs an extension (unique at the location) and/or a primary phone number (unique
                everywhere).
              </p>
              <UserRowsFields {...rowsProps} parts="numbers" />
            </>
          )}
          {step === REVIEW && (
            <ReviewStep
              fields={fields}
              locations={locations}
              statuses={statuses}
              message={message}
              onFix={(s) => setStep(s === 'identity' ? USERS : NUMBERS)}
            />
          )}
        </HydratedForm>
        <WizardFooter
          cancel={
            <Link href={`/o/${orgId}/users`} className="text-sm text-slate-600 underline">
              {allCreated ? 'Go to Users' : 'Cancel'}
            </Link>
          }
        >
          {step > LOCATIONS && (
            <Button variant="secondary" onClick={() => setStep(step - 1)} disabled={busy}>
              Back
            </Button>
          )}
          {step === LOCATIONS && (
            <Button onClick={() => setStep(USERS)} disabled={adding}>
              Next
            </Button>
          )}
          {step > LOCATIONS && step < REVIEW && (
            <button type="submit" form="setup-users" className={buttonClass('primary')}>
              Next
            </button>
          )}
          {step === REVIEW && !allCreated && (
            <button type="submit" form="setup-users" className={buttonClass('primary')} disabled={busy}>
              {busy ? 'Creating…' : 'Create users'}
            </button>
          )}
          {allCreated && (
            <Link href={`/o/${orgId}/users`} className={buttonClass('primary')}>
              Done
            </Link>
          )}
        </WizardFooter>
      </section>
    </FormProvider>
  );
}
