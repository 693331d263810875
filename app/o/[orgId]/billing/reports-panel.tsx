'use client';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, useTransition } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Badge, Button, EmptyState, type BadgeTone } from '@/components/ui/primitives';
import { DataTable, Dash, Td } from '@/components/ui/table';
import { useToast } from '@/components/ui/toast';
import { REPORT_TYPE_NAMES, REPORT_TYPE_ROWS, reportTypeName } from '@/lib/billing/report-type-labels';
import type { BillingReportView } from '@/lib/billing/report-view';
import type { ReportStatus } from '@/lib/domain/statuses';
import { formatDate, formatTimestamp } from '@/lib/format';
import { deleteReportAction } from './actions';
import { fetchReports, REPORTS_PAGE_SIZE, reportsQueryKey } from './reports-query';

const STATUS: Record<ReportStatus, { label: string; tone: BadgeTone }> = {
  IN_PROGRESS: { label: 'In progress', tone: 'amber' },
  COMPLETED: { label: 'Completed', tone: 'green' },
  FAILED: { label: 'Failed', tone: 'red' },
};

const period = (r: BillingReportView) => `${formatDate(r.billingStartDate)} – ${formatDate(r.billingEndDate)}`;

/**
 * The report list with live status: while any report is IN_PROGRESS the list is
 * re-fetched every 2 s (no reload); Download asks for a fresh signed link each time.
 */
