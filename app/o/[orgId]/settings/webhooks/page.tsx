import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { Forbidden, PageHeader } from '@/components/ui/primitives';
import { gatePage } from '@/lib/server/session';
import { listWebhookEndpoints } from '@/lib/webhooks/list-webhook-endpoints';
import { WebhooksPanel } from './webhooks-panel';

export const metadata: Metadata = { title: 'Webhooks' };

const iso = (d: Date | null) => d?.toISOString() ?? null;

export default async function WebhooksPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'webhooks.manage', 'partner');
  if (gate.denied) return <Forbidden message={gate.denied} next={gate.next} />;
  const endpoints = await listWebhookEndpoints({ db: getDb(), access: gate.access });
  return (
    <>
      <PageHeader
        title="Webhooks"
        description={
          <>
            Signed HTTPS calls to your systems whenever a customer, subscriber, billing report or trial changes — see{' '}
            <Link className="text-brand-700 underline" href="/docs/api#webhooks">
              the API docs
            </Link>{' '}
            for the payloads and how to verify a signature.
          </>
        }
      />
      <WebhooksPanel
        orgId={orgId}
        endpoints={endpoints.map((e) => ({
          id: e.id,
          url: e.url,
          description: e.description,
          eventTypes: e.eventTypes,
          includeIndirect: e.includeIndirect,
          enabled: e.enabled,
          disabledReason: e.disabledReason,
          failingSince: iso(e.failingSince),
          previousSecretExpiresAt: iso(e.previousSecretExpiresAt),
          createdAt: e.createdAt.toISOString(),
        }))}
      />
    </>
  );
}
