'use client';
import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import { Button } from '@/components/ui/primitives';
import type { CreateCustomerInput } from '@/lib/customers/customer-schema';
import type { TemplateOption } from '@/lib/templates/list-template-options';
import { PostalAddress } from '@/components/address/postal-address';
import { localeName } from '@/lib/domain/locale-names';
import { PACKAGE_INFO } from '@/lib/domain/packages';

function Group({ title, onEdit, children }: { title: string; onEdit: () => void; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200">
      <header className="flex items-center justify-between border-b border-slate-100 px-4 py-2">
        <h3 className="text-sm font-semibold">{title}</h3>
        <Button variant="ghost" onClick={onEdit} aria-label={`Edit ${title.toLowerCase()}`}>
          Edit
        </Button>
      </header>
      <dl className="divide-y divide-slate-100 px-4">{children}</dl>
    </section>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[12rem_1fr] gap-2 py-2 text-sm">
      <dt className="text-slate-600">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

/** Step 4 — Summary: everything entered, grouped by step, each group with Edit. */
export function StepSummary({ template, onEdit }: { template: TemplateOption | undefined; onEdit: (step: number) => void }) {
  const v = useFormContext<CreateCustomerInput>().getValues();
  const a = v.address;
  return (
    <div className="space-y-4" data-testid="wizard-summary">
      <Group title="Customer information" onEdit={() => onEdit(0)}>
        <Item label="Company name">{v.companyName}</Item>
        <Item label="Administrator email">{v.adminEmail}</Item>
        <Item label="Administrator name">
          {`${v.adminFirstName} ${v.adminLastName}`.trim() || <span className="text-slate-500">Not given</span>}
        </Item>
        <Item label="Onboarding template">{template?.name ?? '—'}</Item>
        <Item label="External ID">{v.externalId || <span className="text-slate-500">Generated when the customer is created</span>}</Item>
        <Item label="Language">
          {v.language ? localeName(v.language) : `Template default (${localeName(template?.defaultLanguage ?? 'en_US')})`}
        </Item>
      </Group>
      <Group title="Packages" onEdit={() => onEdit(1)}>
        <Item label="Packages">{v.packages.map((p) => PACKAGE_INFO[p].name).join(', ')}</Item>
      </Group>
      <Group title="Headquarters location" onEdit={() => onEdit(2)}>
        <Item label="Address">
          <PostalAddress address={a} testId="summary-address" />
        </Item>
        <Item label="Supported location">Confirmed</Item>
      </Group>
    </div>
  );
}
