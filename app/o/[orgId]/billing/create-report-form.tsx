'use client';
import { HydratedForm } from '@/components/ui/hydrated-form';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '@/components/ui/primitives';
import { useToast } from '@/components/ui/toast';
import { lazyZodResolver } from '@/components/ui/lazy-zod-resolver';
import { addDays, addYears, REPORT_LOOKBACK_YEARS } from '@/lib/billing/report-dates';
import type { ReportRequest } from '@/lib/billing/report-schema';
import { reportTypeLabel, reportTypeName } from '@/lib/billing/report-type-labels';
import { REPORT_TYPES } from '@/lib/domain/statuses';
import { createReportAction } from './actions';
import { reportsQueryKey } from './reports-query';
import { SelectField, TextField } from '@/components/ui/form-controls';

const FIELDS = ['billingStartDate', 'billingEndDate', 'type', 'subPartnerOrgId'] as const;

/** The create-report form: the same zod rules as the server, with the server's "today". */
export function CreateReportForm({
  orgId,
  today,
  subPartners,
}: {
  orgId: string;
  today: string;
  subPartners: { id: string; name: string }[];
}) {
  // The schema (and zod) load on first validation; the rules depend on today.
  const resolver = useMemo(
    () => lazyZodResolver<ReportRequest>(() => import('@/lib/billing/report-schema').then((m) => m.createReportSchema(today))),
    [today],
  );
  const yesterday = addDays(today, -1);
  const earliest = addYears(today, -REPORT_LOOKBACK_YEARS);
  const lastMonthStart = `${addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7)}-01`;
  const lastMonthEnd = addDays(`${today.slice(0, 7)}-01`, -1);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ReportRequest>({
    resolver,
    defaultValues: { billingStartDate: lastMonthStart, billingEndDate: lastMonthEnd, type: 'PARTNER', subPartnerOrgId: '' },
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const toast = useToast();
  const queryClient = useQueryClient();

  const onSubmit = handleSubmit((values) => {
    setFormError(null);
    startTransition(async () => {
      const result = await createReportAction(orgId, values);
      if (!result.ok) {
        let placed = false;
        for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
          const name = FIELDS.find((f) => f === field);
          if (name) {
            setError(name, { message: messages[0] });
            placed = true;
          }
        }
        if (!placed) setFormError(result.message);
        return;
      }
      toast(
        `The ${reportTypeName(result.data.type)} for ${result.data.billingStartDate} to ${result.data.billingEndDate} is being generated.`,
      );
      await queryClient.invalidateQueries({ queryKey: reportsQueryKey(orgId) });
    });
  });

  return (
    <HydratedForm onSubmit={onSubmit} noValidate aria-label="Create a billing report" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {formError && (
        <p
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 sm:col-span-2 lg:col-span-4"
          data-testid="create-report-error"
        >
          {formError}
        </p>
      )}
      <TextField
        id="billingStartDate"
        label="Billing start date"
        type="date"
        min={earliest}
        max={yesterday}
        {...register('billingStartDate')}
        error={errors.billingStartDate?.message}
      />
      <TextField
        id="billingEndDate"
        label="Billing end date"
        type="date"
        min={earliest}
        max={yesterday}
        {...register('billingEndDate')}
        error={errors.billingEndDate?.message}
      />
      <SelectField id="reportType" label="Report type" {...register('type')} error={errors.type?.message}>
        {REPORT_TYPES.map((t) => (
          <option key={t} value={t}>
            {reportTypeLabel(t)}
          </option>
        ))}
      </SelectField>
      {subPartners.length > 0 && (
        <SelectField
          id="subPartnerOrgId"
          label="Indirect provider"
          {...register('subPartnerOrgId')}
          error={errors.subPartnerOrgId?.message}
        >
          <option value="">None (own customers)</option>
          {subPartners.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
      )}
      <div className="flex items-end sm:col-span-2 lg:col-span-4">
        {/* Never squeezed onto two lines by the note beside it. */}
        <Button type="submit" disabled={pending} className="shrink-0 whitespace-nowrap">
          {pending ? 'Creating…' : 'Create report'}
        </Button>
        <p className="ml-4 text-sm text-slate-600">
          Whole UTC days from {earliest} to yesterday ({yesterday}). Rows per package, and per customer location or subscriber for the
          Customer and User types; generated in the background.
        </p>
      </div>
    </HydratedForm>
  );
}
