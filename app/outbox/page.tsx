import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { Pagination } from '@/components/ui/pagination';
import { Badge, EmptyState, PageHeader, type BadgeTone } from '@/components/ui/primitives';
import { DataTable, Td } from '@/components/ui/table';
import { env } from '@/lib/env';
import { formatTimestamp, isoDateTime } from '@/lib/format';
import { OUTBOX_PAGE_SIZE, listOutbox } from '@/lib/outbox/list-outbox';
import { pageParam, type RawSearchParams } from '@/lib/paging/search-params';
import { requireActor } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Outbox' };

const STATUS_TONE: Record<'queued' | 'sent' | 'failed', BadgeTone> = { queued: 'amber', sent: 'green', failed: 'red' };

/** Development/demo only (SPEC §10): the e-mails the product would send. */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  if (!env().DEMO_MODE) notFound();
  const actor = await requireActor();
  const result = await listOutbox(getDb(), actor, { page: pageParam(await searchParams) });
  // Only partner full administrators have an Outbox: for anyone else it does not exist.
  if (!result) notFound();

  return (
    <main className="mx-auto max-w-7xl px-4 py-8">
      <p className="mb-4 text-sm">
        <Link href="/" className="text-brand-700 underline">
          Back to Partner Hub
        </Link>
      </p>
      <PageHeader
        title="Outbox"
        description="E-mails sent for your organisation and e-mails your actions caused. One-time links are shown only to the administrator who caused them. Shown in demo mode only."
      />
      {result.total === 0 ? (
        <EmptyState title="No e-mails yet">E-mails such as welcome messages and invitations appear here when they are sent.</EmptyState>
      ) : (
        <>
          <DataTable caption="Outbox" testId="outbox-table" columns={['Created', 'To', 'Subject and body', 'Kind', 'Status']}>
            {result.rows.map((m) => (
              <tr key={m.id}>
                <Td className="whitespace-nowrap tabular-nums">
                  <time dateTime={isoDateTime(m.createdAt)}>{formatTimestamp(m.createdAt)}</time>
                </Td>
                <Td className="break-all">{m.to}</Td>
                <Td>
                  <details>
                    <summary className="cursor-pointer font-medium">{m.subject}</summary>
                    <pre className="mt-2 max-w-2xl whitespace-pre-wrap break-words rounded bg-slate-50 p-3 font-sans text-sm text-slate-800">
                      {m.body}
                    </pre>
                  </details>
                </Td>
                <Td className="font-mono text-xs">{m.kind}</Td>
                <Td>
                  <Badge tone={STATUS_TONE[m.status]}>{m.status}</Badge>
                  {m.status === 'failed' && m.lastError && <span className="mt-1 block text-xs text-red-700">{m.lastError}</span>}
                  {m.status === 'queued' && m.lastError && (
                    <span className="mt-1 block text-xs text-amber-800">Retrying: {m.lastError}</span>
                  )}
                </Td>
              </tr>
            ))}
          </DataTable>
          <Pagination page={result.page} pageSize={OUTBOX_PAGE_SIZE} total={result.total} basePath="/outbox" />
        </>
      )}
    </main>
  );
}
