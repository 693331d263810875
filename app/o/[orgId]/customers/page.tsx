import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { KeysetPagination } from '@/components/ui/keyset-pagination';
import { listHref } from '@/components/ui/pagination';
import { ClearLink } from '@/components/ui/empty-results';
import { EmptyState, Forbidden, PageHeader, buttonClass } from '@/components/ui/primitives';
import { decide } from '@/lib/auth/policy';
import {
  customerListQuery,
  DEFAULT_SORT_DIR,
  parseCustomerListParams,
  type CustomerListParams,
  type CustomerSort,
} from '@/lib/customers/customer-list-params';
import { getCustomerDetail, type CustomerDetail } from '@/lib/customers/get-customer-detail';
import { CUSTOMERS_PAGE_SIZE, listPartnerCustomers } from '@/lib/customers/list-partner-customers';
import { NotFoundError } from '@/lib/platform/errors';
import { param, type RawSearchParams } from '@/lib/paging/search-params';
import { gatePage, subPartnerCount } from '@/lib/server/session';
import { appDeps } from '@/lib/server/deps';
import { trialBadges } from '@/lib/trials/list-trials';
import { CustomerFilters } from './customer-filters';
import { CustomersTabs } from './customers-tabs';
import { CustomerPanel } from './customer-panel';
import { CustomerTable, type SortHeader } from './customer-table';

export const metadata: Metadata = { title: 'Customers' };

function sortHeader(base: string, p: CustomerListParams, sort: CustomerSort, label: string): SortHeader {
  const current = p.sort === sort;
  const dir = current ? (p.dir === 'asc' ? 'desc' : 'asc') : DEFAULT_SORT_DIR[sort];
  return {
    label,
    href: listHref(base, customerListQuery({ ...p, sort, dir, page: 1 })),
    sort: current ? (p.dir === 'asc' ? 'ascending' : 'descending') : 'none',
  };
}

export default async function CustomersPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'customers.read', 'partner');
  if (gate.denied) return <Forbidden message={gate.denied} next={gate.next} />;
  const { access } = gate;
  const db = getDb();
  const sp = await searchParams;
  const p = parseCustomerListParams(sp);

  // The scope switch exists for parents with indirect providers and the capability to search them (SPEC §1.2, §4.2).
  const subPartners = await subPartnerCount(access);
  const canSearchIndirect = subPartners > 0 && decide(access, 'subPartners.access').allowed;
  if (!canSearchIndirect) p.scope = 'own';

  const selectedId = param(sp, 'customer', 64) || null;
  const [list, detail] = await Promise.all([
    listPartnerCustomers(db, access, p),
    selectedId
      ? getCustomerDetail(db, access, selectedId).catch((err: unknown): CustomerDetail | null => {
          if (err instanceof NotFoundError) return null;
          throw err;
        })
      : Promise.resolve(null),
  ]);

  const trials = await trialBadges(
    db,
    access,
    list.rows.map((r) => r.orgId),
    appDeps().clock.now(),
  );
  const base = `/o/${access.org.id}/customers`;
  const query = customerListQuery({ ...p, page: list.page });
  const can = {
    write: decide(access, 'customers.write').allowed,
    delete: decide(access, 'customers.delete').allowed,
    rbpm: decide(access, 'customers.rbpm').allowed,
    openView: decide(access, 'customerView.open').allowed,
    startTrial: decide(access, 'trials.manage').allowed,
  };
  const panelHrefs = Object.fromEntries(
    list.rows.filter((r) => !r.owner).map((r) => [r.customerId, listHref(base, { ...query, customer: r.customerId })]),
  );
  const indirect = p.scope === 'indirect';
  const filtered = !!(p.q || p.status || p.package);
  // With no customer at all, the buttons sit in the empty state (what to do next) instead of the header.
  const empty = !list.needsQuery && list.total === 0 && !filtered;
  const createActions =
    can.write || can.startTrial ? (
      <>
        {can.write && (
          <Link href={`${base}/new`} className={buttonClass('primary')}>
            Create customer
          </Link>
        )}
        {can.startTrial && (
          <Link href={`${base}/start-trial`} className={buttonClass('primary')}>
            Start trial
          </Link>
        )}
      </>
    ) : undefined;

  return (
    <>
      <PageHeader title="Customers" description={`Customers of ${access.org.name}.`} actions={empty ? undefined : createActions} />
      <CustomersTabs orgId={access.org.id} />
      <CustomerFilters action={base} params={p} canSearchIndirect={canSearchIndirect} />
      <div>
        <div className="min-w-0">
          {list.needsQuery ? (
            <EmptyState title="Enter a search to include indirect providers’ customers">
              Their customers are found by explicit search only: type a name, an external ID or an org ID.
            </EmptyState>
          ) : list.total === 0 ? (
            filtered ? (
              <EmptyState
                title={p.q ? `No results for “${p.q}”` : 'No customers match these filters'}
                action={<ClearLink href={base}>Clear filters</ClearLink>}
              >
                Try another name, an exact external ID or an org ID, or clear the filters.
              </EmptyState>
            ) : (
              <EmptyState title="No customers yet" action={createActions}>
                {can.write
                  ? 'Create your first customer from an onboarding template.'
                  : can.startTrial
                    ? 'Start a trial to bring in your first customer.'
                    : 'Customers your organisation creates appear here.'}
              </EmptyState>
            )
          ) : (
            <>
              <CustomerTable
                orgId={access.org.id}
                rows={list.rows}
                trials={trials}
                indirect={indirect}
                panelHrefs={panelHrefs}
                selectedId={detail?.customerId ?? null}
                canBulkRbpm={can.rbpm && !indirect}
                headers={{
                  name: sortHeader(base, p, 'name', 'Name'),
                  status: sortHeader(base, p, 'status', 'Status'),
                  created: sortHeader(base, p, 'created', 'Created'),
                }}
              />
              <KeysetPagination
                page={list.page}
                pageSize={CUSTOMERS_PAGE_SIZE}
                rows={list.rows.length}
                total={list.total}
                totalCapped={list.totalCapped}
                lastPage={list.lastPage}
                prevCursor={list.prevCursor}
                nextCursor={list.nextCursor}
                basePath={base}
                params={{ ...query, page: undefined }}
              />
            </>
          )}
        </div>
        {detail && (
          <CustomerPanel key={detail.customerId} orgId={access.org.id} initial={detail} can={can} closeHref={listHref(base, query)} />
        )}
        {selectedId && !detail && (
          <p role="status" className="mt-4 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            That customer was not found among your customers.
          </p>
        )}
      </div>
    </>
  );
}
