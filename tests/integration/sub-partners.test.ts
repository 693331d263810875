// Self-service sub-partner setup, invitations, suspend/reactivate (SPEC §6.4).
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  emailOutbox,
  invitations,
  orgRelations,
  orgs,
  roleGrants,
  subPartnerSubscriptions,
  subscriptions,
  users,
} from '@/db/schema';
import { resolveAccess, type Actor } from '@/lib/auth/access';
import { attemptSignIn } from '@/lib/auth/sign-in';
import { runAuthorized } from '@/lib/server/guard';
import { acceptInvitation, findOpenInvitation } from '@/lib/auth/invitations';
import { fixedClock } from '@/lib/platform/clock';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/platform/errors';
import type { ServiceDeps } from '@/lib/platform/service-ctx';
import { createSubPartner } from '@/lib/sub-partners/create-sub-partner';
import { setSubPartnerState } from '@/lib/sub-partners/set-sub-partner-state';
import { createSubPartnerSchema, setSubPartnerStateSchema } from '@/lib/sub-partners/sub-partner-schema';
import { freshDb } from './support/test-db';
import { makeAdmin, makePartner, makeSubPartner } from './support/fixtures';
import { oneRow } from '@/db/one-row';

const db = await freshDb();
const clock = fixedClock('2026-11-21T10:00:00Z');
const deps: ServiceDeps = { db, clock, jobs: { send: async () => {} } };

let parentId: string;
let subscriptionId: string;
let full: Actor;
let wholesaleOnly: Actor;
let readonly: Actor;
let otherPartnerSub: string;

beforeAll(async () => {
  const parent = await makePartner(db, { name: 'Parent Telecom' });
  parentId = parent.id;
  [{ id: subscriptionId }] = await db.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.partnerOrgId, parentId));
  full = await makeAdmin(db, parentId, ['partner_full_admin', 'wholesale_admin']);
  wholesaleOnly = await makeAdmin(db, parentId, ['wholesale_admin']);
  readonly = await makeAdmin(db, parentId, ['partner_readonly_admin']);
  const other = await makePartner(db);
  [{ id: otherPartnerSub }] = await db.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.partnerOrgId, other.id));
});

const setUp = (actor: Actor, input: Record<string, unknown>, orgId = parentId) =>
  runAuthorized(deps, { userId: actor.userId, orgId, input }, 'subPartners.manage', createSubPartnerSchema, createSubPartner);

const input = (email: string, extra: Record<string, unknown> = {}) => ({
  name: `Reseller ${email.split('@')[0]}`,
  adminEmail: email,
  adminFirstName: 'Ada',
  adminLastName: 'Admin',
  subscriptionId,
  ...extra,
});

