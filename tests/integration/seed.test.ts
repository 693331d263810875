// The demo data set (SPEC §10): what someone signing in to the demo would notice.
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  customerPackages,
  customers,
  onboardingTemplates,
  orgRelations,
  orgs,
  packageAssignments,
  restrictedParties,
  roleGrants,
  subscribers,
  trials,
  users,
} from '@/db/schema';
import { buildDemoData, seedDemo } from '@/db/seed';
import { verifyPassword } from '@/lib/auth/password';
import { DEMO_ACCOUNTS, DEMO_ORG_IDS, DEMO_PASSWORD } from '@/lib/demo/accounts';
import { normalizeCompanyName } from '@/lib/domain/company-name';
import { PACKAGE_INFO } from '@/lib/domain/packages';
import type { Role } from '@/lib/domain/roles';
import { freshDb } from './support/test-db';
import { oneRow } from '@/db/one-row';
import { at } from '@/tests/support/rows';

const db = await freshDb();
const NOW = new Date('2025-06-15T12:00:00.000Z');
const DAY = 86_400_000;

const EXPECTED_GRANTS: Record<string, { org: string; roles: Role[] }> = {
  'full.admin@northwind.test': { org: DEMO_ORG_IDS.northwind, roles: ['partner_full_admin', 'wholesale_admin'] },
  'wholesale.admin@northwind.test': { org: DEMO_ORG_IDS.northwind, roles: ['wholesale_admin'] },
  'readonly@northwind.test': { org: DEMO_ORG_IDS.northwind, roles: ['partner_readonly_admin'] },
  'admin@fabrikam.test': { org: DEMO_ORG_IDS.fabrikam, roles: ['partner_full_admin', 'wholesale_admin'] },
  'admin@tailspin.test': { org: DEMO_ORG_IDS.tailspin, roles: ['partner_full_admin', 'wholesale_admin'] },
  'sales.full@contoso.test': { org: DEMO_ORG_IDS.contoso, roles: ['sales_full_admin'] },
  'sales@contoso.test': { org: DEMO_ORG_IDS.contoso, roles: ['sales_admin'] },
  'admin@acme-dental.test': { org: DEMO_ORG_IDS.acmeDental, roles: ['customer_full_admin'] },
  'admin@bluebird-bakery.test': { org: DEMO_ORG_IDS.bluebirdBakery, roles: ['customer_full_admin'] },
  'sales.full@litware.test': { org: DEMO_ORG_IDS.litware, roles: ['sales_full_admin'] },
  'admin@harbor-law.test': { org: DEMO_ORG_IDS.harborLaw, roles: ['customer_full_admin'] },
};

beforeAll(async () => {
  const started = Date.now();
  await seedDemo(db, NOW);
  // The demo must be quick to (re)create; the budget is 15 s on a slow machine.
  expect(Date.now() - started).toBeLessThan(15_000);
});

/** Drizzle wraps driver errors; the trigger's message is on the cause. */
function messages(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err; e instanceof Error; e = e.cause) parts.push(e.message);
  return parts.join(' | ');
}

async function statusOf(name: string) {
  const [row] = await db
    .select({ status: customers.status, rbpm: customers.rbpm, customerId: customers.id, deprovisionedAt: customers.deprovisionedAt })
    .from(customers)
    .innerJoin(orgs, eq(orgs.id, customers.orgId))
    .where(eq(orgs.name, name));
  return row;
}

