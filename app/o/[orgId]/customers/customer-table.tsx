'use client';
import Link from 'next/link';
import type { TrialBadge } from '@/lib/trials/list-trials';
import { TrialTag } from './_components/trial-tag';
import { useRouter } from 'next/navigation';
import { Badge } from '@/components/ui/primitives';
import type { CustomerDetail } from '@/lib/customers/get-customer-detail';
import type { CustomerListRow } from '@/lib/customers/list-partner-customers';
import { isTransitional } from '@/lib/customers/status-machine';
import { PACKAGE_INFO } from '@/lib/domain/packages';
import { formatDate, isoDateTime } from '@/lib/format';
import { CustomerStatusBadge } from './customer-status-badge';
import { useCustomerDetail } from './use-customer-detail';

const th = 'px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600';
const td = 'px-4 py-3 align-top';
const dash = <span className="text-slate-400">—</span>;

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

function CustomerRowView({ row, panelHref, selected, indirect, trial, live }: RowProps & { live: CustomerDetail | undefined }) {
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
        if ((e.target as HTMLElement).closest('a, button')) return;
        router.push(href, { scroll: false });
      }}
    >
      <td className={td}>
        <Link
          href={href}
          scroll={false}
          className="font-medium text-brand-700 hover:underline"
          title={panelHref ? 'Show details' : 'View customer'}
        >
          {row.name}
        </Link>
        {trial && <TrialTag trial={trial} />}
      </td>
      {indirect && <td className={td}>{row.owner?.name ?? <span className="text-slate-500">Your organisation</span>}</td>}
      <td className={`${td} whitespace-nowrap`}>
        <CustomerStatusBadge status={status} />
      </td>
      <td className={td}>{packages.length ? packages.map((p) => PACKAGE_INFO[p].name).join(', ') : dash}</td>
      <td className={`${td} text-right tabular-nums`}>{users}</td>
      <td className={td}>{status === 'deprovisioned' ? dash : rbpm ? <Badge tone="blue">On</Badge> : <Badge>Off</Badge>}</td>
      <td className={`${td} font-mono text-xs`}>{row.externalId}</td>
      <td className={`${td} whitespace-nowrap`}>
        <time dateTime={isoDateTime(row.createdAt)}>{formatDate(row.createdAt)}</time>
      </td>
    </tr>
  );
}

/**
 * The customer list table (SPEC §4.2). Own customers open the detail panel; an indirect
 * provider's customers (a parent's explicit search) link to their customer view instead.
 */
export function CustomerTable({
  orgId,
  rows,
  headers,
  panelHrefs,
  selectedId,
  indirect,
  trials = {},
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
}) {
  const sortable = (h: SortHeader, extra = '') => (
    <th scope="col" className={`${th} ${extra}`} aria-sort={h.sort}>
      <Link href={h.href} className="inline-flex items-center gap-1 hover:text-slate-900">
        {h.label}
        <span aria-hidden>{h.sort === 'ascending' ? '▲' : h.sort === 'descending' ? '▼' : ''}</span>
      </Link>
    </th>
  );
  return (
    <div
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
      tabIndex={0}
      role="region"
      aria-label={indirect ? 'Customers of indirect providers' : 'Customers'}
    >
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="customers-table">
        <caption className="sr-only">{indirect ? 'Customers of indirect providers' : 'Customers'}</caption>
        <thead className="bg-slate-50">
          <tr>
            {sortable(headers.name)}
            {indirect && (
              <th scope="col" className={th}>
                Indirect provider
              </th>
            )}
            {sortable(headers.status)}
            <th scope="col" className={th}>
              Packages
            </th>
            <th scope="col" className={`${th} text-right`}>
              Users
            </th>
            <th scope="col" className={th}>
              Restricted by Partner Mode
            </th>
            <th scope="col" className={th}>
              External ID
            </th>
            {sortable(headers.created)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <CustomerRow
              key={r.customerId}
              orgId={orgId}
              row={r}
              panelHref={panelHrefs[r.customerId] ?? null}
              selected={r.customerId === selectedId}
              indirect={indirect}
              trial={trials[r.orgId]}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
