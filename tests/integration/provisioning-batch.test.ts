// Provisioning a fetched batch set-based (issue 13): the same customers, the same log,
// the same e-mails and webhook events as one by one — and all-or-nothing, so a crash
// mid-batch leaves nothing half-built; what isn't fresh goes the one-customer way.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  customerPackages,
  customers,
  emailOutbox,
  locations,
  orgSettings,
  packageAssignments,
  provisioningEvents,
  restrictedParties,
  roleGrants,
  subscribers,
  users,
  webhookEvents,
} from '@/db/schema';
import { provisionBatch, runProvisioningJobs } from '@/jobs/handlers/provision-batch';
import { provisionCustomer } from '@/jobs/handlers/provision-customer';
import type { Actor } from '@/lib/auth/access';
import { createCustomer } from '@/lib/customers/create-customer';
import { createCustomerSchema, type CreateCustomerInput } from '@/lib/customers/customer-schema';
import { normalizeCompanyName } from '@/lib/domain/company-name';
import { fixedClock } from '@/lib/platform/clock';
import { uniqueViolation } from '@/lib/platform/errors';
import { QUEUES } from '@/lib/platform/queues';
import type { ServiceDeps } from '@/lib/platform/service-ctx';
import { webhookOps } from '@/lib/webhooks/webhook-operations';
import { customerInput, makeTemplate, recordingJobs, serviceCaller } from './support/customer-fixtures';
import { makeAdmin, makePartner } from './support/fixtures';
import { freshDb } from './support/test-db';
import { oneRow } from '@/db/one-row';
import { at } from '@/tests/support/rows';

process.env.WEBHOOKS_ALLOW_PRIVATE = '1';
const db = await freshDb();
const clock = fixedClock('2030-06-01T08:00:00Z');
const jobs = recordingJobs();
const deps: ServiceDeps = { db, clock, jobs };
const call = serviceCaller(db, { clock, jobs });

let partnerId: string;
let admin: Actor;
let template: { id: string };
const create = async (overrides: Partial<CreateCustomerInput> = {}) =>
  (await call(admin.userId, partnerId, 'customers.write', createCustomerSchema, createCustomer, customerInput(template.id, overrides)))
    .customerId;
const n = async (q: Promise<unknown[]>) => (await q).length;

async function footprint(customerId: string) {
  const c = await oneRow(db.select().from(customers).where(eq(customers.id, customerId)), 'c');
  return {
    status: c.status,
    locations: await n(db.select().from(locations).where(eq(locations.orgId, c.orgId))),
    users: await n(db.select().from(users).where(eq(users.orgId, c.orgId))),
    grants: await n(db.select().from(roleGrants).where(eq(roleGrants.orgId, c.orgId))),
    subscribers: await n(db.select().from(subscribers).where(eq(subscribers.customerId, customerId))),
    openAssignments: await n(
      db
        .select()
        .from(packageAssignments)
        .where(and(eq(packageAssignments.customerId, customerId), isNull(packageAssignments.endedAt))),
    ),
    welcomeEmails: await n(
      db
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.orgId, c.orgId), eq(emailOutbox.kind, 'welcome'))),
    ),
    settings: await n(db.select().from(orgSettings).where(eq(orgSettings.orgId, c.orgId))),
  };
}
const DONE = {
  status: 'provisioned',
  locations: 1,
  users: 1,
  grants: 1,
  subscribers: 1,
  openAssignments: 1,
  welcomeEmails: 1,
  settings: 1,
};
const NOTHING = {
  status: 'provisioning',
  locations: 0,
  users: 0,
  grants: 0,
  subscribers: 0,
  openAssignments: 0,
  welcomeEmails: 0,
  settings: 0,
};
const logOf = async (customerId: string) =>
  (
    await db
      .select({ step: provisioningEvents.step, message: provisioningEvents.message })
      .from(provisioningEvents)
      .where(eq(provisioningEvents.customerId, customerId))
      .orderBy(provisioningEvents.id)
  ).map((e) => `${e.step}: ${e.message}`);
/** A customer row without ids and times, to compare a batch-built customer with a one-by-one one. */
async function shape(customerId: string) {
  const c = await oneRow(db.select().from(customers).where(eq(customers.id, customerId)), 'c');
  const pkgs = await db
    .select({ p: customerPackages.package, s: customerPackages.status })
    .from(customerPackages)
    .where(eq(customerPackages.customerId, customerId))
    .orderBy(customerPackages.package);
  return {
    status: c.status,
    meetingsSiteUrl: c.meetingsSiteUrl !== null,
    dialIn: c.meetingsDialInCode,
    lang: c.meetingsLanguage,
    subscriptionId: c.subscriptionId,
    errors: c.errors,
    pkgs,
  };
}

