import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { Forbidden, PageHeader } from '@/components/ui/primitives';
import { listApiTokens } from '@/lib/api-tokens/list-api-tokens';
import { SCOPE_LABELS } from '@/lib/auth/token-scopes';
import { API_SCOPES } from '@/lib/domain/statuses';
import { gatePage } from '@/lib/server/session';
import { ApiTokensPanel } from './api-tokens-panel';

export const metadata: Metadata = { title: 'API tokens' };

export default async function ApiTokensPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const gate = await gatePage(orgId, 'apiTokens.manage', 'partner');
  if (gate.denied) return <Forbidden message={gate.denied} next={gate.next} />;
  const tokens = await listApiTokens({ db: getDb(), access: gate.access });
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Tokens let your back-office systems call the{' '}
            <Link className="text-brand-700 underline" href="/docs/api">
              Wholesale API
            </Link>{' '}
            as this organisation, limited to the scopes you choose.
          </>
        }
      />
      <ApiTokensPanel
        orgId={orgId}
        scopes={API_SCOPES.map((s) => ({ id: s, label: SCOPE_LABELS[s] }))}
        tokens={tokens.map((t) => ({
          id: t.id,
          name: t.name,
          prefix: t.prefix,
          scopes: t.scopes,
          createdBy: t.createdByEmail,
          createdAt: t.createdAt.toISOString(),
          lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
          expiresAt: t.expiresAt?.toISOString() ?? null,
        }))}
      />
    </>
  );
}
