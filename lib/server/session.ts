import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { env } from '@/lib/env';
import { sessionOverHttps, signedInUserId } from '@/lib/auth/session-token';
import { loadActor, resolveAccess, type Actor, type OrgAccess } from '@/lib/auth/access';
import type { Capability } from '@/lib/auth/permissions';
import { denialNextStep, type DenialReason } from '@/lib/auth/denial-next-step';
import { decide, DENIAL_MESSAGES } from '@/lib/auth/policy';
import { countSubPartners } from '@/lib/sub-partners/count-sub-partners';

/**
 * The signed-in user's id from the session cookie, the session row checked (memoised per
 * render), or null. Pages, server actions and session routes all ask this, not next-auth's
 * auth(): see lib/auth/session-token.ts for why and what is kept.
 */
export const signedInUser = cache(async (): Promise<string | null> => {
  const [jar, h] = await Promise.all([cookies(), headers()]);
  return signedInUserId(
    getDb(),
    { cookie: (name) => jar.get(name)?.value, https: sessionOverHttps(process.env, h.get('x-forwarded-proto')) },
    env().AUTH_SECRET,
  );
});

/** The signed-in person (memoised per request), or null. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const id = await signedInUser();
  return id ? loadActor(getDb(), id) : null;
});

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect('/sign-in');
  return actor;
}

/** Access to the org in the URL; 404 when the actor has no relation to it. */
export const orgAccess = cache(async (orgId: string): Promise<OrgAccess> => {
  const actor = await requireActor();
  const access = await resolveAccess(getDb(), actor, orgId);
  if (!access) notFound();
  return access;
});

export type PageGate =
  | { access: OrgAccess; denied: null; reason?: undefined; next?: undefined }
  | { access: OrgAccess; denied: string; reason: DenialReason; next: string };

/**
 * For pages: 404 when the org is unreachable or the page doesn't exist for this kind of
 * org; a friendly 403 message and what to do next (rendered by the page) when the capability is missing.
 */
export async function gatePage(orgId: string, capability: Capability, kind: 'partner' | 'customer'): Promise<PageGate> {
  const access = await orgAccess(orgId);
  const isCustomer = access.org.kind === 'customer';
  if ((kind === 'customer') !== isCustomer) notFound();
  const d = decide(access, capability);
  if (d.allowed) return { access: { ...access, reach: d.reach }, denied: null };
  return { access, denied: DENIAL_MESSAGES[d.reason], reason: d.reason, next: denialNextStep(access, d.reason) };
}

/** Memoised per request by org id (a primitive key: cache() compares arguments by identity). */
const subPartnerCountOf = cache((orgId: string): Promise<number> => countSubPartners(getDb(), orgId));

/**
 * The org's indirect-provider count, once per request: the layout (nav), the customer list
 * (scope switch) and the Overview (tile) all need it. Keyed by the org id, not the access
 * object: gatePage hands pages a copy of it (with the capability's reach), which an
 * object-keyed cache would miss — the list used to count twice.
 */
export const subPartnerCount = (access: OrgAccess): Promise<number> => subPartnerCountOf(access.org.id);
