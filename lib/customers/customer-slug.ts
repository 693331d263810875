import { and, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers } from '@/db/schema';

/** "Quill & Ink Bookshop" → "quill-and-ink-bookshop": DNS-safe, as the demo data spells them. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'customer';
}

/**
 * The DNS label for a customer's SIP domain and meetings site. Company names repeat, the
 * domains may not (unique index customers_sip_domain_unique): a taken slug gets a piece of
 * the customer id, which is stable, so a re-run of the job picks the same one.
 */
export async function customerSlug(db: DbOrTx, customerId: string, name: string, platformDomain: string): Promise<string> {
  const base = slugify(name);
  const [taken] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.sipDomain, `${base}.sip.${platformDomain}`), ne(customers.id, customerId)))
    .limit(1);
  return taken ? `${base}-${customerId.slice(0, 8)}` : base;
}