const count = async (table: typeof orgs | typeof users) => (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;

describe('setting up a sub-partner', () => {
  it('creates the org, the managed-by relation, the shared subscription, the first admin and an invitation', async () => {
    const { orgId } = await setUp(full, input('first@reseller.test', { billingStartDate: '' }));
    const [org] = await db.select().from(orgs).where(eq(orgs.id, orgId));
    expect(org).toMatchObject({
      kind: 'sub_partner',
      parentPartnerId: parentId,
      wholesale: true,
      state: 'active',
      billingStartDate: '2026-11-21',
    });
    expect(
      await db
        .select()
        .from(orgRelations)
        .where(and(eq(orgRelations.managerOrgId, parentId), eq(orgRelations.managedOrgId, orgId))),
    ).toHaveLength(1);
    expect(await db.select().from(subPartnerSubscriptions).where(eq(subPartnerSubscriptions.subPartnerOrgId, orgId))).toEqual([
      { subPartnerOrgId: orgId, subscriptionId },
    ]);
    const admin = await oneRow(db.select().from(users).where(eq(users.email, 'first@reseller.test')), 'admin');
    expect(admin.orgId).toBe(orgId);
    expect(admin.passwordHash).toBeNull();
    const roles = (await db.select({ role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.userId, admin.id)))
      .map((r) => r.role)
      .sort();
    expect(roles).toEqual(['partner_full_admin', 'wholesale_admin']);
    const mail = await oneRow(db.select().from(emailOutbox).where(eq(emailOutbox.to, 'first@reseller.test')), 'mail');
    expect(mail).toMatchObject({ kind: 'invitation', orgId, status: 'queued' });
    expect(mail.body).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}/);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'subPartner.create'), eq(auditLog.targetId, orgId)));
    expect(entry).toMatchObject({ orgId: parentId, actorUserId: full.userId });
  });

  it('the invited admin sets a password once, then signs in and reaches only the new org', async () => {
    const { orgId } = await setUp(full, input('invited@reseller.test'));
    const mail = await oneRow(db.select().from(emailOutbox).where(eq(emailOutbox.to, 'invited@reseller.test')), 'mail');
    const token = mail.body.match(/\/invite\/([A-Za-z0-9_-]+)/)![1];
    expect(await findOpenInvitation(db, token, clock.now())).toMatchObject({ email: 'invited@reseller.test', orgName: 'Reseller invited' });
    await db.transaction((tx) => acceptInvitation(tx, { token, password: 'a-long-password', now: clock.now() }));
    const signedIn = await attemptSignIn(db, { email: 'invited@reseller.test', password: 'a-long-password', clientIp: '192.0.2.1' });
    if (!signedIn.ok) throw new Error('sign-in failed');
    const user = signedIn.user;
    await expect(
      db.transaction((tx) => acceptInvitation(tx, { token, password: 'another-password', now: clock.now() })),
    ).rejects.toBeInstanceOf(ValidationError);
    const actor = { userId: user.id, orgId, email: user.email, name: user.name };
    expect((await resolveAccess(db, actor, orgId))?.relation).toBe('own');
    expect(await resolveAccess(db, actor, parentId)).toBeNull();
  });

  it('an invitation expires after 7 days', async () => {
    await setUp(full, input('late@reseller.test'));
    const mail = await oneRow(db.select().from(emailOutbox).where(eq(emailOutbox.to, 'late@reseller.test')), 'mail');
    const token = mail.body.match(/\/invite\/([A-Za-z0-9_-]+)/)![1];
    const later = new Date(clock.now().getTime() + 7 * 86_400_000 + 1000);
    expect(await findOpenInvitation(db, token, later)).toBeNull();
    await expect(db.transaction((tx) => acceptInvitation(tx, { token, password: 'a-long-password', now: later }))).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('an e-mail already in use is a conflict and nothing is created', async () => {
    const before = [await count(orgs), await count(users)];
    await expect(setUp(full, input(full.email))).rejects.toBeInstanceOf(ConflictError);
    expect([await count(orgs), await count(users)]).toEqual(before);
  });

  it('two setups racing for one e-mail: exactly one wins', async () => {
    const results = await Promise.allSettled([
      setUp(full, input('race@reseller.test', { name: 'A' })),
      setUp(full, input('race@reseller.test', { name: 'B' })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    expect(
      await db
        .select()
        .from(orgs)
        .where(sql`${orgs.name} in ('A', 'B')`),
    ).toHaveLength(1);
  });

  it("another partner's subscription or bad input is refused with field errors", async () => {
    await expect(setUp(full, input('sub@reseller.test', { subscriptionId: otherPartnerSub }))).rejects.toMatchObject({
      fieldErrors: { subscriptionId: expect.any(Array) },
    });
    await expect(setUp(full, input('not-an-email'))).rejects.toMatchObject({ fieldErrors: { adminEmail: expect.any(Array) } });
    expect(await db.select().from(users).where(eq(users.email, 'sub@reseller.test'))).toHaveLength(0);
  });

  it('needs both full and wholesale admin; a sub-partner never sets up its own', async () => {
    await expect(setUp(wholesaleOnly, input('w@reseller.test'))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setUp(readonly, input('r@reseller.test'))).rejects.toBeInstanceOf(ForbiddenError);
    const sub = await makeSubPartner(db, parentId);
    const subAdmin = await makeAdmin(db, sub.id, ['partner_full_admin', 'wholesale_admin']);
    await expect(setUp(subAdmin, input('s@reseller.test'), sub.id)).rejects.toBeInstanceOf(ForbiddenError);
    // Cross-launched into the sub-partner, the parent can't either (one level only).
    await expect(setUp(full, input('cl@reseller.test'), sub.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('suspend and reactivate', () => {
  const setState = (actor: Actor, subPartnerOrgId: string, state: 'active' | 'suspended', orgId = parentId) =>
    runAuthorized(
      deps,
      { userId: actor.userId, orgId, input: { subPartnerOrgId, state } },
      'subPartners.manage',
      setSubPartnerStateSchema,
      setSubPartnerState,
    );

  it('changes the state and audits it', async () => {
    const sub = await makeSubPartner(db, parentId);
    await setState(full, sub.id, 'suspended');
    expect((await db.select({ state: orgs.state }).from(orgs).where(eq(orgs.id, sub.id)))[0].state).toBe('suspended');
    await setState(full, sub.id, 'active');
    const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, sub.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['subPartner.suspend', 'subPartner.reactivate']));
  });

  it("refuses another partner's sub-partner (404) and admins without both roles (403)", async () => {
    const other = await makePartner(db);
    const foreign = await makeSubPartner(db, other.id);
    await expect(setState(full, foreign.id, 'suspended')).rejects.toBeInstanceOf(NotFoundError);
    const mine = await makeSubPartner(db, parentId);
    await expect(setState(readonly, mine.id, 'suspended')).rejects.toBeInstanceOf(ForbiddenError);
    const subAdmin = await makeAdmin(db, mine.id, ['partner_full_admin', 'wholesale_admin']);
    await expect(setState(subAdmin, mine.id, 'suspended', mine.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.select({ state: orgs.state }).from(orgs).where(eq(orgs.id, foreign.id)))[0].state).toBe('active');
  });
});

it('invitations store only a hash of the token', async () => {
  const rows = await db.select({ tokenHash: invitations.tokenHash }).from(invitations);
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) expect(r.tokenHash).toMatch(/^[0-9a-f]{64}$/);
});