describe('demo accounts', () => {
  it('lists exactly the eleven accounts of SPEC §10 with the shared demo password', () => {
    expect(DEMO_PASSWORD).toBe('Password123!');
    expect(DEMO_ACCOUNTS.map((a) => a.email).sort()).toEqual(Object.keys(EXPECTED_GRANTS).sort());
  });

  it.each(Object.entries(EXPECTED_GRANTS))('%s signs in with the demo password and holds its roles', async (email, expected) => {
    const user = await oneRow(db.select().from(users).where(eq(users.email, email)), 'user');
    expect(user, email).toBeDefined();
    expect(user.orgId).toBe(expected.org);
    expect(user.passwordHash).toBeTruthy();
    expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash ?? '')).toBe(true);
    expect(await verifyPassword('password123!', user.passwordHash ?? '')).toBe(false);
    const grants = await db
      .select({ orgId: roleGrants.orgId, role: roleGrants.role })
      .from(roleGrants)
      .where(eq(roleGrants.userId, user.id));
    expect(grants.map((g) => g.orgId).every((o) => o === expected.org)).toBe(true);
    expect(grants.map((g) => g.role).sort()).toEqual([...expected.roles].sort());
  });

  it('gives no password to people who are not demo accounts', async () => {
    const row = await oneRow(
      db.execute<{ n: number }>(sql`
      select count(*)::int as n from users where password_hash is not null
        and lower(email) not in (${sql.join(
          DEMO_ACCOUNTS.map((a) => sql`${a.email}`),
          sql`, `,
        )})`),
      'row',
    );
    expect(row.n).toBe(0);
  });
});

