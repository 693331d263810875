// A trial's whole life on a controllable clock (SPEC §9): start (provisioned by the
// customer job, welcome e-mail) → 7-day reminder → expiry on the day → 30-day grace →
// ended (ledger intervals closed) → numbers released 15 days later; every e-mail exactly
// once, even when the sweep runs twice or two workers race.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { customers, emailOutbox, packageAssignments, subscribers, trials, auditLog } from '@/db/schema';
import { provisionCustomer } from '@/jobs/handlers/provision-customer';
import { fixedClock } from '@/lib/platform/clock';
import { DAY_MS } from '@/lib/trials/trial-rules';
import { sweepTrials } from '@/lib/trials/sweep-trials';
import { recordingJobs } from './support/customer-fixtures';
import { freshDb } from './support/test-db';
import { makeTrialPartner, startInput, trialCaller } from './support/trial-fixtures';
import { oneRow } from '@/db/one-row';
import { defined } from '@/tests/support/rows';

const db = await freshDb();
const T0 = new Date('2030-06-01T10:00:00Z');
const clock = fixedClock(T0);
const jobs = recordingJobs();
const deps = { db, clock, jobs };
const call = trialCaller(db, clock, jobs);
const at = (days: number, seconds = 0) => clock.set(new Date(T0.getTime() + days * DAY_MS + seconds * 1000));

let p: Awaited<ReturnType<typeof makeTrialPartner>>;
let started: { trialId: string; customerId: string; orgId: string };
const input = startInput();

const mails = async (kind: string) => (await db.select().from(emailOutbox).where(eq(emailOutbox.kind, kind))).map((m) => m.to).sort();
const trial = async () => (await db.select().from(trials).where(eq(trials.id, started.trialId)))[0];

beforeAll(async () => {
  p = await makeTrialPartner(db);
});

describe('trial lifecycle', () => {
  it('starts a 30-day trial for a new customer, provisioned by the customer job with a welcome e-mail', async () => {
    started = await call('start', p.salesFull, p.org.id, input);
    expect(jobs.of('customer-provision')).toContainEqual({ customerId: started.customerId });
    expect(await provisionCustomer(deps, started.customerId)).toBe('provisioned');
    expect(await mails('welcome')).toEqual([input.adminEmail]);
    const t = defined(await trial(), 't');
    expect(t.status).toBe('active');
    expect(t.endsAt?.toISOString()).toBe('2030-07-01T10:00:00.000Z');
    const list = await call('list', p.salesFull, p.org.id, {});
    expect(list.rows.map((r) => [r.customerName, r.daysLeft])).toEqual([[input.companyName, 30]]);
    // Calling + meetings → the admin holds Webex Suite with an extension, billed from now.
    const admin = await oneRow(db.select().from(subscribers).where(eq(subscribers.customerId, started.customerId)), 'admin');
    expect([admin.package, admin.extension]).toEqual(['webex_suite', '1001']);
  });

  it('sends the 7-day reminder once to customer and partner admins (±1 s), however often the sweep runs', async () => {
    at(23, -1);
    expect((await sweepTrials(deps)).emails).toBe(0);
    at(23);
    const first = await sweepTrials(deps);
    const recipients = [input.adminEmail, p.salesFull.email].map((e) => e.toLowerCase()).sort();
    expect(first.emails).toBe(recipients.length);
    at(24);
    const [a, b] = await Promise.all([sweepTrials(deps), sweepTrials(deps)]);
    expect(a.emails + b.emails).toBe(0);
    expect(await mails('trial_reminder_7d')).toEqual(recipients);
  });

  it('on the day: the expiry e-mail once and the 30-day grace, even with two workers racing', async () => {
    at(30, -1);
    await sweepTrials(deps);
    expect((await trial()).status).toBe('active');
    at(30);
    const [a, b] = await Promise.all([sweepTrials(deps), sweepTrials(deps)]);
    expect(a.expired + b.expired).toBe(1);
    await sweepTrials(deps);
    expect((await mails('trial_expired')).length).toBe(2);
    expect((await trial()).status).toBe('expired_grace');
    // Still billed during the grace.
    expect(
      await db
        .select()
        .from(packageAssignments)
        .where(and(eq(packageAssignments.customerId, started.customerId), isNull(packageAssignments.endedAt))),
    ).toHaveLength(1);
  });

  it('after the grace: ended, ledger intervals closed at that instant, numbers kept, users e-mailed once', async () => {
    at(60, -1);
    await sweepTrials(deps);
    expect((await trial()).status).toBe('expired_grace');
    at(60);
    await sweepTrials(deps);
    await sweepTrials(deps);
    const t = defined(await trial(), 't');
    expect(t.status).toBe('ended');
    const intervals = await db.select().from(packageAssignments).where(eq(packageAssignments.customerId, started.customerId));
    expect(intervals.map((i) => i.endedAt?.toISOString())).toEqual([clock.now().toISOString()]);
    // The billed quantity stops at the end of grace: 60 days exactly.
    const [{ days }] = await db.execute<{ days: string }>(
      sql`select round(sum(extract(epoch from (ended_at - started_at)) / 86400)::numeric, 6)::text as days from package_assignments where customer_id = ${started.customerId}`,
    );
    expect(days).toBe('60.000000');
    const seat = await oneRow(db.select().from(subscribers).where(eq(subscribers.customerId, started.customerId)), 'seat');
    expect([seat.removedAt, seat.extension]).toEqual([null, '1001']);
    expect(await mails('trial_services_removed')).toEqual([input.adminEmail.toLowerCase()]);
    const c = await oneRow(db.select().from(customers).where(eq(customers.id, started.customerId)), 'c');
    expect(c.status).toBe('deprovisioned');
  });

  it('releases the calling numbers 15 days later (±1 s), once', async () => {
    at(75, -1);
    await sweepTrials(deps);
    expect(
      await db
        .select()
        .from(subscribers)
        .where(and(eq(subscribers.customerId, started.customerId), isNull(subscribers.removedAt))),
    ).toHaveLength(1);
    at(75);
    expect((await sweepTrials(deps)).released).toBe(1);
    expect((await sweepTrials(deps)).released).toBe(0);
    expect(
      await db
        .select()
        .from(subscribers)
        .where(and(eq(subscribers.customerId, started.customerId), isNull(subscribers.removedAt))),
    ).toHaveLength(0);
    expect((await trial()).numbersReleasedAt?.toISOString()).toBe(clock.now().toISOString());
  });

  it('audited every status change through the one door', async () => {
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, started.trialId), eq(auditLog.action, 'trial.status_changed')));
    expect(rows.map((r) => (r.after as { status: string }).status)).toEqual(['expired_grace', 'ended']);
  });
});
