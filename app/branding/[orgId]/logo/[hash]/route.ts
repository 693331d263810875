import { getDb } from '@/db/client';
import { getLogo } from '@/lib/branding/get-logo';

/**
 * A partner's logo, public on purpose: customers' views and e-mails (read outside the
 * portal) show it. The content hash in the URL changes with every upload, so a response
 * can be cached for a year and never goes stale.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ orgId: string; hash: string }> }) {
  const { orgId, hash } = await params;
  const logo = await getLogo(getDb(), orgId, hash);
  if (!logo) return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      'Content-Type': logo.mime,
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
      'Content-Disposition': 'inline; filename="logo"',
    },
  });
}
