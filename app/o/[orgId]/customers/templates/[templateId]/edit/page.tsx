import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { PageHeader } from '@/components/ui/primitives';
import { gatePage } from '@/lib/server/session';
import { getTemplateFormOptions } from '@/lib/templates/get-template-form-options';
import { templateFormValues } from '@/lib/templates/template-fields';
import { CustomersTabs } from '../../../customers-tabs';
import { TemplateWizard } from '../../template-wizard';
import { loadTemplate } from '../load-template';
import { TemplatesForbidden } from '../../templates-forbidden';

export const metadata: Metadata = { title: 'Edit template' };

export default async function EditTemplatePage({ params }: { params: Promise<{ orgId: string; templateId: string }> }) {
  const { orgId, templateId } = await params;
  const gate = await gatePage(orgId, 'templates.write', 'partner');
  if (gate.denied) return <TemplatesForbidden orgId={orgId} message={gate.denied} next={gate.next} />;
  const { access } = gate;
  const [t, options] = await Promise.all([loadTemplate(access, templateId), getTemplateFormOptions({ db: getDb(), access })]);

  return (
    <>
      <PageHeader
        title={`Edit template “${t.name}”`}
        description="Changes apply only to customers created afterwards; existing customers keep their settings."
      />
      <CustomersTabs orgId={access.org.id} />
      <TemplateWizard orgId={access.org.id} templateId={t.id} options={options} defaultValues={templateFormValues(t)} />
    </>
  );
}
