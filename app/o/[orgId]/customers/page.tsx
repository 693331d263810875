import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { Pagination } from '@/components/ui/pagination';
import { Badge, EmptyState, Forbidden, PageHeader } from '@/components/ui/primitives';
import { SearchForm } from '@/components/ui/search-form';
import { CUSTOMERS_PAGE_SIZE, listPartnerCustomers } from '@/lib/customers/list-partner-customers';
import { customerStatusTone } from '@/lib/customers/status-tone';
import { PACKAGE_INFO } from '@/lib/domain/packages';
import { CUSTOMER_STATUS_LABELS } from '@/lib/domain/statuses';
import { formatDate, isoDateTime } from '@/lib/format';
import { pageParam, param, type RawSearchParams } from '@/lib/paging/search-params';
import { gatePage } from '@/lib/server/session';
import { CustomersTabs } from './customers-tabs';

export const metadata: Metadata = { title: 'Customers' };

const th = 'px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600';
const td = 'px-4 py-3 align-top';

export default async function CustomersPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<RawSearchParams> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'customers.read', 'partner');
  if (gate.denied) return <Forbidden message={gate.denied} />;
  const sp = await searchParams;
  const q = param(sp, 'q');
  const page = pageParam(sp);
  const result = await listPartnerCustomers(getDb(), gate.access, { q, page });
  const base = `/o/${gate.access.org.id}/customers`;

  return (
    <>
      <PageHeader title="Customers" description={`Customers of ${gate.access.org.name}.`} />
      <CustomersTabs orgId={gate.access.org.id} />
      <SearchForm action={base} label="Search customers" placeholder="Name, external ID or org ID" defaultValue={q} />
      {result.total === 0 ? (
        q ? (
          <EmptyState title={`No results for “${q}”`}>Try another name, an exact external ID or an org ID.</EmptyState>
        ) : (
          <EmptyState title="No customers yet">Customers you create appear here.</EmptyState>
        )
      ) : (
        <>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="customers-table">
              <caption className="sr-only">Customers</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={th}>Name</th>
                  <th scope="col" className={th}>Status</th>
                  <th scope="col" className={th}>Packages</th>
                  <th scope="col" className={`${th} text-right`}>Users</th>
                  <th scope="col" className={th}>Restricted by Partner Mode</th>
                  <th scope="col" className={th}>External ID</th>
                  <th scope="col" className={th}>Created</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {result.rows.map((c) => (
                  <tr key={c.customerId}>
                    <td className={td}>
                      <Link href={`/o/${c.orgId}/users`} className="font-medium text-brand-700 hover:underline" title="View customer">{c.name}</Link>
                    </td>
                    <td className={`${td} whitespace-nowrap`}><Badge tone={customerStatusTone(c.status)}>{CUSTOMER_STATUS_LABELS[c.status]}</Badge></td>
                    <td className={td}>{c.packages.length ? c.packages.map((p) => PACKAGE_INFO[p].name).join(', ') : <span className="text-slate-400">—</span>}</td>
                    <td className={`${td} text-right tabular-nums`}>{c.activeUsers}</td>
                    <td className={td}>{c.rbpm ? <Badge tone="blue">On</Badge> : <Badge>Off</Badge>}</td>
                    <td className={`${td} font-mono text-xs`}>{c.externalId}</td>
                    <td className={`${td} whitespace-nowrap`}><time dateTime={isoDateTime(c.createdAt)}>{formatDate(c.createdAt)}</time></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={result.page} pageSize={CUSTOMERS_PAGE_SIZE} total={result.total} basePath={base} params={{ q }} />
        </>
      )}
    </>
  );
}
