// Settings → Administrators (SPEC §10, issue 15): invite → accept → act with exactly the
// granted roles; change roles and remove apply on the next request; the last partner full
// administrator survives a race; another org's admin id is a 404.
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, emailOutbox, roleGrants, users } from '@/db/schema';
import { adminOps } from '@/lib/admins/admin-operations';
import { authorize, runAuthorized } from '@/lib/server/guard';
import { acceptInvitation, findOpenInvitation } from '@/lib/auth/invitations';
import { attemptSignIn } from '@/lib/auth/sign-in';
import { createSession, isSessionLive } from '@/lib/auth/sessions';
import type { Actor } from '@/lib/auth/access';
import type { Capability } from '@/lib/auth/permissions';
import { fixedClock } from '@/lib/platform/clock';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/platform/errors';
import type { ServiceDeps } from '@/lib/platform/service-ctx';
import { freshDb } from './support/test-db';
import { makeAdmin, makePartner, makeSubPartner } from './support/fixtures';

const db = await freshDb();
const clock = fixedClock('2026-11-21T10:00:00Z');
const deps: ServiceDeps = { db, clock, jobs: { send: async () => {} } };

type Ops = typeof adminOps;
const call = <K extends keyof Ops>(op: K, who: { userId: string }, orgId: string, input: unknown) => {
  const o = adminOps[op];
  return runAuthorized(deps, { userId: who.userId, orgId, input }, o.capability, o.schema, o.handler as never) as Promise<
    Awaited<ReturnType<Ops[K]['handler']>>
  >;
};
const allowed = (userId: string, orgId: string, c: Capability) =>
  authorize(deps, userId, orgId, c).then(
    () => true,
    (e) => {
      if (e instanceof ForbiddenError) return false;
      throw e;
    },
  );
const activate = (a: Actor) => db.update(users).set({ passwordHash: 'set' }).where(eq(users.id, a.userId));
const rolesOf = async (userId: string, orgId: string) =>
  (
    await db
      .select({ role: roleGrants.role })
      .from(roleGrants)
      .where(and(eq(roleGrants.userId, userId), eq(roleGrants.orgId, orgId)))
  )
    .map((r) => r.role)
    .sort();
const tokenFor = async (email: string) => {
  const mails = await db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.to, email))
    .orderBy(sql`${emailOutbox.createdAt} desc`);
  return mails.map((m) => m.body.match(/\/invite\/([A-Za-z0-9_-]+)/)![1]);
};

let partnerId: string;
let full: Actor;
let readonly: Actor;

beforeAll(async () => {
  partnerId = (await makePartner(db, { name: 'Admin Partner' })).id;
  full = await makeAdmin(db, partnerId, ['partner_full_admin', 'wholesale_admin']);
  readonly = await makeAdmin(db, partnerId, ['partner_readonly_admin']);
  await Promise.all([activate(full), activate(readonly)]);
});

