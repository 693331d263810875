import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { Pagination } from '@/components/ui/pagination';
import { Badge, Button, EmptyState, Forbidden, PageHeader } from '@/components/ui/primitives';
import { SearchForm } from '@/components/ui/search-form';
import { decide, DENIAL_MESSAGES } from '@/lib/auth/policy';
import { SUBSCRIBERS_PAGE_SIZE, listSubscribers } from '@/lib/customer-view/list-subscribers';
import { PACKAGE_INFO } from '@/lib/domain/packages';
import { pageParam, param, type RawSearchParams } from '@/lib/paging/search-params';
import { gatePage } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Users' };

const th = 'px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600';
const td = 'px-4 py-3 align-top';
const dash = <span className="text-slate-400">—</span>;

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
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="users-table">
              <caption className="sr-only">Users</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={th}>Name</th>
                  <th scope="col" className={th}>E-mail</th>
                  <th scope="col" className={th}>Package</th>
                  <th scope="col" className={th}>Location</th>
                  <th scope="col" className={th}>Extension</th>
                  <th scope="col" className={th}>Phone number</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {result.rows.map((u) => (
                  <tr key={u.id}>
                    <td className={td}>
                      <span className="font-medium">{u.name}</span>
                      {u.isAdmin && <span className="ml-2"><Badge tone="blue">Administrator</Badge></span>}
                    </td>
                    <td className={td}>{u.email ?? dash}</td>
                    <td className={td}>{PACKAGE_INFO[u.package].name}</td>
                    <td className={td}>{u.locationName}</td>
                    <td className={`${td} tabular-nums`}>{u.extension ?? dash}</td>
                    <td className={`${td} tabular-nums`}>{u.phoneNumber ?? dash}</td>
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
