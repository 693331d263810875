import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { branding } from '@/db/schema';
import { isUuid } from '@/lib/auth/access';

/** The stored (re-encoded) logo for its content hash, or null. */
export async function getLogo(db: DbOrTx, orgId: string, hash: string): Promise<{ mime: string; bytes: Buffer } | null> {
  if (!isUuid(orgId) || !/^[0-9a-f]{32}$/.test(hash)) return null;
  const [row] = await db
    .select({ dataUrl: branding.logoDataUrl })
    .from(branding)
    .where(and(eq(branding.orgId, orgId), eq(branding.logoHash, hash)));
  const m = row?.dataUrl?.match(/^data:(image\/(?:png|jpeg));base64,(.+)$/);
  const [, mime, base64] = m ?? [];
  return mime && base64 ? { mime, bytes: Buffer.from(base64, 'base64') } : null;
}
