import type { Metadata } from 'next';
import Link from 'next/link';
import { CopyValue } from '@/components/ui/copy-button';
import { Card, Forbidden, PageHeader, buttonClass } from '@/components/ui/primitives';
import { decide } from '@/lib/auth/policy';
import { formatDate, formatTimestamp, isoDateTime } from '@/lib/format';
import { gatePage } from '@/lib/server/session';
import { templateInUseMessage } from '@/lib/templates/delete-template';
import { TEMPLATE_TYPE_LABELS } from '@/lib/templates/template-labels';
import { CustomersTabs } from '../../customers-tabs';
import { DeleteTemplateButton } from '../delete-template-button';
import { TemplateSettingGroups } from '../template-setting-groups';
import { loadTemplate } from './load-template';

export const metadata: Metadata = { title: 'Onboarding template' };

export default async function TemplatePage({ params }: { params: Promise<{ orgId: string; templateId: string }> }) {
  const { orgId, templateId } = await params;
  const gate = await gatePage(orgId, 'templates.read', 'partner');
  if (gate.denied) return <Forbidden message={gate.denied} next={gate.next} />;
  const t = await loadTemplate(gate.access, templateId);
  const base = `/o/${gate.access.org.id}/customers/templates`;
  const canWrite = decide(gate.access, 'templates.write').allowed;
  const blocked = t.customers > 0 ? templateInUseMessage(t.customers) : null;

  return (
    <>
      <PageHeader
        title={t.name}
        description={`Onboarding template · ${TEMPLATE_TYPE_LABELS[t.type]}`}
        actions={
          canWrite ? (
            <div className="flex items-center gap-3">
              <Link href={`${base}/${t.id}/edit`} className={buttonClass('secondary')}>
                Edit
              </Link>
              <DeleteTemplateButton orgId={gate.access.org.id} templateId={t.id} name={t.name} blockedReason={blocked} />
            </div>
          ) : null
        }
      />
      <CustomersTabs orgId={gate.access.org.id} />
      <p className="mb-4 text-sm">
        <Link href={base} className="text-brand-700 underline">
          ← All templates
        </Link>
      </p>
      <div className="grid gap-6">
        <Card title="Provisioning ID">
          <CopyValue value={t.provisioningId} label="provisioning ID" />
          <p className="mt-2 text-sm text-slate-600">
            Customers created from this template reference it by this value — it is the <code className="font-mono">provisioningId</code> of
            the wholesale API.
          </p>
        </Card>
        <Card title="Usage">
          <dl className="grid gap-2 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-slate-600">Customers using it</dt>
              <dd className="tabular-nums" data-testid="template-customers">
                {t.customers}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">Created</dt>
              <dd>
                <time dateTime={isoDateTime(t.createdAt)}>{formatDate(t.createdAt)}</time>
                {t.createdByName ? ` by ${t.createdByName}` : ''}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">Last changed</dt>
              <dd>
                <time dateTime={isoDateTime(t.updatedAt)}>{formatTimestamp(t.updatedAt)}</time>
              </dd>
            </div>
          </dl>
          <p className="mt-4 text-sm text-slate-600">
            Changes to a template apply only to customers created afterwards; existing customers keep their settings.
          </p>
          {canWrite && blocked && (
            <p id="delete-blocked" className="mt-2 text-sm text-amber-800">
              {blocked}
            </p>
          )}
        </Card>
        <section aria-labelledby="template-settings">
          <h2 id="template-settings" className="mb-3 text-base font-semibold">
            Settings
          </h2>
          <TemplateSettingGroups
            source={{
              ...t,
              adminLabel: t.serviceProviderAdmin ? `${t.serviceProviderAdmin.name} (${t.serviceProviderAdmin.email})` : null,
              pstnProviderLabel: t.pstnProviderName,
            }}
          />
        </section>
      </div>
    </>
  );
}
