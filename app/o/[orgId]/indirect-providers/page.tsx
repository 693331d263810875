import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { CopyValue } from '@/components/ui/copy-button';
import { Pagination } from '@/components/ui/pagination';
import { Badge, EmptyState, PageHeader, buttonClass } from '@/components/ui/primitives';
import { SearchForm } from '@/components/ui/search-form';
import { formatDate } from '@/lib/format';
import { pageParam, param, type RawSearchParams } from '@/lib/paging/search-params';
import { gatePage } from '@/lib/server/session';
import { SUB_PARTNERS_PAGE_SIZE, listSubPartners } from '@/lib/sub-partners/list-sub-partners';

export const metadata: Metadata = { title: 'Indirect providers' };

const th = 'px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600';
const td = 'px-4 py-3 align-middle';

export default async function IndirectProvidersPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<RawSearchParams> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'subPartners.access', 'partner');
  // Admins without both roles don't see the tab, and its URL doesn't exist for them (SPEC §6.1).
  if (gate.denied) notFound();
  const sp = await searchParams;
  const q = param(sp, 'q');
  const result = await listSubPartners(getDb(), gate.access, { q, page: pageParam(sp) });
  // The tab exists only for partners that have indirect providers (SPEC §6.1).
  if (result.all === 0) notFound();
  const base = `/o/${gate.access.org.id}/indirect-providers`;

  return (
    <>
      <PageHeader title="Indirect providers" description="Resellers managed by your organisation. Cross-launch to work in their Partner Hub." />
      <SearchForm action={base} label="Search indirect providers" placeholder="Name" defaultValue={q} />
      {result.total === 0 ? (
        <EmptyState title={`No results for “${q}”`}>No indirect provider name contains that text.</EmptyState>
      ) : (
        <>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="sub-partners-table">
              <caption className="sr-only">Indirect providers</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={th}>Name</th>
                  <th scope="col" className={th}>Org ID</th>
                  <th scope="col" className={th}>Status</th>
                  <th scope="col" className={`${th} text-right`}>Customers</th>
                  <th scope="col" className={th}>Billing start date</th>
                  <th scope="col" className={th}><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {result.rows.map((s) => (
                  <tr key={s.id}>
                    <td className={`${td} font-medium`}>{s.name}</td>
                    <td className={td}><CopyValue value={s.id} label="org ID" /></td>
                    <td className={td}>{s.state === 'active' ? <Badge tone="green">Active</Badge> : <Badge tone="red">Suspended</Badge>}</td>
                    <td className={`${td} text-right tabular-nums`}>{s.customers}</td>
                    <td className={`${td} whitespace-nowrap`}>{formatDate(s.billingStartDate)}</td>
                    <td className={`${td} text-right`}>
                      <Link href={`/o/${s.id}/overview`} className={buttonClass('secondary')} aria-label={`Cross-launch into ${s.name}`}>Cross-launch</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={result.page} pageSize={SUB_PARTNERS_PAGE_SIZE} total={result.total} basePath={base} params={{ q }} />
        </>
      )}
    </>
  );
}
