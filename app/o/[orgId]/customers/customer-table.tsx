'use client';
import Link from 'next/link';
import { useState } from 'react';
import type { TrialBadge } from '@/lib/trials/list-trials';
import { TrialTag } from './trial-tag';
import { useRouter } from 'next/navigation';
import { Badge } from '@/components/ui/primitives';
import { Dash, DataTable, Td, Truncate, type Column } from '@/components/ui/table';
import type { CustomerDetail } from '@/lib/customers/get-customer-detail';
import type { CustomerListRow } from '@/lib/customers/list-partner-customers';
import { isTransitional } from '@/lib/customers/status-machine';
import { formatDate, isoDateTime } from '@/lib/format';
import { BulkRbpm } from './bulk-rbpm';
import { CustomerStatusBadge } from './customer-status-badge';
import { PackageChips } from './package-chips';
import { useCustomerDetail } from './use-customer-detail';

export interface SortHeader {
  label: string;
  href: string;
  /** aria-sort of the column: only the sorted one says which way. */
  sort: 'ascending' | 'descending' | 'none';
}

interface RowProps {
  orgId: string;
  row: CustomerListRow;
  panelHref: string | null;
  selected: boolean;
  indirect: boolean;
  trial?: TrialBadge;
  /** Bulk selection, when the actor may use it: null = no checkbox column. */
  checked: boolean | null;
  onCheck: (on: boolean) => void;
}

/**
 * Only rows that can change under the user's eyes subscribe to the customer's query: one a
 * job works on (polled until it settles) and the selected one (it shares the panel's query,
 * so the panel's fresh data shows in the row). The rest render without a query observer —
 * 25 of them per list render were measurable server CPU (issue 13 item 6).
 */
function CustomerRow(props: RowProps) {
  const live = !!props.panelHref && (props.selected || isTransitional(props.row.status));
  return live ? <LiveCustomerRow {...props} /> : <CustomerRowView {...props} live={undefined} />;
}

/** A row that re-reads itself while a job works on the customer, so it turns Active without a reload. */
function LiveCustomerRow(props: RowProps) {
  // Only own customers poll: a sub-partner's customer is read through its own view.
  const { data } = useCustomerDetail(props.orgId, props.row.customerId, { enabled: isTransitional(props.row.status) });
  return <CustomerRowView {...props} live={data} />;
}

function CustomerRowView({
  row,
  panelHref,
  selected,
  indirect,
  trial,
  checked,
  onCheck,
  live,
}: RowProps & { live: CustomerDetail | undefined }) {
  const router = useRouter();
  const status = live?.status ?? row.status;
  const packages = live ? live.packages.map((p) => p.package) : row.packages;
  const users = live?.activeUsers ?? row.activeUsers;
  const rbpm = live?.rbpm ?? row.rbpm;
  const href = panelHref ?? `/o/${row.orgId}/users`;
  return (
    <tr
      className={`cursor-pointer hover:bg-slate-50 ${selected ? 'bg-brand-50' : ''}`}
      data-selected={selected || undefined}
      data-testid="customer-row"
      // The name link is the keyboard path; a click anywhere on the row does the same for the mouse.
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('a, button, input, label')) return;
        router.push(href, { scroll: false });
      }}
    >
      {checked !== null && (
        <Td className="w-10">
          {panelHref && (
            <input
              type="checkbox"
              className="h-4 w-4"
              aria-label={`Select ${row.name}`}
              checked={checked}
              onChange={(e) => onCheck(e.target.checked)}
            />
          )}
        </Td>
      )}
      <Td>
        <Link
          href={href}
          scroll={false}
          className="block max-w-72 truncate font-medium text-brand-700 hover:underline"
          title={`${row.name} — ${panelHref ? 'Show details' : 'View customer'}`}
        >
          {row.name}
        </Link>
        {trial && <TrialTag trial={trial} />}
      </Td>
      {indirect && (
        <Td>{row.owner ? <Truncate text={row.owner.name} max="max-w-48" /> : <span className="text-slate-500">Your organisation</span>}</Td>
      )}
      <Td className="whitespace-nowrap">
        <CustomerStatusBadge status={status} />
      </Td>
      <Td col="packages">
        <PackageChips packages={packages} />
      </Td>
      <Td col="users" className="text-right tabular-nums">
        {users}
      </Td>
      <Td col="rbpm" data-testid="customer-rbpm">
        {status === 'deprovisioned' ? <Dash /> : rbpm ? <Badge tone="blue">On</Badge> : <Badge>Off</Badge>}
      </Td>
      <Td col="externalId" className="font-mono text-xs">
        <Truncate text={row.externalId} max="max-w-40" />
      </Td>
      <Td col="created" className="whitespace-nowrap">
        <time dateTime={isoDateTime(row.createdAt)}>{formatDate(row.createdAt)}</time>
      </Td>
    </tr>
  );
}

