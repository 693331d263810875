import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { branding, customers, orgs } from '@/db/schema';

export interface EffectiveBranding {
  /** The org whose branding applies (null = Partner Hub defaults). */
  sourceOrgId: string | null;
  sourceOrgName: string | null;
  logoUrl: string | null;
  lightAccent: string | null;
  darkAccent: string | null;
  supportUrl: string | null;
}

export const DEFAULT_BRANDING: EffectiveBranding = {
  sourceOrgId: null,
  sourceOrgName: null,
  logoUrl: null,
  lightAccent: null,
  darkAccent: null,
  supportUrl: null,
};

export const logoPath = (orgId: string, hash: string) => `/branding/${orgId}/logo/${hash}`;

type Row = typeof branding.$inferSelect;
const hasAny = (r: Row | undefined) => !!r && !!(r.logoHash || r.lightTheme?.accent || r.darkTheme?.accent || r.supportUrl);

/**
 * SPEC §10: a customer's own branding (its override), else its partner's, else — for a
 * sub-partner's customer — the parent partner's. A partner or sub-partner org: its own,
 * else (sub-partner) its parent's. Three small indexed reads at most.
 */
export async function effectiveBranding(db: DbOrTx, orgId: string): Promise<EffectiveBranding> {
  const [org] = await db.select({ id: orgs.id, kind: orgs.kind, parent: orgs.parentPartnerId }).from(orgs).where(eq(orgs.id, orgId));
  if (!org) return DEFAULT_BRANDING;
  const chain: string[] = [org.id];
  if (org.kind === 'customer') {
    const [c] = await db
      .select({ partner: customers.partnerOrgId, parent: orgs.parentPartnerId })
      .from(customers)
      .innerJoin(orgs, eq(orgs.id, customers.partnerOrgId))
      .where(eq(customers.orgId, org.id));
    if (c) chain.push(c.partner, ...(c.parent ? [c.parent] : []));
  } else if (org.parent) chain.push(org.parent);
  const rows = await db
    .select({ b: branding, name: orgs.name })
    .from(branding)
    .innerJoin(orgs, eq(orgs.id, branding.orgId))
    .where(inArray(branding.orgId, chain));
  for (const id of chain) {
    const hit = rows.find((r) => r.b.orgId === id);
    if (hit && hasAny(hit.b)) {
      const b = hit.b;
      return {
        sourceOrgId: id,
        sourceOrgName: hit.name,
        logoUrl: b.logoHash ? logoPath(id, b.logoHash) : null,
        lightAccent: b.lightTheme?.accent ?? null,
        darkAccent: b.darkTheme?.accent ?? null,
        supportUrl: b.supportUrl,
      };
    }
  }
  return DEFAULT_BRANDING;
}

/** The org's own branding row as the form edits it. */
export async function ownBranding(db: DbOrTx, orgId: string) {
  const [b] = await db.select().from(branding).where(eq(branding.orgId, orgId));
  return {
    lightAccent: b?.lightTheme?.accent ?? '',
    darkAccent: b?.darkTheme?.accent ?? '',
    supportUrl: b?.supportUrl ?? '',
    logoUrl: b?.logoHash ? logoPath(orgId, b.logoHash) : null,
  };
}
