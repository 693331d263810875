// The job queue wired end to end on a real pg-boss, plus the outbox and audit helpers.
import { eq, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, emailOutbox } from '@/db/schema';
import { senderFor, startBoss } from '@/lib/platform/boss';
import { deliverEmail, sweepOutbox } from '@/jobs/handlers/deliver-email';
import { registerWorkers } from '@/jobs/worker';
import { resolveAccess, type OrgAccess } from '@/lib/auth/access';
import { audit } from '@/lib/platform/audit';
import { fixedClock, systemClock } from '@/lib/platform/clock';
import { queueEmail } from '@/lib/platform/outbox';
import { auditActor, inTransaction, type ServiceDeps } from '@/lib/platform/service-ctx';
import { freshDb } from './support/test-db';
import { makeAdmin, makePartner } from './support/fixtures';
import { expectDbError } from './support/db-error';
import { oneRow } from '@/db/one-row';
import { at } from '@/tests/support/rows';

const db = await freshDb();
let boss: PgBoss;
let deps: ServiceDeps;
let access: OrgAccess;

beforeAll(async () => {
  boss = await startBoss(db.url);
  await registerWorkers(boss, db, systemClock);
  deps = { db, clock: systemClock, jobs: senderFor(boss) };
  const partner = await makePartner(db);
  const admin = await makeAdmin(db, partner.id, ['partner_full_admin']);
  access = (await resolveAccess(db, admin, partner.id))!;
});

afterAll(async () => {
  await boss.stop({ graceful: false, timeout: 2_000 });
});

async function emailStatus(id: string) {
  const [row] = await db.select({ status: emailOutbox.status }).from(emailOutbox).where(eq(emailOutbox.id, id));
  return row?.status;
}

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('outbox e-mail through the job queue', () => {
  it('a committed e-mail is delivered by the worker', async () => {
    const id = await inTransaction(deps, access, async (ctx) => {
      const emailId = await queueEmail(ctx, {
        to: 'someone@example.test',
        subject: 'Welcome',
        body: 'Hello',
        kind: 'welcome',
        orgId: access.org.id,
      });
      await audit(ctx.db, auditActor(ctx), {
        action: 'admin.invite',
        targetType: 'email',
        targetId: emailId,
        summary: 'Queued a test e-mail',
      });
      return emailId;
    });
    expect(
      await waitFor(
        () => emailStatus(id),
        (s) => s === 'sent',
      ),
    ).toBe('sent');
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(entry).toMatchObject({
      action: 'admin.invite',
      summary: 'Queued a test e-mail',
      orgId: access.org.id,
      actorUserId: access.actor.userId,
      actorOrgId: access.actor.orgId,
    });
  });

  it('a rolled-back transaction leaves no e-mail, no audit entry and sends no job', async () => {
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(emailOutbox);
    await expect(
      inTransaction(deps, access, async (ctx) => {
        await queueEmail(ctx, { to: 'x@example.test', subject: 'Never', body: 'x', kind: 'welcome', orgId: access.org.id });
        await audit(ctx.db, auditActor(ctx), { action: 'admin.invite', targetType: 'email', summary: 'never committed' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const after = await db.select({ n: sql<number>`count(*)::int` }).from(emailOutbox);
    expect(at(after, 0).n).toBe(at(before, 0).n);
    expect(await db.select().from(auditLog).where(eq(auditLog.summary, 'never committed'))).toHaveLength(0);
  });

  it('delivery is idempotent: a second run of the same job changes nothing', async () => {
    const row = await oneRow(
      db.insert(emailOutbox).values({ to: 'y@example.test', subject: 'Once', body: 'b', kind: 'welcome' }).returning(),
      'row',
    );
    expect(await deliverEmail(db, row.id, new Date())).toBe('sent');
    expect(await deliverEmail(db, row.id, new Date())).toBe('skipped');
    const again = await oneRow(db.select().from(emailOutbox).where(eq(emailOutbox.id, row.id)), 'again');
    expect(again.attempts).toBe(1);
  });

  it('the sweep re-enqueues e-mails whose after-commit send was missed', async () => {
    const clock = fixedClock('2030-01-01T00:00:00Z');
    const row = await oneRow(
      db
        .insert(emailOutbox)
        .values({ to: 'z@example.test', subject: 'Missed', body: 'b', kind: 'welcome', createdAt: new Date('2029-12-31T23:50:00Z') })
        .returning(),
      'row',
    );
    const sent: string[] = [];
    const n = await sweepOutbox(
      db,
      {
        send: async (_q, data) => {
          sent.push((data as { emailId: string }).emailId);
        },
      },
      clock.now(),
    );
    expect(n).toBeGreaterThanOrEqual(1);
    expect(sent).toContain(row.id);
  });
});

describe('append-only history', () => {
  it('the audit log refuses updates and deletes', async () => {
    await expectDbError(db.execute(sql`update audit_log set summary = 'changed'`), /insert-only/);
    await expectDbError(db.execute(sql`delete from audit_log`), /insert-only/);
  });

  it('a sub-partner cannot have sub-partners (one level only)', async () => {
    const parent = await makePartner(db);
    const sub = await oneRow(
      db.execute<{ id: string }>(
        sql`insert into orgs (kind, name, parent_partner_id) values ('sub_partner', 'S', ${parent.id}) returning id`,
      ),
      'sub',
    );
    await expectDbError(
      db.execute(sql`insert into orgs (kind, name, parent_partner_id) values ('sub_partner', 'SS', ${sub.id})`),
      /one level only/,
    );
  });
});
