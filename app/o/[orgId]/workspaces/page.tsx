import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { Pagination } from '@/components/ui/pagination';
import { EmptyState, Forbidden, PageHeader } from '@/components/ui/primitives';
import { NoSearchResults } from '@/components/ui/empty-results';
import { SearchForm } from '@/components/ui/search-form';
import { Dash, DataTable, Td } from '@/components/ui/table';
import { SUBSCRIBERS_PAGE_SIZE, listSubscribers } from '@/lib/subscribers/list-subscribers';
import { PACKAGE_INFO } from '@/lib/domain/packages';
import { pageParam, param, type RawSearchParams } from '@/lib/paging/search-params';
import { decide } from '@/lib/auth/policy';
import { getManagementOptions } from '@/lib/customer-view/get-management-options';
import { manageUsersReason } from '@/lib/customer-view/manage-users-reason';
import { gatePage } from '@/lib/server/session';
import { AddWorkspaceForm } from './add-workspace-form';

export const metadata: Metadata = { title: 'Workspaces' };

export default async function WorkspacesPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'cv.read', 'customer');
  if (gate.denied) return <Forbidden message={gate.denied} next={gate.next} />;
  const sp = await searchParams;
  const q = param(sp, 'q');
  const manage = decide(gate.access, 'cv.users.manage');
  const canAdd = manage.allowed && !!gate.access.customer;
  // No Add button without saying why (under RBPM, read only, managed through the API).
  const addReason = manageUsersReason(manage, 'adding workspaces');
  const [result, options] = await Promise.all([
    listSubscribers(getDb(), gate.access, { kind: 'workspace', q, page: pageParam(sp) }),
    canAdd ? getManagementOptions(getDb(), gate.access) : null,
  ]);
  const base = `/o/${gate.access.org.id}/workspaces`;

  return (
    <>
      <PageHeader title="Workspaces" description="Shared spaces and common-area devices, such as lobby and break-room phones." />
      {addReason && (
        <p className="mb-4 text-sm text-slate-600" data-testid="add-workspace-reason">
          {addReason}
        </p>
      )}
      {options && options.packages.length > 0 && (
        <div className="mb-4">
          <AddWorkspaceForm orgId={gate.access.org.id} packages={options.packages} locations={options.locations} />
        </div>
      )}
      <SearchForm action={base} label="Search workspaces" placeholder="Workspace name" defaultValue={q} />
      {result.total === 0 ? (
        q ? (
          <NoSearchResults q={q} href={base}>
            No workspace name contains that text.
          </NoSearchResults>
        ) : (
          <EmptyState title="No workspaces yet">
            {options && options.packages.length > 0
              ? 'Add a lobby or break-room phone with Add workspace above.'
              : (addReason ?? 'Workspaces appear here once they have been added.')}
          </EmptyState>
        )
      ) : (
        <>
          <DataTable caption="Workspaces" testId="workspaces-table" columns={['Name', 'Package', 'Location', 'Extension', 'Phone number']}>
            {result.rows.map((w) => (
              <tr key={w.id}>
                <Td className="font-medium">{w.name}</Td>
                <Td>{PACKAGE_INFO[w.package].name}</Td>
                <Td>{w.locationName}</Td>
                <Td className="tabular-nums">{w.extension ?? <Dash />}</Td>
                <Td className="tabular-nums">{w.phoneNumber ?? <Dash />}</Td>
              </tr>
            ))}
          </DataTable>
          <Pagination page={result.page} pageSize={SUBSCRIBERS_PAGE_SIZE} total={result.total} basePath={base} params={{ q }} />
        </>
      )}
    </>
  );
}