export function ReportsPanel({
  orgId,
  initial,
  canWrite,
  showSubPartner,
}: {
  orgId: string;
  initial: { items: BillingReportView[] };
  canWrite: boolean;
  showSubPartner: boolean;
}) {
  const [offset, setOffset] = useState(0);
  const query = useQuery({
    queryKey: reportsQueryKey(orgId, offset),
    queryFn: () => fetchReports(orgId, offset),
    initialData: offset === 0 ? initial : undefined,
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === 'IN_PROGRESS') ? 2_000 : false),
  });
  const items = query.data?.items ?? [];
  const rows = items.slice(0, REPORTS_PAGE_SIZE);
  const hasOlder = items.length > REPORTS_PAGE_SIZE;
  const announcement = useStatusAnnouncement(rows);
  const [toDelete, setToDelete] = useState<BillingReportView | null>(null);
  const [deleting, startDelete] = useTransition();
  const [downloading, setDownloading] = useState<string | null>(null);
  const toast = useToast();
  const queryClient = useQueryClient();

  async function download(r: BillingReportView) {
    setDownloading(r.id);
    try {
      const res = await fetch(`/api/orgs/${orgId}/billing/reports/${r.id}`, { cache: 'no-store' });
      const body = await res.json();
      if (!res.ok || !body.tempDownloadURL) throw new Error(body.message ?? 'The report is not ready to download.');
      window.location.assign(body.tempDownloadURL);
    } catch (err) {
      toast(err instanceof Error ? err.message : 'The download could not start.', 'error');
    } finally {
      setDownloading(null);
    }
  }

  function confirmDelete() {
    const r = toDelete;
    if (!r) return;
    startDelete(async () => {
      const result = await deleteReportAction(orgId, { reportId: r.id });
      setToDelete(null);
      if (!result.ok) {
        toast(result.message, 'error');
        return;
      }
      toast(`Deleted the ${reportTypeName(r.type)} for ${period(r)}.`);
      await queryClient.invalidateQueries({ queryKey: reportsQueryKey(orgId) });
    });
  }

  const columns = [
    'Period',
    'Type',
    ...(showSubPartner ? ['Indirect provider'] : []),
    'Status',
    'Requested',
    { label: 'Rows', align: 'right' as const },
    { label: 'Actions', srOnly: true },
  ];

  return (
    <div>
      <p aria-live="polite" className="sr-only" data-testid="report-announcement">
        {announcement}
      </p>
      {query.isError && (
        <p role="alert" className="mb-3 text-sm text-red-700">
          {query.error.message}
        </p>
      )}
      {rows.length === 0 ? (
        <EmptyState title="No billing reports yet">
          {canWrite ? 'Create one above; it is generated in the background.' : 'A full or wholesale administrator can create one.'}
        </EmptyState>
      ) : (
        <DataTable variant="inset" caption="Billing reports" testId="reports-table" columns={columns}>
          {rows.map((r) => (
            <tr
              key={r.id}
              data-testid="report-row"
              data-report-id={r.id}
              data-status={r.status}
              data-type={r.type}
              data-period={`${r.billingStartDate}/${r.billingEndDate}`}
            >
              <Td className="whitespace-nowrap">{period(r)}</Td>
              <Td>
                <span className="whitespace-nowrap">{REPORT_TYPE_NAMES[r.type]}</span>
                <span className="block text-xs text-slate-500">{REPORT_TYPE_ROWS[r.type]}</span>
              </Td>
              {showSubPartner && <Td>{r.subPartnerName ?? <Dash />}</Td>}
              <Td>
                <Badge tone={STATUS[r.status].tone}>{STATUS[r.status].label}</Badge>
                {r.status === 'FAILED' && r.errors[0] && <p className="mt-1 text-xs text-red-700">{r.errors[0].description}</p>}
              </Td>
              <Td className="text-slate-600">
                {formatTimestamp(r.created)}
                {r.createdByEmail && <span className="block text-xs">{r.createdByEmail}</span>}
              </Td>
              <Td className="text-right tabular-nums">{r.rowCount == null ? <Dash /> : r.rowCount.toLocaleString('en')}</Td>
              <Td className="whitespace-nowrap text-right">
                {r.status === 'COMPLETED' && (
                  <Button
                    variant="secondary"
                    onClick={() => download(r)}
                    disabled={downloading === r.id}
                    aria-label={`Download the ${reportTypeName(r.type)} for ${period(r)}`}
                  >
                    {downloading === r.id ? 'Preparing…' : 'Download'}
                  </Button>
                )}
                {canWrite && (
                  <Button
                    variant="ghost"
                    className="ml-2 text-red-700"
                    onClick={() => setToDelete(r)}
                    aria-label={`Delete the ${reportTypeName(r.type)} for ${period(r)}`}
                  >
                    Delete
                  </Button>
                )}
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
      {(offset > 0 || hasOlder) && (
        <nav aria-label="Report pages" className="mt-4 flex gap-2">
          <Button variant="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - REPORTS_PAGE_SIZE))}>
            Newer
          </Button>
          <Button variant="secondary" disabled={!hasOlder} onClick={() => setOffset(offset + REPORTS_PAGE_SIZE)}>
            Older
          </Button>
        </nav>
      )}
      <ConfirmDialog
        open={toDelete !== null}
        title="Delete billing report?"
        confirmLabel="Delete report"
        pending={deleting}
        onConfirm={confirmDelete}
        onClose={() => setToDelete(null)}
      >
        {toDelete && (
          <>
            The {reportTypeName(toDelete.type)} for {period(toDelete)}
            {toDelete.subPartnerName ? ` (${toDelete.subPartnerName})` : ''} will be deleted, and any download links already handed out stop
            working.
          </>
        )}
      </ConfirmDialog>
    </div>
  );
}

/** Tells screen-reader users when a report they are waiting for finishes. */
function useStatusAnnouncement(rows: BillingReportView[]): string {
  const previous = useRef(new Map<string, ReportStatus>());
  const [text, setText] = useState('');
  useEffect(() => {
    const finished = rows.filter((r) => previous.current.get(r.id) === 'IN_PROGRESS' && r.status !== 'IN_PROGRESS');
    if (finished.length)
      setText(finished.map((r) => `The ${reportTypeName(r.type)} for ${period(r)} is ${STATUS[r.status].label.toLowerCase()}.`).join(' '));
    previous.current = new Map(rows.map((r) => [r.id, r.status]));
  }, [rows]);
  return text;
}