beforeAll(async () => {
  const partner = await makePartner(db, { name: 'Batch Partner' });
  partnerId = partner.id;
  admin = await makeAdmin(db, partner.id, ['partner_full_admin', 'wholesale_admin']);
  template = await makeTemplate(db, partner.id, admin.userId);
  await db.insert(restrictedParties).values({ name: 'Umbra Arms Ltd', normalizedName: normalizeCompanyName('Umbra Arms Ltd') });
});

describe('a batch of fresh customers', () => {
  it('builds every one completely, as the one-by-one path would: rows, log, SIP domains, e-mails', async () => {
    const ids = [
      await create({
        companyName: 'Batchworth Bakery',
        packages: ['webex_suite', 'webex_calling'],
        adminFirstName: 'Bea',
        adminLastName: 'Batch',
      }),
      await create({ companyName: 'Batchworth Bakery', packages: ['webex_voice'] }), // same name: its own SIP domain
      await create({ companyName: 'Fjord Analytics', packages: ['webex_meetings', 'common_area_calling'], language: 'de' }),
    ];
    const reference = await create({ companyName: 'Reference Ltd', packages: ['webex_suite', 'webex_calling'] });
    jobs.sent.length = 0;
    clock.advance(1_000);
    expect(await provisionBatch(deps, ids)).toEqual({ provisioned: expect.arrayContaining(ids), oneByOne: [], settled: [] });
    expect(await provisionCustomer(deps, reference)).toBe('provisioned');

    for (const id of ids) expect(await footprint(id)).toEqual(DONE);
    const rows = await db.select().from(customers).where(inArray(customers.id, ids));
    expect(new Set(rows.map((r) => r.sipDomain)).size).toBe(3);
    expect(rows.map((r) => r.sipDomain)).toContain('batchworth-bakery.sip.partnerhub.test');
    expect(rows.find((r) => r.name === 'Fjord Analytics')).toMatchObject({
      meetingsSiteUrl: 'fjord-analytics.webex.test',
      meetingsDialInCode: '+1',
      statusChangedAt: clock.now(),
    });
    // The same shape and the same log lines as a customer provisioned one by one.
    expect(await shape(ids[0])).toEqual(await shape(reference));
    const stepsOf = async (id: string) => (await logOf(id)).map((l) => l.split(':')[0]);
    expect(await stepsOf(ids[0])).toEqual(await stepsOf(reference));
    const first = rows.find((r) => r.id === ids[0])!;
    expect(await logOf(ids[0])).toEqual([
      expect.stringMatching(/^accepted: /),
      'rpl_check: Restricted-party check passed',
      'create_location: Headquarters location created',
      `create_admin: Administrator ${first.adminEmail} created with Webex Suite`,
      `attach_subscription: Subscription ${first.subscriptionId} attached`,
      `sip_domain: SIP domain ${first.sipDomain} assigned`,
      `meetings_site: Meetings site ${first.meetingsSiteUrl} created`,
      expect.stringMatching(/^packages: Packages enabled: /),
      `welcome_email: Welcome e-mail sent to ${first.adminEmail}`,
      'completed: Provisioning completed',
    ]);
    // The administrator's name from the wizard, as the one-by-one path writes it ('' when not given).
    const admins = await db
      .select({ orgId: users.orgId, firstName: users.firstName, lastName: users.lastName })
      .from(users)
      .where(
        inArray(
          users.orgId,
          rows.map((r) => r.orgId),
        ),
      );
    expect(admins.find((u) => u.orgId === first.orgId)).toMatchObject({ firstName: 'Bea', lastName: 'Batch' });
    expect(admins.filter((u) => u.firstName === '' && u.lastName === '')).toHaveLength(2);
    // The CAC-only-plus-meetings customer's admin holds meetings, never Common Area Calling.
    const fjord = rows.find((r) => r.name === 'Fjord Analytics')!;
    const sub = await oneRow(db.select().from(subscribers).where(eq(subscribers.customerId, fjord.id)), 'sub');
    expect(sub.package).toBe('webex_meetings');
    // Each welcome e-mail is queued for delivery (batch + reference).
    expect(jobs.of(QUEUES.deliverEmail)).toHaveLength(4);
  });

  it('writes one customer.status_changed and one subscriber.created per customer when an endpoint listens', async () => {
    const op = webhookOps.create;
    await call(admin.userId, partnerId, op.capability, op.schema, op.handler, {
      url: 'http://127.0.0.1:9/hooks',
      eventTypes: ['customer.status_changed', 'subscriber.created'],
      includeIndirect: false,
    });
    const ids = [await create(), await create()];
    await provisionBatch(deps, ids);
    const events = await db.select().from(webhookEvents).where(eq(webhookEvents.orgId, partnerId));
    for (const id of ids) {
      const mine = events.filter((e) => e.payload.data.id === id || e.payload.data.customerId === id);
      expect(mine.map((e) => e.type).sort()).toEqual(['customer.status_changed', 'subscriber.created']);
      expect(mine.find((e) => e.type === 'customer.status_changed')!.payload.data).toMatchObject({
        status: 'provisioned',
        previousStatus: 'provisioning',
      });
    }
  });

  it('is all-or-nothing: a batch that loses a race mid-way leaves every customer untouched, and the next run builds them once', async () => {
    const ids = [await create(), await create({ companyName: 'Contested Name GmbH' }), await create()];
    const racing = await create();
    // Another writer takes the SIP domain the batch is about to give, and commits only once the batch waits on it.
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const racer = db.transaction(async (tx) => {
      await tx.execute(sql`update customers set sip_domain = 'contested-name-gmbh.sip.partnerhub.test' where id = ${racing}`);
      await held;
    });
    const batch = provisionBatch(deps, ids).catch((e: unknown) => e);
    for (let i = 0; i < 200; i++) {
      const [{ waiting }] = await db.execute<{ waiting: number }>(
        sql`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if (waiting > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    release();
    await racer;
    expect(uniqueViolation(await batch)).toBe('customers_sip_domain_unique');
    for (const id of ids) expect(await footprint(id)).toEqual(NOTHING);
    expect(await logOf(ids[0])).toEqual([expect.stringMatching(/^accepted: /)]);

    expect((await provisionBatch(deps, ids)).provisioned).toHaveLength(3);
    expect((await provisionBatch(deps, ids)).settled).toHaveLength(3); // a re-run finds them done
    for (const id of ids) expect(await footprint(id)).toEqual(DONE);
    const contested = await oneRow(db.select().from(customers).where(eq(customers.id, ids[1])), 'contested');
    expect(contested.sipDomain).toBe(`contested-name-gmbh-${at(ids, 1).slice(0, 8)}.sip.partnerhub.test`);
  });

  it('two batches sharing customers at the same time build each customer once', async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => create()));
    await Promise.all([provisionBatch(deps, ids.slice(0, 4)), provisionBatch(deps, ids.slice(2)), provisionBatch(deps, ids)]);
    for (const id of ids) expect(await footprint(id)).toEqual(DONE);
  });
});

describe('customers that are not fresh', () => {
  it('go one by one: a restricted party is parked, a half-built one is finished, a taken e-mail fails, a done one is left', async () => {
    const fresh = await create();
    const restricted = await create({ companyName: 'Umbra Arms Ltd.' });
    const halfBuilt = await create();
    await expect(
      provisionCustomer(deps, halfBuilt, {
        beforeStep: (s) => {
          if (s === 'sip_domain') throw new Error('worker killed');
        },
      }),
    ).rejects.toThrow();
    const done = await create();
    await provisionCustomer(deps, done);
    const taken = await create();
    const t = await oneRow(db.select().from(customers).where(eq(customers.id, taken)), 't');
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`); // an address taken before the claim rule existed
      await tx.insert(users).values({ orgId: partnerId, email: t.adminEmail });
    });

    const ids = [fresh, restricted, halfBuilt, done, taken];
    const result = await provisionBatch(deps, ids);
    expect(result.provisioned).toEqual([fresh]);
    expect(result.oneByOne.sort()).toEqual([restricted, halfBuilt, taken].sort());
    expect(result.settled).toEqual([done]);

    // The worker's handling of the whole batch: the rest one by one, every job accounted for.
    const failed: string[] = [];
    await runProvisioningJobs(
      deps,
      ids.map((id) => ({ id: `job-${id}`, customerId: id, finalAttempt: false })),
      async (job) => {
        failed.push(job.customerId);
      },
      (id, finalAttempt) => provisionCustomer(deps, id, { finalAttempt }),
    );
    expect(failed).toEqual([]);
    const status = async (id: string) => (await db.select({ s: customers.status }).from(customers).where(eq(customers.id, id)))[0].s;
    expect(await status(restricted)).toBe('pending_rpl_review');
    expect(await footprint(halfBuilt)).toEqual(DONE);
    expect(await status(taken)).toBe('error');
    expect(await footprint(fresh)).toEqual(DONE);
    expect(await footprint(done)).toEqual(DONE);
  });

  it('a batch that fails as a whole is provisioned one by one, and a job whose customer keeps failing is handed back to the queue', async () => {
    const ids = [await create(), await create()];
    const failed: string[] = [];
    let calls = 0;
    const broken: ServiceDeps = {
      ...deps,
      clock: {
        now: () => {
          if (calls++ === 0) throw new Error('database went away');
          return clock.now();
        },
      },
    };
    await runProvisioningJobs(
      broken,
      ids.map((id) => ({ id, customerId: id, finalAttempt: false })),
      async (job) => {
        failed.push(job.customerId);
      },
      async (id) => {
        if (id === ids[1]) throw new Error('still down');
        return provisionCustomer(deps, id);
      },
    );
    expect(await footprint(ids[0])).toEqual(DONE);
    expect(failed).toEqual([ids[1]]);
    expect(await footprint(ids[1])).toEqual(NOTHING);
  });
});
