import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { CopyValue } from '@/components/ui/copy-button';
import { Pagination } from '@/components/ui/pagination';
import { Badge, EmptyState, PageHeader, buttonClass } from '@/components/ui/primitives';
import { NoSearchResults } from '@/components/ui/empty-results';
import { SearchForm } from '@/components/ui/search-form';
import { DataTable, Td } from '@/components/ui/table';
import { formatDate } from '@/lib/format';
import { pageParam, param, type RawSearchParams } from '@/lib/paging/search-params';
import { decide } from '@/lib/auth/policy';
import { gatePage } from '@/lib/server/session';
import { SubPartnerStateButton } from './sub-partner-state-button';
import { SUB_PARTNERS_PAGE_SIZE, listSubPartners } from '@/lib/sub-partners/list-sub-partners';

export const metadata: Metadata = { title: 'Indirect providers' };

export default async function IndirectProvidersPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'subPartners.access', 'partner');
  // Admins without both roles don't see the tab, and its URL doesn't exist for them (SPEC §6.1).
  if (gate.denied) notFound();
  const sp = await searchParams;
  const q = param(sp, 'q');
  const result = await listSubPartners(getDb(), gate.access, { q, page: pageParam(sp) });
  const canManage = decide(gate.access, 'subPartners.manage').allowed;
  // The tab exists only for partners that have indirect providers (SPEC §6.1); the page
  // itself stays reachable for setting up the first one (linked from Settings).
  if (result.all === 0 && !canManage) notFound();
  const base = `/o/${gate.access.org.id}/indirect-providers`;
  const setUp = canManage ? (
    <Link href={`${base}/new`} className={buttonClass('primary')}>
      Set up indirect provider
    </Link>
  ) : undefined;

  return (
    <>
      <PageHeader
        title="Indirect providers"
        description="Resellers managed by your organisation. Cross-launch to work in their Partner Hub."
        actions={result.all === 0 ? undefined : setUp}
      />
      {result.all === 0 ? (
        <EmptyState title="No indirect providers yet" action={setUp}>
          Set one up to let a reseller onboard customers on your shared subscription.
        </EmptyState>
      ) : (
        <SearchForm action={base} label="Search indirect providers" placeholder="Name" defaultValue={q} />
      )}
      {result.all === 0 ? null : result.total === 0 ? (
        <NoSearchResults q={q} href={base}>
          No indirect provider name contains that text.
        </NoSearchResults>
      ) : (
        <>
          <DataTable
            caption="Indirect providers"
            testId="sub-partners-table"
            columns={[
              'Name',
              'Org ID',
              'Status',
              { label: 'Customers', align: 'right' },
              'Billing start date',
              { label: 'Actions', srOnly: true },
            ]}
          >
            {result.rows.map((s) => (
              <tr key={s.id}>
                <Td valign="middle" className="font-medium">
                  {s.name}
                </Td>
                <Td valign="middle">
                  <CopyValue value={s.id} label="org ID" />
                </Td>
                <Td valign="middle">{s.state === 'active' ? <Badge tone="green">Active</Badge> : <Badge tone="red">Suspended</Badge>}</Td>
                <Td valign="middle" className="text-right tabular-nums">
                  {s.customers}
                </Td>
                <Td valign="middle" className="whitespace-nowrap">
                  {formatDate(s.billingStartDate)}
                </Td>
                <Td valign="middle" className="text-right">
                  <div className="flex justify-end gap-2">
                    {canManage && (
                      <SubPartnerStateButton orgId={gate.access.org.id} subPartner={{ id: s.id, name: s.name, state: s.state }} />
                    )}
                    <Link href={`/o/${s.id}/overview`} className={buttonClass('secondary')} aria-label={`Cross-launch into ${s.name}`}>
                      Cross-launch
                    </Link>
                  </div>
                </Td>
              </tr>
            ))}
          </DataTable>
          <Pagination page={result.page} pageSize={SUB_PARTNERS_PAGE_SIZE} total={result.total} basePath={base} params={{ q }} />
        </>
      )}
    </>
  );
}
