import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { Pagination } from '@/components/ui/pagination';
import { Badge, Button, EmptyState, Forbidden, PageHeader, buttonClass } from '@/components/ui/primitives';
import { NoSearchResults } from '@/components/ui/empty-results';
import { SearchForm } from '@/components/ui/search-form';
import { Dash, DataTable, Td } from '@/components/ui/table';
import { decide, DENIAL_MESSAGES } from '@/lib/auth/policy';
import { getManagementOptions } from '@/lib/customer-view/get-management-options';
import { manageUsersReason } from '@/lib/customer-view/manage-users-reason';
import { SUBSCRIBERS_PAGE_SIZE, listSubscribers } from '@/lib/subscribers/list-subscribers';
import { PACKAGE_INFO } from '@/lib/domain/packages';
import { pageParam, param, type RawSearchParams } from '@/lib/paging/search-params';
import { gatePage } from '@/lib/server/session';
import { AddUsersForm } from './add-users-form';
import { UserRowActions, type RowPermissions } from './user-row-actions';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'cv.read', 'customer');
  if (gate.denied) return <Forbidden message={gate.denied} next={gate.next} />;
  const { access } = gate;
  const sp = await searchParams;
  const q = param(sp, 'q');
  const [result, options] = await Promise.all([
    listSubscribers(getDb(), access, { kind: 'user', q, page: pageParam(sp) }),
    getManagementOptions(getDb(), access),
  ]);
  const base = `/o/${access.org.id}/users`;

  // The buttons follow the same decisions the server actions enforce.
  const manage = decide(access, 'cv.users.manage');
  const primaryNumber = decide(access, 'cv.users.primaryNumber');
  const can: RowPermissions = {
    manage: manage.allowed && !!access.customer,
    editNames: decide(access, 'cv.users.editNames').allowed,
    primaryNumber: primaryNumber.allowed,
    primaryNumberReason: primaryNumber.allowed
      ? null
      : primaryNumber.reason === 'restricted_by_partner'
        ? 'restricted by your partner.'
        : DENIAL_MESSAGES[primaryNumber.reason],
  };
  const manageReason = manageUsersReason(manage, 'user management');
  const setUp = access.relation !== 'own' && decide(access, 'customerView.write').allowed;

  const actions = manageReason ? (
    <div className="flex flex-col items-end gap-1">
      <Button disabled data-testid="manage-users" title={manageReason} aria-describedby="manage-users-reason">
        Manage users
      </Button>
      <p id="manage-users-reason" className="max-w-xs text-right text-xs text-slate-600">
        {manageReason}
      </p>
    </div>
  ) : setUp ? (
    <Link href={`/o/${access.org.id}/setup`} className={buttonClass('secondary')}>
      Set up customer
    </Link>
  ) : undefined;
  const withActions = can.manage || can.editNames;

  return (
    <>
      <PageHeader title="Users" description={`People in ${access.org.name} and their calling and meetings services.`} actions={actions} />
      {can.manage && (
        <div className="mb-4">
          <AddUsersForm orgId={access.org.id} packages={options.packages} locations={options.locations} />
        </div>
      )}
      <SearchForm action={base} label="Search users" placeholder="Name or e-mail" defaultValue={q} />
      {result.total === 0 ? (
        q ? (
          <NoSearchResults q={q} href={base}>
            No user's name or e-mail contains that text.
          </NoSearchResults>
        ) : (
          <EmptyState title="No users yet">
            {can.manage
              ? 'Add the first users with Add users above: up to 25 at a time, each with a package and a location.'
              : (manageReason ?? 'Users appear here once they have been added to the organisation.')}
          </EmptyState>
        )
      ) : (
        <>
          <DataTable
            caption="Users"
            testId="users-table"
            columns={[
              'Name',
              'E-mail',
              'Package',
              'Location',
              'Extension',
              'Phone number',
              ...(withActions ? [{ label: 'Actions', srOnly: true }] : []),
            ]}
          >
            {result.rows.map((u) => (
              <tr key={u.id}>
                <Td>
                  <span className="font-medium">{u.name}</span>
                  {u.isAdmin && (
                    <span className="ml-2">
                      <Badge tone="blue">Administrator</Badge>
                    </span>
                  )}
                </Td>
                <Td>{u.email ?? <Dash />}</Td>
                <Td>{PACKAGE_INFO[u.package].name}</Td>
                <Td>{u.locationName}</Td>
                <Td className="tabular-nums">{u.extension ?? <Dash />}</Td>
                <Td className="tabular-nums">{u.phoneNumber ?? <Dash />}</Td>
                {withActions && (
                  <Td>
                    <UserRowActions orgId={access.org.id} user={u} packages={options.packages} can={can} />
                  </Td>
                )}
              </tr>
            ))}
          </DataTable>
          <Pagination page={result.page} pageSize={SUBSCRIBERS_PAGE_SIZE} total={result.total} basePath={base} params={{ q }} />
        </>
      )}
    </>
  );
}
