import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { Pagination } from '@/components/ui/pagination';
import { EmptyState, Forbidden, PageHeader } from '@/components/ui/primitives';
import { SearchForm } from '@/components/ui/search-form';
import { SUBSCRIBERS_PAGE_SIZE, listSubscribers } from '@/lib/customer-view/list-subscribers';
import { PACKAGE_INFO } from '@/lib/domain/packages';
import { pageParam, param, type RawSearchParams } from '@/lib/paging/search-params';
import { gatePage } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Workspaces' };

const th = 'px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600';
const td = 'px-4 py-3 align-top';
const dash = <span className="text-slate-400">—</span>;

export default async function WorkspacesPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<RawSearchParams> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'cv.read', 'customer');
  if (gate.denied) return <Forbidden message={gate.denied} />;
  const sp = await searchParams;
  const q = param(sp, 'q');
  const result = await listSubscribers(getDb(), gate.access, { kind: 'workspace', q, page: pageParam(sp) });
  const base = `/o/${gate.access.org.id}/workspaces`;

  return (
    <>
      <PageHeader title="Workspaces" description="Shared spaces and common-area devices, such as lobby and break-room phones." />
      <SearchForm action={base} label="Search workspaces" placeholder="Workspace name" defaultValue={q} />
      {result.total === 0 ? (
        q ? <EmptyState title={`No results for “${q}”`}>No workspace name contains that text.</EmptyState>
          : <EmptyState title="No workspaces yet">Workspaces appear here once they have been added.</EmptyState>
      ) : (
        <>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="workspaces-table">
              <caption className="sr-only">Workspaces</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={th}>Name</th>
                  <th scope="col" className={th}>Package</th>
                  <th scope="col" className={th}>Location</th>
                  <th scope="col" className={th}>Extension</th>
                  <th scope="col" className={th}>Phone number</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {result.rows.map((w) => (
                  <tr key={w.id}>
                    <td className={`${td} font-medium`}>{w.name}</td>
                    <td className={td}>{PACKAGE_INFO[w.package].name}</td>
                    <td className={td}>{w.locationName}</td>
                    <td className={`${td} tabular-nums`}>{w.extension ?? dash}</td>
                    <td className={`${td} tabular-nums`}>{w.phoneNumber ?? dash}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={result.page} pageSize={SUBSCRIBERS_PAGE_SIZE} total={result.total} basePath={base} params={{ q }} />
        </>
      )}
    </>
  );
}