describe('organisations', () => {
  it('has the demo partners with their fixed ids', async () => {
    const rows = await db
      .select()
      .from(orgs)
      .where(inArray(orgs.id, Object.values(DEMO_ORG_IDS)));
    const byId = new Map(rows.map((o) => [o.id, o]));
    expect(byId.get(DEMO_ORG_IDS.northwind)).toMatchObject({
      name: 'Northwind Telecom',
      kind: 'partner',
      wholesale: true,
      country: 'US',
      language: 'en_US',
    });
    expect(byId.get(DEMO_ORG_IDS.contoso)).toMatchObject({ name: 'Contoso Solutions', kind: 'partner', wholesale: false });
    expect(byId.get(DEMO_ORG_IDS.acmeDental)).toMatchObject({ name: 'Acme Dental', kind: 'customer', wholesale: true });
    expect(byId.get(DEMO_ORG_IDS.bluebirdBakery)).toMatchObject({ name: 'Bluebird Bakery', kind: 'customer', wholesale: true });
  });

  it('marks customers as wholesale exactly when their partner is (trial customers are not)', async () => {
    const rows = await db.execute<{ mismatched: number }>(sql`
      select count(*)::int as mismatched from customers c
      join orgs o on o.id = c.org_id join orgs p on p.id = c.partner_org_id
      where o.wholesale <> p.wholesale`);
    expect(at(rows, 0).mismatched).toBe(0);
  });

  it('makes Fabrikam and Tailspin active indirect providers of Northwind, sharing its subscription', async () => {
    for (const id of [DEMO_ORG_IDS.fabrikam, DEMO_ORG_IDS.tailspin]) {
      const org = await oneRow(db.select().from(orgs).where(eq(orgs.id, id)), 'org');
      expect(org).toMatchObject({ kind: 'sub_partner', parentPartnerId: DEMO_ORG_IDS.northwind, wholesale: true, state: 'active' });
      expect(org.billingStartDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const rel = await db
        .select()
        .from(orgRelations)
        .where(and(eq(orgRelations.managerOrgId, DEMO_ORG_IDS.northwind), eq(orgRelations.managedOrgId, id)));
      expect(rel).toHaveLength(1);
      const shared = await oneRow(
        db.execute<{ subscription_id: string }>(
          sql`select subscription_id from sub_partner_subscriptions where sub_partner_org_id = ${id}`,
        ),
        'shared',
      );
      expect(shared.subscription_id).toBe('Sub-104221');
    }
  });

  it('relates sub-partner customers to both their owner and Northwind', async () => {
    const row = await oneRow(
      db.execute<{ n: number; missing: number }>(sql`
      select count(*)::int as n,
             count(*) filter (where not exists (select 1 from org_relations r where r.manager_org_id = c.partner_org_id and r.managed_org_id = c.org_id)
                               or not exists (select 1 from org_relations r where r.manager_org_id = ${DEMO_ORG_IDS.northwind} and r.managed_org_id = c.org_id))::int as missing
      from customers c where c.partner_org_id in (${DEMO_ORG_IDS.fabrikam}, ${DEMO_ORG_IDS.tailspin})`),
      'row',
    );
    expect(row.n).toBeGreaterThanOrEqual(10);
    expect(row.missing).toBe(0);
  });
});

describe('templates', () => {
  it('gives every wholesale partner and sub-partner at least two templates, one without PSTN', async () => {
    for (const id of [DEMO_ORG_IDS.northwind, DEMO_ORG_IDS.fabrikam, DEMO_ORG_IDS.tailspin]) {
      const rows = await db.select().from(onboardingTemplates).where(eq(onboardingTemplates.orgId, id));
      expect(rows.length).toBeGreaterThanOrEqual(2);
      expect(rows.some((t) => t.pstnProviderId === null)).toBe(true);
      expect(rows.some((t) => t.pstnProviderId !== null)).toBe(true);
      expect(rows.every((t) => t.subscriptionId === 'Sub-104221')).toBe(true);
    }
  });

  it('uses calling packages only with a template that has a PSTN provider', async () => {
    const row = await oneRow(
      db.execute<{ n: number }>(sql`
      select count(*)::int as n from customers c
      join onboarding_templates t on t.id = c.template_id
      join customer_packages p on p.customer_id = c.id
      where t.pstn_provider_id is null and p.package <> 'webex_meetings'`),
      'row',
    );
    expect(row.n).toBe(0);
  });
});

describe('customers', () => {
  it('gives Northwind ~40 customers covering every status', async () => {
    const rows = await db.select({ status: customers.status }).from(customers).where(eq(customers.partnerOrgId, DEMO_ORG_IDS.northwind));
    expect(rows.length).toBeGreaterThanOrEqual(35);
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of [
      'provisioned',
      'provisioning',
      'error',
      'pending_rpl_review',
      'deprovisioned',
      'provisioned_with_errors',
      'suspended',
    ] as const) {
      expect(statuses.has(s), s).toBe(true);
    }
  });

  it('has Acme Dental with RBPM on and Bluebird Bakery with RBPM off, both active', async () => {
    expect(await statusOf('Acme Dental')).toMatchObject({ status: 'provisioned', rbpm: true });
    expect(await statusOf('Bluebird Bakery')).toMatchObject({ status: 'provisioned', rbpm: false });
  });

  it('flags the customer pending review because its name is on the restricted-party list', async () => {
    const pending = await db
      .select({ name: orgs.name, startedAt: customers.rplReviewStartedAt })
      .from(customers)
      .innerJoin(orgs, eq(orgs.id, customers.orgId))
      .where(eq(customers.status, 'pending_rpl_review'));
    expect(pending.length).toBeGreaterThanOrEqual(1);
    const listed = new Set((await db.select().from(restrictedParties)).map((r) => r.normalizedName));
    for (const p of pending) {
      expect(listed.has(normalizeCompanyName(p.name))).toBe(true);
      const age = NOW.getTime() - (p.startedAt?.getTime() ?? 0);
      expect(age).toBeGreaterThan(0);
      expect(age).toBeLessThan(72 * 3600_000);
    }
  });

  it('shows the error of a failed customer and of a failed package', async () => {
    const failed = await oneRow(db.select().from(customers).where(eq(customers.status, 'error')), 'failed');
    expect(failed.errors.length).toBeGreaterThan(0);
    const partial = await oneRow(db.select().from(customers).where(eq(customers.status, 'provisioned_with_errors')), 'partial');
    const pkgs = await db.select().from(customerPackages).where(eq(customerPackages.customerId, partial.id));
    const broken = pkgs.filter((p) => p.status === 'error');
    expect(broken).toHaveLength(1);
    expect(broken[0].errors.length).toBeGreaterThan(0);
  });

  it('keeps external ids unique per partner and sets up provisioned customers completely', async () => {
    const row = await oneRow(
      db.execute<{ bad: number }>(sql`
      select count(*)::int as bad from customers c
      where c.status = 'provisioned' and c.template_id is not null and (
        c.sip_domain is null or c.creation_package is null
        or not exists (select 1 from locations l where l.org_id = c.org_id and l.is_headquarters)
        or not exists (select 1 from subscribers s where s.customer_id = c.id)
        or not exists (select 1 from role_grants g where g.org_id = c.org_id and g.role = 'customer_full_admin'))`),
      'row',
    );
    expect(row.bad).toBe(0);
  });

  it('makes the customer admin the first subscriber, holding the creation package', async () => {
    const acme = await oneRow(db.select().from(customers).where(eq(customers.orgId, DEMO_ORG_IDS.acmeDental)), 'acme');
    const subs = await db
      .select({ email: users.email, pkg: subscribers.package, createdAt: subscribers.createdAt })
      .from(subscribers)
      .innerJoin(users, eq(users.id, subscribers.userId))
      .where(eq(subscribers.customerId, acme.id))
      .orderBy(subscribers.createdAt);
    expect(at(subs, 0).email).toBe('admin@acme-dental.test');
    expect(at(subs, 0).pkg).toBe(acme.creationPackage);
    expect(acme.meetingsSiteUrl).toBe('acme-dental.webex.test');
    expect(acme.sipDomain).toBe('acme-dental.sip.partnerhub.test');
  });

  it('numbers calling subscribers and leaves meetings-only seats without numbers', async () => {
    const rows = await db.select().from(subscribers);
    for (const s of rows) {
      if (PACKAGE_INFO[s.package].calling) expect(s.extension ?? s.primaryPhoneNumber, s.id).toBeTruthy();
      else expect([s.extension, s.primaryPhoneNumber]).toEqual([null, null]);
    }
    expect(rows.some((s) => s.kind === 'workspace' && s.package === 'common_area_calling')).toBe(true);
  });

  it('gives Contoso trial customers (no template, no subscription) with varied days left', async () => {
    const rows = await db.select().from(customers).where(eq(customers.partnerOrgId, DEMO_ORG_IDS.contoso));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.every((r) => r.templateId === null && r.subscriptionId === null && r.externalId.startsWith('CT-'))).toBe(true);
    const ts = await db.select().from(trials).where(eq(trials.partnerOrgId, DEMO_ORG_IDS.contoso));
    expect(ts.some((t) => t.status === 'pending_consent')).toBe(true);
    const daysLeft = ts.filter((t) => t.endsAt).map((t) => Math.round(((t.endsAt?.getTime() ?? 0) - NOW.getTime()) / DAY));
    expect(daysLeft).toContain(5);
    expect(new Set(daysLeft).size).toBeGreaterThan(1);
    const salesAdmin = await oneRow(db.select().from(users).where(eq(users.email, 'sales@contoso.test')), 'salesAdmin');
    expect(ts.some((t) => t.createdBy === salesAdmin.id)).toBe(true);
  });
});

