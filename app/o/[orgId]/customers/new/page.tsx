import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { EmptyState, Forbidden, PageHeader, buttonClass } from '@/components/ui/primitives';
import { listTemplateOptions } from '@/lib/templates/list-template-options';
import { gatePage } from '@/lib/server/session';
import { CreateCustomerWizard } from './create-customer-wizard';

export const metadata: Metadata = { title: 'Create customer' };

export default async function NewCustomerPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'customers.write', 'partner');
  if (gate.denied) return <Forbidden message={gate.denied} next={gate.next} />;
  const templates = await listTemplateOptions(getDb(), gate.access);
  return (
    <>
      <PageHeader
        title="Create customer"
        description={
          <>
            A new wholesale customer of {gate.access.org.name}.{' '}
            <Link href={`/o/${gate.access.org.id}/customers`} className="text-brand-700 underline">
              Back to customers
            </Link>
          </>
        }
      />
      {templates.length === 0 ? (
        <EmptyState
          title="No onboarding templates yet"
          action={
            <Link href={`/o/${gate.access.org.id}/customers/templates/new`} className={buttonClass('primary')}>
              Create template
            </Link>
          }
        >
          A customer is created from an onboarding template: create one first.
        </EmptyState>
      ) : (
        <CreateCustomerWizard orgId={gate.access.org.id} templates={templates} />
      )}
    </>
  );
}
