import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { PageHeader } from '@/components/ui/primitives';
import { gatePage } from '@/lib/server/session';
import { getTemplateFormOptions } from '@/lib/templates/get-template-form-options';
import { newTemplateFormValues } from '@/lib/templates/template-fields';
import { CustomersTabs } from '../../customers-tabs';
import { TemplateWizard } from '../template-wizard';
import { TemplatesForbidden } from '../templates-forbidden';

export const metadata: Metadata = { title: 'Create template' };

export default async function NewTemplatePage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'templates.write', 'partner');
  if (gate.denied) return <TemplatesForbidden orgId={orgId} message={gate.denied} next={gate.next} />;
  const { access } = gate;
  const options = await getTemplateFormOptions({ db: getDb(), access });
  // Pre-fill what has one sensible answer: a sub-partner's shared subscription (read-only),
  // a single subscription, and the signed-in admin when they may be the administrator (else
  // the sole eligible administrator).
  const subscriptionId = options.subscriptionIds.length === 1 ? options.subscriptionIds[0] : '';
  const me = options.admins.find((a) => a.id === access.actor.userId) ?? (options.admins.length === 1 ? options.admins[0] : undefined);

  return (
    <>
      <PageHeader title="Create template" description={`A new onboarding template for ${access.org.name}.`} />
      <CustomersTabs orgId={access.org.id} />
      <TemplateWizard
        orgId={access.org.id}
        options={options}
        defaultValues={newTemplateFormValues({ subscriptionId: subscriptionId ?? '', serviceProviderAdminId: me?.id ?? '' })}
      />
    </>
  );
}