describe('billing ledger', () => {
  it('has a year of history', async () => {
    const row = await oneRow(
      db.execute<{ earliest: string; latest: string; n: number; changed: number; removed: number }>(sql`
      select min(started_at)::text as earliest, max(started_at)::text as latest, count(*)::int as n,
             (select count(*)::int from (select subscriber_id from package_assignments group by 1 having count(*) > 1) x) as changed,
             (select count(*)::int from subscribers where removed_at is not null) as removed
      from package_assignments`),
      'row',
    );
    expect(NOW.getTime() - new Date(row.earliest).getTime()).toBeGreaterThan(300 * DAY);
    expect(NOW.getTime() - new Date(row.earliest).getTime()).toBeLessThan(366 * DAY);
    expect(new Date(row.latest).getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(row.n).toBeGreaterThan(200);
    expect(row.changed).toBeGreaterThan(0);
    expect(row.removed).toBeGreaterThan(0);
  });

  it('never has two open intervals, or overlapping intervals, for one subscriber', async () => {
    const [row] = await db.execute<{ doubleOpen: number; overlaps: number; beforeCustomer: number }>(sql`
      select
        (select count(*)::int from (select subscriber_id from package_assignments where ended_at is null group by 1 having count(*) > 1) x) as "doubleOpen",
        (select count(*)::int from package_assignments a join package_assignments b
           on a.subscriber_id = b.subscriber_id and a.id < b.id
          and a.started_at < coalesce(b.ended_at, 'infinity') and b.started_at < coalesce(a.ended_at, 'infinity')) as overlaps,
        (select count(*)::int from package_assignments a join customers c on c.id = a.customer_id where a.started_at < c.created_at) as "beforeCustomer"`);
    expect(row).toEqual({ doubleOpen: 0, overlaps: 0, beforeCustomer: 0 });
  });

  it('bills active subscribers through one open interval and removed ones through none', async () => {
    const row = await oneRow(
      db.execute<{ bad: number }>(sql`
      select count(*)::int as bad from subscribers s
      where (s.removed_at is null) <> exists (select 1 from package_assignments a where a.subscriber_id = s.id and a.ended_at is null)
         or (s.removed_at is not null and exists (select 1 from package_assignments a where a.subscriber_id = s.id and a.ended_at > s.removed_at))`),
      'row',
    );
    expect(row.bad).toBe(0);
  });

  it('closed every interval of the deprovisioned customer at its deprovisioning time', async () => {
    // The wholesale one (an ended trial's customer is deprovisioned too, with no ledger of its own).
    const c = await oneRow(
      db
        .select()
        .from(customers)
        .where(and(eq(customers.status, 'deprovisioned'), isNotNull(customers.templateId))),
      'c',
    );
    expect(c.deprovisionedAt).toBeInstanceOf(Date);
    const rows = await db.select().from(packageAssignments).where(eq(packageAssignments.customerId, c.id));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.endedAt === null)).toHaveLength(0);
    expect(rows.every((r) => (r.endedAt?.getTime() ?? Infinity) <= (c.deprovisionedAt?.getTime() ?? 0))).toBe(true);
  });

  it('refuses to delete ledger rows (append-only)', async () => {
    const before = await db.$count(packageAssignments);
    const err = await db.execute(sql`delete from package_assignments`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(messages(err)).toMatch(/append-only/);
    expect(await db.$count(packageAssignments)).toBe(before);
  });
});

