import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { Pagination } from '@/components/ui/pagination';
import { EmptyState, Forbidden, PageHeader, buttonClass } from '@/components/ui/primitives';
import { NoSearchResults } from '@/components/ui/empty-results';
import { SearchForm } from '@/components/ui/search-form';
import { decide } from '@/lib/auth/policy';
import { formatDate, isoDateTime } from '@/lib/format';
import { pageParam, param, type RawSearchParams } from '@/lib/paging/search-params';
import { gatePage } from '@/lib/server/session';
import { TEMPLATES_PAGE_SIZE, listTemplates } from '@/lib/templates/list-templates';
import { AUTH_MODE_LABELS, TEMPLATE_TYPE_LABELS } from '@/lib/templates/template-labels';
import { CustomersTabs } from '../customers-tabs';

export const metadata: Metadata = { title: 'Onboarding templates' };

const th = 'px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600';
const td = 'px-4 py-3 align-top';

export default async function TemplatesPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'templates.read', 'partner');
  if (gate.denied) return <Forbidden message={gate.denied} next={gate.next} />;
  const sp = await searchParams;
  const q = param(sp, 'q');
  const result = await listTemplates({ db: getDb(), access: gate.access }, { q, page: pageParam(sp) });
  const base = `/o/${gate.access.org.id}/customers/templates`;
  // A courtesy: the server refuses creation without templates.write anyway.
  const canWrite = decide(gate.access, 'templates.write').allowed;
  const createButton = canWrite ? (
    <Link href={`${base}/new`} className={buttonClass('primary')}>
      Create template
    </Link>
  ) : null;

  return (
    <>
      <PageHeader title="Customers" description={`Customers and onboarding templates of ${gate.access.org.name}.`} />
      <CustomersTabs orgId={gate.access.org.id} />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">Onboarding templates</h2>
          <p className="text-sm text-slate-600">Common settings applied to the customers you create from a template.</p>
        </div>
        {/* With no template at all the button sits in the empty state instead. */}
        {(result.total > 0 || q) && createButton}
      </div>
      <SearchForm action={base} label="Search templates" placeholder="Template name" defaultValue={q} />
      {result.total === 0 ? (
        q ? (
          <NoSearchResults q={q} href={base}>
            No template name contains that text.
          </NoSearchResults>
        ) : (
          <EmptyState title="No onboarding templates yet" action={createButton}>
            {canWrite
              ? 'Create a template before you create customers: it holds their common settings.'
              : 'Templates your administrators create appear here.'}
          </EmptyState>
        )
      ) : (
        <>
          <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm" tabIndex={0}>
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="templates-table">
              <caption className="sr-only">Onboarding templates</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={th}>
                    Name
                  </th>
                  <th scope="col" className={th}>
                    Type
                  </th>
                  <th scope="col" className={th}>
                    Subscription
                  </th>
                  <th scope="col" className={th}>
                    Authentication
                  </th>
                  <th scope="col" className={th}>
                    PSTN provider
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Customers
                  </th>
                  <th scope="col" className={th}>
                    Created
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {result.rows.map((t) => (
                  <tr key={t.id}>
                    <td className={td}>
                      <Link href={`${base}/${t.id}`} className="font-medium text-brand-700 hover:underline">
                        {t.name}
                      </Link>
                    </td>
                    <td className={td}>{TEMPLATE_TYPE_LABELS[t.type]}</td>
                    <td className={`${td} font-mono text-xs`}>{t.subscriptionId}</td>
                    <td className={td}>{AUTH_MODE_LABELS[t.authMode]}</td>
                    <td className={td}>{t.pstnProviderName ?? <span className="text-slate-500">None</span>}</td>
                    <td className={`${td} text-right tabular-nums`}>{t.customers}</td>
                    <td className={`${td} whitespace-nowrap`}>
                      <time dateTime={isoDateTime(t.createdAt)}>{formatDate(t.createdAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={result.page} pageSize={TEMPLATES_PAGE_SIZE} total={result.total} basePath={base} params={{ q }} />
        </>
      )}
    </>
  );
}
