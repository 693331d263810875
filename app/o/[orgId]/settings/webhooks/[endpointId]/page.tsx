import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { Pagination } from '@/components/ui/pagination';
import { Badge, Card, EmptyState, Forbidden, PageHeader } from '@/components/ui/primitives';
import { DataTable, Td } from '@/components/ui/table';
import { formatTimestamp } from '@/lib/format';
import { NotFoundError } from '@/lib/platform/errors';
import { gatePage } from '@/lib/server/session';
import { listAttemptsSchema } from '@/lib/webhooks/endpoint-schema';
import { getWebhookEndpointOrThrow } from '@/lib/webhooks/get-webhook-endpoint-or-throw';
import { listWebhookAttempts } from '@/lib/webhooks/list-webhook-attempts';
import { RedeliverButton } from './redeliver-button';

export const metadata: Metadata = { title: 'Webhook delivery log' };

export default async function WebhookDeliveryLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string; endpointId: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const { orgId, endpointId } = await params;
  const gate = await gatePage(orgId, 'webhooks.manage', 'partner');
  if (gate.denied) return <Forbidden message={gate.denied} next={gate.next} />;
  const input = listAttemptsSchema.safeParse({ endpointId, page: (await searchParams).page ?? 1 });
  if (!input.success) notFound();
  const ctx = { db: getDb(), access: gate.access };
  const loaded = await Promise.all([getWebhookEndpointOrThrow(ctx.db, ctx.access, endpointId), listWebhookAttempts(ctx, input.data)]).catch(
    (err: unknown) => {
      if (err instanceof NotFoundError) notFound();
      throw err;
    },
  );
  const [endpoint, log] = loaded;
  const basePath = `/o/${orgId}/settings/webhooks/${endpoint.id}`;
  return (
    <>
      <PageHeader
        title="Delivery log"
        description={
          <>
            Every attempt to deliver an event to <code className="font-mono text-sm">{endpoint.url}</code>, newest first. Failed deliveries
            are retried with growing gaps for 24 hours.
          </>
        }
        actions={
          <Link href={`/o/${orgId}/settings/webhooks`} className="text-sm text-brand-700 underline">
            Back to webhooks
          </Link>
        }
      />
      <Card>
        {!endpoint.enabled && (
          <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            This endpoint is disabled{endpoint.disabledReason ? `: ${endpoint.disabledReason}` : '.'} Enable it to redeliver.
          </p>
        )}
        {log.items.length === 0 ? (
          <EmptyState title="No deliveries yet">Events this endpoint subscribes to will appear here as they are sent.</EmptyState>
        ) : (
          <DataTable
            variant="inset"
            caption="Delivery attempts"
            testId="webhook-attempts-table"
            columns={['Event', 'Attempt', 'Sent', 'Status code', 'Duration', 'Response', { label: 'Actions', srOnly: true }]}
          >
            {log.items.map((a) => (
              <tr key={a.id} data-testid="webhook-attempt-row">
                <Td>
                  <code className="font-mono text-xs">{a.eventType}</code>
                  <br />
                  <span className="font-mono text-xs text-slate-500">{a.eventId}</span>
                </Td>
                <Td>{a.attempt}</Td>
                <Td>{formatTimestamp(a.at)}</Td>
                <Td>
                  {a.statusCode === null ? (
                    <Badge tone="red">No answer</Badge>
                  ) : (
                    <Badge tone={a.ok ? 'green' : 'red'}>{a.statusCode}</Badge>
                  )}
                </Td>
                <Td>{a.durationMs === null ? '—' : `${a.durationMs} ms`}</Td>
                <Td className="max-w-sm">
                  <pre className="whitespace-pre-wrap break-all font-mono text-xs text-slate-700" data-testid="response-excerpt">
                    {a.responseExcerpt || '—'}
                  </pre>
                </Td>
                <Td>
                  <RedeliverButton orgId={orgId} deliveryId={a.deliveryId} eventType={a.eventType} disabled={!endpoint.enabled} />
                </Td>
              </tr>
            ))}
          </DataTable>
        )}
        <div className="mt-4">
          <Pagination page={log.page} pageSize={log.pageSize} total={log.total} basePath={basePath} />
        </div>
      </Card>
    </>
  );
}