describe('determinism', () => {
  it('builds the same data for the same clock', () => {
    expect(buildDemoData(NOW, 'hash')).toEqual(buildDemoData(NOW, 'hash'));
  });
});

describe('trials demo data (SPEC §9, §10)', () => {
  it('gives Contoso a trial in every status, one expiring within 7 days; Litware is tier 2; Harbor Law Group stands alone', async () => {
    const ts = await db.select().from(trials).where(eq(trials.partnerOrgId, DEMO_ORG_IDS.contoso));
    expect(new Set(ts.map((t) => t.status))).toEqual(
      new Set(['pending_consent', 'pending_provisioning_details', 'active', 'expired_grace', 'ended', 'converted', 'cancelled']),
    );
    expect(ts.some((t) => t.status === 'active' && t.endsAt && t.endsAt.getTime() - NOW.getTime() <= 7 * DAY)).toBe(true);
    const litware = await oneRow(db.select().from(orgs).where(eq(orgs.id, DEMO_ORG_IDS.litware)), 'litware');
    expect([litware.name, litware.tier, litware.wholesale]).toEqual(['Litware Reseller', '2', false]);
    const harbor = await oneRow(db.select().from(orgs).where(eq(orgs.id, DEMO_ORG_IDS.harborLaw)), 'harbor');
    expect(harbor.name).toBe('Harbor Law Group');
    expect(await db.$count(users, eq(users.orgId, harbor.id))).toBe(12);
    expect(await db.$count(customers, eq(customers.orgId, harbor.id))).toBe(0);
    expect(await db.$count(orgRelations, eq(orgRelations.managedOrgId, harbor.id))).toBe(0);
  });
});
