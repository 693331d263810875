// E-mail over SMTP (SPEC §10, issue 15) against a real SMTP server on 127.0.0.1
// (smtp-server): both parts, the sender's branding and headers arrive; a 4xx reply is
// retried with backoff; a 5xx reply marks the e-mail failed with the server's words.
import { and, eq } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, branding, emailOutbox } from '@/db/schema';
import { deliverEmail, sweepOutbox } from '@/jobs/handlers/deliver-email';
import { smtpMailer } from '@/lib/email/mailer';
import type { JobSender } from '@/lib/platform/queues';
import { freshDb } from './support/test-db';
import { makeCustomer, makePartner } from './support/fixtures';
import { oneRow } from '@/db/one-row';
import { defined } from '@/tests/support/rows';

const db = await freshDb();
const received: ParsedMail[] = [];
const busyOnce = new Set<string>();
let server: SMTPServer;
let url: string;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, cb) {
      const to = address.address;
      if (to.startsWith('gone@'))
        return cb(Object.assign(new Error('5.1.1 <gone@customer.test>: mailbox unavailable'), { responseCode: 550 }));
      if (to.startsWith('busy@') && !busyOnce.has(to)) {
        busyOnce.add(to);
        return cb(Object.assign(new Error('4.2.1 Mailbox busy, try again later'), { responseCode: 451 }));
      }
      cb();
    },
    onData(stream, _session, cb) {
      // oxlint-disable-next-line promise/catch-or-return -- smtp-server's callback API: cb reports the parse error
      simpleParser(stream).then((m) => {
        received.push(m);
        // oxlint-disable-next-line promise/no-callback-in-promise -- smtp-server's callback API
        cb();
      }, cb);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  url = `smtp://127.0.0.1:${port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function recordingJobs() {
  const sent: { emailId: string; startAfter?: Date }[] = [];
  const jobs: JobSender = {
    async send(_q, data, o) {
      sent.push({ emailId: (data as { emailId: string }).emailId, startAfter: o?.startAfter });
    },
  };
  return { jobs, sent };
}

const queue = async (values: Partial<typeof emailOutbox.$inferInsert> & { to: string; orgId: string }) =>
  (
    await db
      .insert(emailOutbox)
      .values({ subject: 'Hello', body: 'Body', kind: 'welcome', ...values })
      .returning()
  )[0];
const rowOf = async (id: string) => (await db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0];

describe('SMTP delivery', () => {
  it('sends HTML and text parts with the sender branding, Message-ID and (for notifications) List-Unsubscribe', async () => {
    const partner = await makePartner(db, { name: 'Northwind Mail' });
    await db.insert(branding).values({ orgId: partner.id, lightTheme: { accent: '#14532d' }, supportUrl: 'https://help.northwind.test' });
    const { org } = await makeCustomer(db, partner.id);
    const { jobs } = recordingJobs();
    const smtp = { mailer: smtpMailer(url), jobs, from: 'Partner Hub <mailer@partnerhub.test>' };

    const invite = defined(
      await queue({
        to: 'new.admin@customer.test',
        orgId: org.id,
        kind: 'invitation',
        subject: 'You are invited',
        body: 'Hello Ada,\n\nSet your password within 7 days: http://localhost:3000/invite/abc123',
      }),
      'invite',
    );
    expect(await deliverEmail(db, invite.id, new Date('2026-11-21T10:00:00Z'), smtp)).toBe('sent');
    const mail = received.find((m) => m.subject === 'You are invited')!;
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('new.admin@customer.test');
    expect(mail.from?.value[0]).toMatchObject({ name: 'Northwind Mail via Partner Hub', address: 'mailer@partnerhub.test' });
    expect(mail.text).toContain('Set your password within 7 days: http://localhost:3000/invite/abc123');
    expect(mail.text).toContain('Contact support: https://help.northwind.test');
    expect(mail.html).toContain('href="http://localhost:3000/invite/abc123"');
    expect(mail.html).toContain('Set your password');
    expect(mail.html).toContain('#14532d');
    expect(mail.messageId).toBe(`<${invite.id}@localhost>`);
    expect(mail.headers.get('list-unsubscribe')).toBeUndefined();
    expect(await rowOf(invite.id)).toMatchObject({ status: 'sent', attempts: 1, messageId: `<${invite.id}@localhost>`, lastError: null });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'email.sent'), eq(auditLog.targetId, invite.id)));
    expect(entry).toMatchObject({ orgId: org.id });

    const notice = defined(
      await queue({
        to: 'admin@customer.test',
        orgId: org.id,
        kind: 'rbpm_changed',
        subject: 'Settings changed',
        body: 'Your partner changed a setting.',
      }),
      'notice',
    );
    expect(await deliverEmail(db, notice.id, new Date(), smtp)).toBe('sent');
    const n = received.find((m) => m.subject === 'Settings changed')!;
    const line = n.headerLines.find((h) => h.key === 'list-unsubscribe')?.line.replace(/\r?\n\s+/g, ' ');
    expect(line, JSON.stringify(n.headerLines.map((h) => h.key))).toMatch(
      /^List-Unsubscribe: <mailto:mailer@partnerhub\.test\?subject=unsubscribe%20rbpm_changed%20admin%40customer\.test>$/,
    );
    // Delivered once: a second job for the same e-mail does nothing.
    expect(await deliverEmail(db, notice.id, new Date(), smtp)).toBe('skipped');
    expect(received.filter((m) => m.subject === 'Settings changed')).toHaveLength(1);
  });

  it('a 4xx reply is retried with backoff and then delivered', async () => {
    const partner = await makePartner(db);
    const { jobs, sent } = recordingJobs();
    const smtp = { mailer: smtpMailer(url), jobs };
    const row = defined(await queue({ to: 'busy@customer.test', orgId: partner.id, subject: 'Busy once' }), 'row');
    const t0 = new Date('2026-11-21T10:00:00Z');
    expect(await deliverEmail(db, row.id, t0, smtp)).toBe('retry');
    const after = defined(await rowOf(row.id), 'after');
    expect(after).toMatchObject({ status: 'queued', attempts: 1, lastError: expect.stringMatching(/^451 4\.2\.1 Mailbox busy/) });
    expect(after.nextAttemptAt?.toISOString()).toBe('2026-11-21T10:00:30.000Z');
    expect(sent).toEqual([{ emailId: row.id, startAfter: new Date('2026-11-21T10:00:30.000Z') }]);
    // Too early (a stray job): nothing happens.
    expect(await deliverEmail(db, row.id, new Date('2026-11-21T10:00:10Z'), smtp)).toBe('skipped');
    // The sweep doesn't pick it up before it is due.
    expect(await sweepOutbox(db, jobs, new Date('2026-11-21T10:00:40Z'))).toBe(0);
    expect(await deliverEmail(db, row.id, new Date('2026-11-21T10:00:31Z'), smtp)).toBe('sent');
    expect(await rowOf(row.id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(received.filter((m) => m.subject === 'Busy once')).toHaveLength(1);
  });

  it('a 5xx reply marks it failed with the server reply, shown in the Activity', async () => {
    const partner = await makePartner(db);
    const { jobs, sent } = recordingJobs();
    const row = defined(await queue({ to: 'gone@customer.test', orgId: partner.id, subject: 'Never arrives' }), 'row');
    expect(await deliverEmail(db, row.id, new Date(), { mailer: smtpMailer(url), jobs })).toBe('failed');
    expect(await rowOf(row.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: expect.stringMatching(/^550 5\.1\.1 <gone@customer\.test>: mailbox unavailable/),
    });
    expect(sent).toHaveLength(0);
    const entry = await oneRow(
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'email.failed'), eq(auditLog.targetId, row.id))),
      'entry',
    );
    expect(entry.summary).toMatch(/failed: 550/);
  });

  it('an unreachable server is transient; after the last attempt the e-mail fails', async () => {
    const partner = await makePartner(db);
    const { jobs } = recordingJobs();
    const row = defined(await queue({ to: 'x@customer.test', orgId: partner.id, subject: 'Nowhere', attempts: 5 }), 'row');
    expect(await deliverEmail(db, row.id, new Date(), { mailer: smtpMailer('smtp://127.0.0.1:1'), jobs })).toBe('failed');
    expect(await rowOf(row.id)).toMatchObject({ status: 'failed', attempts: 6, lastError: expect.stringMatching(/ECONNREFUSED|connect/i) });
  });

  it('without SMTP the outbox is the mailbox: recorded as sent, nothing on the wire', async () => {
    const partner = await makePartner(db);
    const before = received.length;
    const row = defined(await queue({ to: 'local@customer.test', orgId: partner.id }), 'row');
    expect(await deliverEmail(db, row.id, new Date())).toBe('sent');
    expect(received.length).toBe(before);
  });
});
