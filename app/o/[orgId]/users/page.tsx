import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { Pagination } from '@/components/ui/pagination';
import { Badge, Button, EmptyState, Forbidden, PageHeader } from '@/components/ui/primitives';
import { SearchForm } from '@/components/ui/search-form';
import { Dash, DataTable, Td } from '@/components/ui/table';
import { decide, DENIAL_MESSAGES } from '@/lib/auth/policy';
import { SUBSCRIBERS_PAGE_SIZE, listSubscribers } from '@/lib/customer-view/list-subscribers';
import { PACKAGE_INFO } from '@/lib/domain/packages';
import { pageParam, param, type RawSearchParams } from '@/lib/paging/search-params';
import { gatePage } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<RawSearchParams> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'cv.read', 'customer');
  if (gate.denied) return <Forbidden message={gate.denied} />;
  const sp = await searchParams;
  const q = param(sp, 'q');
  const result = await listSubscribers(getDb(), gate.access, { kind: 'user', q, page: pageParam(sp) });
  const base = `/o/${gate.access.org.id}/users`;

  // Management UI arrives later: when allowed, nothing is shown yet; when denied, say why.
  const manage = decide(gate.access, 'cv.users.manage');
  const manageReason = manage.allowed ? null
    : manage.reason === 'restricted_by_partner' ? 'Your partner has restricted user management.' : DENIAL_MESSAGES[manage.reason];
  const actions = manageReason ? (
    <div className="flex flex-col items-end gap-1">
      <Button disabled data-testid="manage-users" title={manageReason} aria-describedby="manage-users-reason">Manage users</Button>
      <p id="manage-users-reason" className="max-w-xs text-right text-xs text-slate-600">{manageReason}</p>
    </div>
  ) : undefined;

  return (
    <>
      <PageHeader title="Users" description={`People in ${gate.access.org.name} and their calling and meetings services.`} actions={actions} />
      <SearchForm action={base} label="Search users" placeholder="Name or e-mail" defaultValue={q} />
      {result.total === 0 ? (
        q ? <EmptyState title={`No results for “${q}”`}>No user's name or e-mail contains that text.</EmptyState>
          : <EmptyState title="No users yet">Users appear here once they have been added to the organisation.</EmptyState>
      ) : (
        <>
          <DataTable caption="Users" testId="users-table" columns={['Name', 'E-mail', 'Package', 'Location', 'Extension', 'Phone number']}>
            {result.rows.map((u) => (
              <tr key={u.id}>
                <Td>
                  <span className="font-medium">{u.name}</span>
                  {u.isAdmin && <span className="ml-2"><Badge tone="blue">Administrator</Badge></span>}
                </Td>
                <Td>{u.email ?? <Dash />}</Td>
                <Td>{PACKAGE_INFO[u.package].name}</Td>
                <Td>{u.locationName}</Td>
                <Td className="tabular-nums">{u.extension ?? <Dash />}</Td>
                <Td className="tabular-nums">{u.phoneNumber ?? <Dash />}</Td>
              </tr>
            ))}
          </DataTable>
          <Pagination page={result.page} pageSize={SUBSCRIBERS_PAGE_SIZE} total={result.total} basePath={base} params={{ q }} />
        </>
      )}
    </>
  );
}
