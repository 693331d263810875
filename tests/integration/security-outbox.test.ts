// SPEC §10 Outbox: partner full admins only; own org's mail and mail they caused; a
// one-time link only to the admin who caused the e-mail. Before, any admin of a managing
// org saw every managed org's mail, including a new sub-partner admin's invitation link.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { emailOutbox, subscriptions } from '@/db/schema';
import { runAuthorized } from '@/lib/server/guard';
import { HIDDEN_LINK, listOutbox } from '@/lib/outbox/list-outbox';
import { fixedClock } from '@/lib/platform/clock';
import { createSubPartner } from '@/lib/sub-partners/create-sub-partner';
import { createSubPartnerSchema } from '@/lib/sub-partners/sub-partner-schema';
import { makeAdmin, makeCustomer, makePartner, makeSubPartner } from './support/fixtures';
import { freshDb } from './support/test-db';
import { oneRow } from '@/db/one-row';

const db = await freshDb();
const deps = { db, clock: fixedClock('2026-11-21T12:00:00Z'), jobs: { send: async () => {} } };

async function world() {
  const parent = await makePartner(db, { name: 'Parent Telecom' });
  const full = await makeAdmin(db, parent.id, ['partner_full_admin', 'wholesale_admin']);
  const otherFull = await makeAdmin(db, parent.id, ['partner_full_admin', 'wholesale_admin']);
  const readonly = await makeAdmin(db, parent.id, ['partner_readonly_admin']);
  const wholesale = await makeAdmin(db, parent.id, ['wholesale_admin']);
  return { parent, full, otherFull, readonly, wholesale };
}

describe('the Outbox', () => {
  it("shows a new sub-partner admin's invitation link only to the admin who set it up", async () => {
    const w = await world();
    const subscription = await oneRow(db.select().from(subscriptions).where(eq(subscriptions.partnerOrgId, w.parent.id)), 'subscription');
    const input = {
      name: 'New Reseller',
      adminEmail: 'first.admin@new-reseller.test',
      adminFirstName: 'First',
      adminLastName: 'Admin',
      subscriptionId: subscription.id,
      billingStartDate: '2026-11-21',
    };
    await runAuthorized(
      deps,
      { userId: w.full.userId, orgId: w.parent.id, input },
      'subPartners.manage',
      createSubPartnerSchema,
      createSubPartner,
    );

    const mine = await listOutbox(db, w.full, { page: 1 });
    const invitation = mine!.rows.find((r) => r.to === 'first.admin@new-reseller.test')!;
    expect(invitation.body).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}/);

    // Another full admin of the same org doesn't see it at all (not their org's mail, not caused by them)…
    const other = await listOutbox(db, w.otherFull, { page: 1 });
    expect(other!.rows.find((r) => r.to === 'first.admin@new-reseller.test')).toBeUndefined();
    // …and read-only / wholesale-only admins have no Outbox.
    expect(await listOutbox(db, w.readonly, { page: 1 })).toBeNull();
    expect(await listOutbox(db, w.wholesale, { page: 1 })).toBeNull();
  });

  it("hides a one-time link in the own org's mail from admins who didn't cause it", async () => {
    const w = await world();
    await db.insert(emailOutbox).values({
      orgId: w.parent.id,
      to: 'new.colleague@parent.test',
      subject: 'Invitation',
      kind: 'invitation',
      oneTimeLink: true,
      causedBy: w.full.userId,
      body: 'Set your password: http://localhost:3000/invite/SECRETTOKEN123456789012 within 7 days.',
    });
    const causer = await listOutbox(db, w.full, { page: 1 });
    expect(causer!.rows.find((r) => r.to === 'new.colleague@parent.test')!.body).toContain('SECRETTOKEN');
    const colleague = await listOutbox(db, w.otherFull, { page: 1 });
    const seen = colleague!.rows.find((r) => r.to === 'new.colleague@parent.test')!;
    expect(seen.body).not.toContain('SECRETTOKEN');
    expect(seen.body).toContain(HIDDEN_LINK);
  });

  it("doesn't show a sub-partner's customers' mail to the parent's admins", async () => {
    const w = await world();
    const sub = await makeSubPartner(db, w.parent.id);
    const subAdmin = await makeAdmin(db, sub.id, ['partner_full_admin', 'wholesale_admin']);
    const { org } = await makeCustomer(db, sub.id, { createdBy: subAdmin.userId });
    await db
      .insert(emailOutbox)
      .values({ orgId: org.id, to: 'welcome@sub-customer.test', subject: 'Welcome', body: 'Hello', kind: 'welcome' });
    const parentView = await listOutbox(db, w.full, { page: 1 });
    expect(parentView!.rows.find((r) => r.to === 'welcome@sub-customer.test')).toBeUndefined();
    // The customer's creator caused its welcome e-mail (set by the database for customer orgs).
    const creatorView = await listOutbox(db, subAdmin, { page: 1 });
    expect(creatorView!.rows.find((r) => r.to === 'welcome@sub-customer.test')).toBeDefined();
  });
});
