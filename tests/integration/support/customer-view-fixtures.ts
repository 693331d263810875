// Builders for the customer-view tests: a customer with packages and a creation package,
// subscribers with an open ledger interval, and a snapshot of everything a mutation could touch.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customerPackages, customers, orgs, subscribers, users } from '@/db/schema';
import type { PackageId } from '@/lib/domain/packages';
import { openAssignment } from '@/lib/ledger/assignments';
import { makeCustomer } from './fixtures';
import { oneRow } from '@/db/one-row';

let seq = 0;
/** Unique per test file run: e-mails, extensions and numbers never collide by accident. */
export const next = () => ++seq;
export const uniquePhone = () => `+1415${String(5_000_000 + next()).padStart(7, '0')}`;
export const uniqueEmail = (what = 'user') => `${what}-${next()}-${Date.now().toString(36)}@customer.test`;

export const CUSTOMER_PACKAGES: PackageId[] = ['common_area_calling', 'webex_voice', 'webex_calling', 'webex_suite', 'webex_meetings'];

/** A provisioned customer selling CUSTOMER_PACKAGES, creation package Webex Calling. */
export async function setupCustomer(db: Db, partnerId: string, opts: { rbpm: boolean; packages?: PackageId[] }) {
  const { org, customer } = await makeCustomer(db, partnerId, { rbpm: opts.rbpm });
  const packages = opts.packages ?? CUSTOMER_PACKAGES;
  await db.insert(customerPackages).values(packages.map((p) => ({ customerId: customer.id, package: p, status: 'provisioned' as const })));
  await db.update(customers).set({ creationPackage: 'webex_calling' }).where(eq(customers.id, customer.id));
  const [c] = await db.select().from(customers).where(eq(customers.id, customer.id));
  const hq = await oneRow(db.execute<{ id: string }>(sql`select id from locations where org_id = ${org.id} and is_headquarters`), 'hq');
  return { orgId: org.id, customerId: customer.id, partnerOrgId: partnerId, hqId: hq.id, customer: c };
}

export type ViewCustomer = Awaited<ReturnType<typeof setupCustomer>>;

/** A user subscriber with an open interval starting at `at`. */
export async function insertUser(db: Db, c: ViewCustomer, opts: { package?: PackageId; at?: Date; extension?: string | null } = {}) {
  const pkg = opts.package ?? 'webex_calling';
  const at = opts.at ?? new Date('2030-01-01T00:00:00Z');
  const u = await oneRow(
    db
      .insert(users)
      .values({ orgId: c.orgId, email: uniqueEmail('seed'), firstName: 'Seed', lastName: `User ${next()}` })
      .returning(),
    'u',
  );
  const s = await oneRow(
    db
      .insert(subscribers)
      .values({
        customerId: c.customerId,
        orgId: c.orgId,
        kind: 'user',
        userId: u.id,
        package: pkg,
        locationId: c.hqId,
        extension: opts.extension === undefined ? (pkg === 'webex_meetings' ? null : String(3000 + next())) : opts.extension,
      })
      .returning(),
    's',
  );
  await openAssignment(db, { subscriberId: s.id, customerId: c.customerId, partnerOrgId: c.partnerOrgId, locationId: c.hqId }, pkg, at);
  return { userId: u.id, subscriberId: s.id, email: u.email };
}

/** Everything the customer-view mutations write, for "nothing changed when refused". */
export async function snapshot(db: Db, orgId: string) {
  const [counts] = await db.execute<Record<string, string>>(sql`
    select
      (select count(*) from subscribers where org_id = ${orgId}) as subscribers,
      (select count(*) from subscribers where org_id = ${orgId} and removed_at is null) as active,
      (select count(*) from users where org_id = ${orgId}) as users,
      (select count(*) from locations where org_id = ${orgId}) as locations,
      (select count(*) from audit_log where org_id = ${orgId}) as audits,
      (select count(*) from package_assignments pa join subscribers s on s.id = pa.subscriber_id where s.org_id = ${orgId}) as intervals,
      (select count(*) from package_assignments pa join subscribers s on s.id = pa.subscriber_id where s.org_id = ${orgId} and pa.ended_at is null) as open,
      (select string_agg(s.package || ':' || coalesce(s.primary_phone_number, ''), ',' order by s.id) from subscribers s where s.org_id = ${orgId}) as packages,
      (select string_agg(u.first_name || u.last_name || u.email, ',' order by u.id) from users u where u.org_id = ${orgId}) as names`);
  const org = await oneRow(db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, orgId)), 'org');
  const [settings] = await db.execute(
    sql`select domain, suppress_admin_invite_emails, email_language, sso from org_settings where org_id = ${orgId}`,
  );
  return { ...counts, name: org.name, settings: JSON.stringify(settings ?? null) };
}