const sortable = (h: SortHeader, key?: string, hideable = false): Column => ({
  key,
  hideable,
  menuLabel: h.label,
  sort: h.sort,
  label: (
    <Link href={h.href} className="inline-flex items-center gap-1 hover:text-slate-900">
      {h.label}
      <span aria-hidden>{h.sort === 'ascending' ? '▲' : h.sort === 'descending' ? '▼' : ''}</span>
    </Link>
  ),
});

/**
 * The customer list table (SPEC §4.2) on the shared DataTable: sticky header, a Columns
 * menu remembered in this browser, one-line cells with tooltips. Own customers open the
 * detail panel; an indirect provider's customers (a parent's explicit search) link to their
 * customer view instead. With `customers.rbpm`, own customers can be selected for bulk
 * Restricted by Partner Mode.
 */
export function CustomerTable({
  orgId,
  rows,
  headers,
  panelHrefs,
  selectedId,
  indirect,
  trials = {},
  canBulkRbpm = false,
}: {
  orgId: string;
  rows: CustomerListRow[];
  /** customer orgId → its open trial (SPEC §9: *Trial* badge and "N days left"). */
  trials?: Record<string, TrialBadge>;
  headers: { name: SortHeader; status: SortHeader; created: SortHeader };
  /** customerId → href that opens its panel (keeps the list's params). */
  panelHrefs: Record<string, string>;
  selectedId: string | null;
  indirect: boolean;
  canBulkRbpm?: boolean;
}) {
  const [picked, setPicked] = useState<string[]>([]);
  const selectable = canBulkRbpm ? rows.filter((r) => panelHrefs[r.customerId]) : [];
  // A selection only ever holds rows of this page (a new page or search drops the rest).
  const chosen = selectable.filter((r) => picked.includes(r.customerId));
  const all = selectable.length > 0 && chosen.length === selectable.length;
  const columns: Column[] = [
    ...(canBulkRbpm
      ? [
          {
            label: (
              <input
                type="checkbox"
                className="h-4 w-4"
                aria-label="Select all customers on this page"
                checked={all}
                disabled={selectable.length === 0}
                onChange={(e) => setPicked(e.target.checked ? selectable.map((r) => r.customerId) : [])}
              />
            ),
            className: 'w-10',
          },
        ]
      : []),
    sortable(headers.name),
    ...(indirect ? ['Indirect provider'] : []),
    sortable(headers.status),
    { label: 'Packages', key: 'packages', hideable: true },
    { label: 'Users', key: 'users', hideable: true, align: 'right' as const },
    { label: 'Restricted by Partner Mode', key: 'rbpm', hideable: true },
    { label: 'External ID', key: 'externalId', hideable: true },
    sortable(headers.created, 'created', true),
  ];
  const caption = indirect ? 'Customers of indirect providers' : 'Customers';
  return (
    <DataTable
      caption={caption}
      testId="customers-table"
      columns={columns}
      columnsId="customers"
      toolbar={canBulkRbpm ? <BulkRbpm orgId={orgId} customers={chosen} onDone={() => setPicked([])} /> : undefined}
    >
      {rows.map((r) => (
        <CustomerRow
          key={r.customerId}
          orgId={orgId}
          row={r}
          panelHref={panelHrefs[r.customerId] ?? null}
          selected={r.customerId === selectedId}
          indirect={indirect}
          trial={trials[r.orgId]}
          checked={canBulkRbpm ? picked.includes(r.customerId) : null}
          onCheck={(on) => setPicked((p) => (on ? [...p, r.customerId] : p.filter((id) => id !== r.customerId)))}
        />
      ))}
    </DataTable>
  );
}
