import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { Badge, Card, Forbidden, PageHeader } from '@/components/ui/primitives';
import { DataTable, Td } from '@/components/ui/table';
import { listAdmins } from '@/lib/admins/list-admins';
import { decide } from '@/lib/auth/policy';
import { ROLE_NAMES } from '@/lib/domain/roles';
import { formatTimestamp } from '@/lib/format';
import { systemClock } from '@/lib/platform/clock';
import { gatePage } from '@/lib/server/session';
import { AdminRowActions, InviteAdminButton } from './admin-dialogs';

export const metadata: Metadata = { title: 'Administrators' };

export default async function AdministratorsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'org.read', 'partner');
  if (gate.denied) return <Forbidden message={gate.denied} next={gate.next} />;
  const canManage = decide(gate.access, 'admins.manage').allowed;
  const admins = await listAdmins({ db: getDb(), access: gate.access, clock: systemClock });
  const columns = ['Name', 'E-mail', 'Roles', 'Status', 'Last sign-in', ...(canManage ? [{ label: 'Actions', srOnly: true }] : [])];

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/o/${orgId}/settings`} className="text-brand-700 underline">
          Settings
        </Link>
      </p>
      <PageHeader
        title="Administrators"
        description={
          canManage
            ? `People who administer ${gate.access.org.name}. Changes apply on their next request.`
            : `People who administer ${gate.access.org.name}. Only partner full administrators can change them.`
        }
        actions={canManage ? <InviteAdminButton orgId={orgId} /> : undefined}
      />
      <Card>
        {admins.length === 0 ? (
          <p className="text-sm text-slate-600">No administrators.</p>
        ) : (
          <DataTable variant="inset" caption="Administrators" testId="administrators-table" columns={columns}>
            {admins.map((a) => (
              <tr key={a.userId} data-testid="admin-row">
                <Td valign="middle" className="font-medium">
                  {a.name}
                </Td>
                <Td valign="middle">{a.email}</Td>
                <Td valign="middle">
                  <ul className="flex flex-wrap gap-1">
                    {a.roles.map((r) => (
                      <li key={r}>
                        <Badge tone="blue">{ROLE_NAMES[r]}</Badge>
                      </li>
                    ))}
                  </ul>
                </Td>
                <Td valign="middle">
                  {a.status === 'active' ? <Badge tone="green">Active</Badge> : <Badge tone="amber">Invited</Badge>}
                  {a.status === 'invited' && (
                    <span className="ml-1 text-xs text-slate-600">
                      {a.invitationExpiresAt ? `link valid until ${formatTimestamp(a.invitationExpiresAt)}` : 'link expired'}
                    </span>
                  )}
                </Td>
                <Td valign="middle">{a.lastSignInAt ? formatTimestamp(a.lastSignInAt) : 'Never'}</Td>
                {canManage && (
                  <Td valign="middle">
                    <AdminRowActions
                      orgId={orgId}
                      admin={{ userId: a.userId, name: a.name, email: a.email, roles: a.roles, status: a.status }}
                    />
                  </Td>
                )}
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </>
  );
}