describe('inviting an administrator', () => {
  it('invite → accept → the new admin acts with exactly the granted roles', async () => {
    const { userId } = await call('invite', full, partnerId, {
      email: 'New.Admin@Partner.test',
      firstName: 'Nia',
      lastName: 'New',
      roles: ['wholesale_admin'],
    });
    const [u] = await db.select().from(users).where(eq(users.id, userId));
    expect(u).toMatchObject({ email: 'new.admin@partner.test', orgId: partnerId, passwordHash: null });
    expect(await rolesOf(userId, partnerId)).toEqual(['wholesale_admin']);
    const listed = (await call('list', readonly, partnerId, {})).find((a) => a.userId === userId);
    expect(listed).toMatchObject({ status: 'invited', roles: ['wholesale_admin'], lastSignInAt: null });
    expect(listed?.invitationExpiresAt?.toISOString()).toBe('2026-11-28T10:00:00.000Z');

    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.to, 'new.admin@partner.test'));
    expect(mail).toMatchObject({ kind: 'invitation', orgId: partnerId, status: 'queued' });
    const [token] = await tokenFor('new.admin@partner.test');
    // Only the hash is stored: the token itself is nowhere in the database.
    expect(JSON.stringify(await db.execute(sql`select token_hash from invitations`))).not.toContain(token);
    expect(await findOpenInvitation(db, token, clock.now())).toMatchObject({ email: 'new.admin@partner.test' });
    await db.transaction((tx) => acceptInvitation(tx, { token, password: 'a-long-password', now: clock.now() }));
    const signedIn = await attemptSignIn(db, { email: 'new.admin@partner.test', password: 'a-long-password', clientIp: '127.0.0.1' });
    expect(signedIn.ok && signedIn.user.id).toBe(userId);

    expect(await allowed(userId, partnerId, 'customers.write')).toBe(true);
    expect(await allowed(userId, partnerId, 'templates.write')).toBe(true);
    expect(await allowed(userId, partnerId, 'billing.reports.write')).toBe(true);
    expect(await allowed(userId, partnerId, 'admins.manage')).toBe(false);
    expect(await allowed(userId, partnerId, 'branding.manage')).toBe(false);
    await expect(
      call('invite', { userId }, partnerId, { email: 'x@partner.test', firstName: 'X', lastName: 'Y', roles: ['sales_admin'] }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await call('list', full, partnerId, {})).find((a) => a.userId === userId)?.status).toBe('active');
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'admin.invite'), eq(auditLog.targetId, userId)));
    expect(entry).toMatchObject({
      orgId: partnerId,
      actorUserId: full.userId,
      after: expect.objectContaining({ roles: ['wholesale_admin'] }),
    });
  });

  it('refuses bad input with field errors and an e-mail already in use, changing nothing', async () => {
    const before = (await db.select({ n: sql<number>`count(*)::int` }).from(users))[0].n;
    await expect(call('invite', full, partnerId, { email: 'nope', firstName: '', lastName: 'L', roles: [] })).rejects.toMatchObject({
      fieldErrors: { email: expect.any(Array), firstName: expect.any(Array), roles: ['Choose at least one role.'] },
    });
    await expect(
      call('invite', full, partnerId, { email: 'x@p.test', firstName: 'A', lastName: 'B', roles: ['customer_full_admin'] }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      call('invite', full, partnerId, { email: readonly.email, firstName: 'A', lastName: 'B', roles: ['sales_admin'] }),
    ).rejects.toMatchObject({ errorCode: 13002, fieldErrors: { email: expect.any(Array) } });
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(users))[0].n).toBe(before);
  });

  it('only partner full administrators manage admins; read-only admins see the list', async () => {
    await expect(
      call('invite', readonly, partnerId, { email: 'r@partner.test', firstName: 'R', lastName: 'R', roles: ['sales_admin'] }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await call('list', readonly, partnerId, {})).map((a) => a.email)).toContain(full.email);
  });

  it('re-send makes a new link and the old one stops working; cancel ends the invitation', async () => {
    const { userId } = await call('invite', full, partnerId, {
      email: 'resend@partner.test',
      firstName: 'Re',
      lastName: 'Send',
      roles: ['sales_admin'],
    });
    const [first] = await tokenFor('resend@partner.test');
    clock.advance(60_000);
    await call('resend', full, partnerId, { userId });
    const [second] = await tokenFor('resend@partner.test');
    expect(second).not.toBe(first);
    expect(await findOpenInvitation(db, first, clock.now())).toBeNull();
    expect(await findOpenInvitation(db, second, clock.now())).not.toBeNull();
    await call('cancel', full, partnerId, { userId });
    expect(await findOpenInvitation(db, second, clock.now())).toBeNull();
    expect((await call('list', full, partnerId, {})).map((a) => a.userId)).not.toContain(userId);
    // A cancelled person can be invited again.
    await call('invite', full, partnerId, {
      email: 'resend@partner.test',
      firstName: 'Re',
      lastName: 'Again',
      roles: ['sales_full_admin'],
    });
    expect(await rolesOf(userId, partnerId)).toEqual(['sales_full_admin']);
    // Re-send for someone who already accepted is refused.
    await expect(call('resend', full, partnerId, { userId: full.userId })).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('changing roles and removing', () => {
  it('take effect on the next request and are audited', async () => {
    const a = await makeAdmin(db, partnerId, ['partner_full_admin']);
    await activate(a);
    const sessionBefore = await createSession(db, { userId: a.userId, ip: '127.0.0.1', now: new Date() });
    expect(await allowed(a.userId, partnerId, 'admins.manage')).toBe(true);
    await call('changeRoles', full, partnerId, { userId: a.userId, roles: ['partner_readonly_admin'] });
    // Access shrank: the sessions the person had are over at once.
    expect(await isSessionLive(db, sessionBefore, a.userId)).toBe(false);
    const sessionAfter = await createSession(db, { userId: a.userId, ip: '127.0.0.1', now: new Date() });
    expect(await allowed(a.userId, partnerId, 'admins.manage')).toBe(false);
    expect(await allowed(a.userId, partnerId, 'billing.reports.read')).toBe(true);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'admin.roles.change'), eq(auditLog.targetId, a.userId)));
    expect(entry).toMatchObject({ before: { roles: ['partner_full_admin'] }, after: { roles: ['partner_readonly_admin'] } });

    await call('remove', full, partnerId, { userId: a.userId });
    await expect(authorize(deps, a.userId, partnerId, 'org.read')).rejects.toBeInstanceOf(NotFoundError);
    expect(await isSessionLive(db, sessionAfter, a.userId)).toBe(false);
    expect((await attemptSignIn(db, { email: a.email, password: 'anything', clientIp: '127.0.0.1' })).ok).toBe(false);
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'admin.remove'), eq(auditLog.targetId, a.userId))),
    ).toHaveLength(1);
  });

  it('the last partner full administrator cannot be demoted or removed', async () => {
    const p = await makePartner(db);
    const only = await makeAdmin(db, p.id, ['partner_full_admin', 'wholesale_admin']);
    await activate(only);
    await expect(call('changeRoles', only, p.id, { userId: only.userId, roles: ['wholesale_admin'] })).rejects.toMatchObject({
      errorCode: 13001,
      message: expect.stringMatching(/last partner full administrator/),
    });
    await expect(call('remove', only, p.id, { userId: only.userId })).rejects.toBeInstanceOf(ConflictError);
    expect(await rolesOf(only.userId, p.id)).toEqual(['partner_full_admin', 'wholesale_admin']);
    // An invited (not yet active) full admin doesn't count: they can't sign in yet.
    await call('invite', only, p.id, { email: 'pending-full@p.test', firstName: 'P', lastName: 'F', roles: ['partner_full_admin'] });
    await expect(call('remove', only, p.id, { userId: only.userId })).rejects.toBeInstanceOf(ConflictError);
  });

  it('two full admins demoting each other at once: exactly one is refused', async () => {
    const p = await makePartner(db);
    const a = await makeAdmin(db, p.id, ['partner_full_admin']);
    const b = await makeAdmin(db, p.id, ['partner_full_admin']);
    await Promise.all([activate(a), activate(b)]);
    const results = await Promise.allSettled([
      call('changeRoles', a, p.id, { userId: b.userId, roles: ['partner_readonly_admin'] }),
      call('changeRoles', b, p.id, { userId: a.userId, roles: ['partner_readonly_admin'] }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    // Which refusal depends on timing, and both are right: if both requests were authorised
    // before either committed, the lock decides and the second would remove the last full
    // admin (13001); if one committed first, the other actor is no longer a full admin when
    // its request is authorised (10403). Either way exactly one full admin is left.
    const refusal = (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as { errorCode: number };
    expect([13001, 10403]).toContain(refusal.errorCode);
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(roleGrants)
      .where(and(eq(roleGrants.orgId, p.id), eq(roleGrants.role, 'partner_full_admin')));
    expect(n).toBe(1);
  });
});

describe('tenancy', () => {
  it("another org's admin id is not found; another org is not found", async () => {
    const other = await makePartner(db);
    const stranger = await makeAdmin(db, other.id, ['partner_full_admin']);
    await activate(stranger);
    await expect(call('changeRoles', full, partnerId, { userId: stranger.userId, roles: ['sales_admin'] })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(call('remove', full, partnerId, { userId: stranger.userId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(call('resend', full, partnerId, { userId: stranger.userId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(call('list', full, other.id, {})).rejects.toBeInstanceOf(NotFoundError);
    expect(await rolesOf(stranger.userId, other.id)).toEqual(['partner_full_admin']);
  });

  it("a sub-partner's own admins, and its parent cross-launched, manage the sub-partner's admins", async () => {
    const sub = await makeSubPartner(db, partnerId);
    const subAdmin = await makeAdmin(db, sub.id, ['partner_full_admin', 'wholesale_admin']);
    await activate(subAdmin);
    const { userId } = await call('invite', subAdmin, sub.id, {
      email: 'sub-colleague@sub.test',
      firstName: 'S',
      lastName: 'C',
      roles: ['partner_readonly_admin'],
    });
    await call('changeRoles', full, sub.id, { userId, roles: ['wholesale_admin'] });
    expect(await rolesOf(userId, sub.id)).toEqual(['wholesale_admin']);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'admin.roles.change'), eq(auditLog.targetId, userId)));
    expect(entry).toMatchObject({ orgId: sub.id, actorUserId: full.userId, actorOrgId: partnerId });
    // The sub-partner's admin never reaches the parent's admins.
    await expect(call('list', subAdmin, partnerId, {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(call('remove', subAdmin, sub.id, { userId: full.userId })).rejects.toBeInstanceOf(NotFoundError);
  });
});
