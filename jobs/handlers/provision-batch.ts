// Provisioning a whole fetched batch of customers set-based (issue 13): one transaction,
// a fixed number of multi-row statements whatever the batch size, so the per-customer
// cost is the rows, not round trips and commits. It takes only *fresh* customers — still
// provisioning, with nothing built yet and nothing unusual about them — and builds each
// completely or not at all: the transaction is all-or-nothing, so a crash leaves every
// one of them fresh for the next run, and a re-run finds them provisioned and skips them.
// Everything else (half-built after a crash, a restricted-party match, an e-mail taken,
// a missing request) and any batch that fails goes through the one-customer path
// (provision-customer.ts), whose steps handle those cases one by one.
import { logger } from '@/lib/platform/logger';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import {
  customerPackages,
  customers,
  locations,
  onboardingTemplates,
  orgSettings,
  orgs,
  provisioningEvents,
  restrictedParties,
  roleGrants,
  subscribers,
  users,
} from '@/db/schema';
import { changeCustomersStatus } from '@/lib/customers/change-customer-status';
import { slugify } from '@/lib/customers/customer-slug';
import { provisioningRequestSchema, type ProvisioningRequest } from '@/lib/customers/provisioning-request';
import { adminName, PLATFORM_DOMAIN, PROVISIONING_LOG, ssoFromTemplate, welcomeEmail } from '@/lib/customers/provisioning-steps';
import { normalizeCompanyName } from '@/lib/domain/company-name';
import { dialInCode } from '@/lib/domain/countries';
import { meetingsLocale, resolveLocale } from '@/lib/domain/locales';
import { PACKAGE_INFO, creationPackage, type PackageId } from '@/lib/domain/packages';
import { openAssignments } from '@/lib/ledger/assignments';
import { queueEmails } from '@/lib/platform/outbox';
import type { ServiceDeps } from '@/lib/platform/service-ctx';
import { emitSubscriberEvent } from '@/lib/webhooks/emit-resource-events';
import { orgsSubscribedTo } from '@/lib/webhooks/subscribed-orgs';

export interface BatchResult {
  /** Provisioned by this batch. */
  provisioned: string[];
  /** Not fresh: to be provisioned one by one. */
  oneByOne: string[];
  /** No longer provisioning (done, deleted, parked): nothing to do. */
  settled: string[];
}

interface Fresh {
  id: string;
  orgId: string;
  partnerOrgId: string;
  name: string;
  country: string;
  adminEmail: string;
  language: string | null;
  request: ProvisioningRequest;
  adminPackage: PackageId;
}

type Row = Awaited<ReturnType<typeof lockBatch>>[number];

/** The batch's customers, locked in id order (two batches sharing customers can't deadlock). */
function lockBatch(tx: Tx, ids: string[]) {
  return tx
    .select({
      id: customers.id,
      orgId: customers.orgId,
      partnerOrgId: customers.partnerOrgId,
      status: customers.status,
      name: orgs.name,
      country: orgs.country,
      adminEmail: customers.adminEmail,
      language: customers.language,
      subscriptionId: customers.subscriptionId,
      sipDomain: customers.sipDomain,
      meetingsSiteUrl: customers.meetingsSiteUrl,
      provisioningRequest: customers.provisioningRequest,
      attached: customers.attached,
    })
    .from(customers)
    .innerJoin(orgs, eq(orgs.id, customers.orgId))
    .where(inArray(customers.id, ids))
    .orderBy(asc(customers.id))
    .for('update', { of: customers });
}

/** Which of the locked customers the batch may build; the reasons it may not are each the one-customer path's business. */
async function selectFresh(tx: Tx, live: Row[]): Promise<Fresh[]> {
  const candidates: Fresh[] = [];
  for (const r of live) {
    const parsed = provisioningRequestSchema.safeParse(r.provisioningRequest);
    // An attached org (SPEC §8.3) keeps its users and settings: only the one-by-one path knows how.
    if (!parsed.success || r.attached || r.subscriptionId || r.sipDomain || r.meetingsSiteUrl) continue;
    const adminPackage = creationPackage(parsed.data.packages.filter((p) => p !== 'common_area_calling'));
    if (!adminPackage) continue;
    candidates.push({
      id: r.id,
      orgId: r.orgId,
      partnerOrgId: r.partnerOrgId,
      name: r.name,
      country: r.country ?? parsed.data.address.country,
      adminEmail: r.adminEmail,
      language: r.language,
      request: parsed.data,
      adminPackage,
    });
  }
  if (!candidates.length) return [];
  const ids = candidates.map((c) => c.id);
  const orgIds = candidates.map((c) => c.orgId);
  const emails = candidates.map((c) => c.adminEmail.toLowerCase());
  const names = [...new Set(candidates.map((c) => normalizeCompanyName(c.name)))];
  const [started, locationsOf, usersOf, takenEmails, listed] = await Promise.all([
    tx
      .selectDistinct({ id: provisioningEvents.customerId })
      .from(provisioningEvents)
      .where(and(inArray(provisioningEvents.customerId, ids), ne(provisioningEvents.step, 'accepted'))),
    tx.selectDistinct({ orgId: locations.orgId }).from(locations).where(inArray(locations.orgId, orgIds)),
    tx.selectDistinct({ orgId: users.orgId }).from(users).where(inArray(users.orgId, orgIds)),
    tx
      .select({ email: sql<string>`lower(${users.email})` })
      .from(users)
      .where(inArray(sql`lower(${users.email})`, emails)),
    tx.select({ n: restrictedParties.normalizedName }).from(restrictedParties).where(inArray(restrictedParties.normalizedName, names)),
  ]);
  const startedIds = new Set(started.map((r) => r.id));
  const builtOrgs = new Set([...locationsOf, ...usersOf].map((r) => r.orgId));
  const taken = new Set(takenEmails.map((r) => r.email));
  const restricted = new Set(listed.map((r) => r.n));
  const seenEmails = new Set<string>();
  return candidates.filter((c) => {
    const email = c.adminEmail.toLowerCase();
    if (
      startedIds.has(c.id) ||
      builtOrgs.has(c.orgId) ||
      taken.has(email) ||
      seenEmails.has(email) ||
      restricted.has(normalizeCompanyName(c.name))
    )
      return false;
    seenEmails.add(email);
    return true;
  });
}

/** SIP-domain labels as customerSlug gives them: a label taken (elsewhere or earlier in the batch) gets a piece of the customer id. */
async function slugsFor(tx: Tx, fresh: Fresh[]): Promise<Map<string, string>> {
  const bases = fresh.map((c) => ({ id: c.id, base: slugify(c.name) }));
  const domains = [...new Set(bases.map((b) => b.base))].map((b) => `${b}.sip.${PLATFORM_DOMAIN}`);
  const takenRows = await tx.select({ d: customers.sipDomain }).from(customers).where(inArray(customers.sipDomain, domains));
  const taken = new Set(takenRows.map((r) => r.d));
  const out = new Map<string, string>();
  for (const { id, base } of bases) {
    const domain = `${base}.sip.${PLATFORM_DOMAIN}`;
    out.set(id, taken.has(domain) ? `${base}-${id.slice(0, 8)}` : base);
    taken.add(domain);
  }
  return out;
}

/** Builds every fresh customer of the batch in the caller's transaction. */
async function buildAll(tx: Tx, deps: ServiceDeps, fresh: Fresh[], afterCommit: (f: () => Promise<void> | void) => void): Promise<void> {
  const now = deps.clock.now();
  const sink = { jobs: deps.jobs, afterCommit };
  const templateIds = [...new Set(fresh.map((c) => c.request.templateId).filter((t): t is string => !!t))];
  const [templates, slugs] = await Promise.all([
    templateIds.length
      ? tx
          .select({
            id: onboardingTemplates.id,
            authMode: onboardingTemplates.authMode,
            idpEntityId: onboardingTemplates.idpEntityId,
            idpName: onboardingTemplates.idpName,
          })
          .from(onboardingTemplates)
          .where(inArray(onboardingTemplates.id, templateIds))
      : Promise.resolve([]),
    slugsFor(tx, fresh),
  ]);
  const templateById = new Map(templates.map((t) => [t.id, t]));

  // People and billing: HQ, administrator, grant, subscriber, open interval.
  const hqs = await tx
    .insert(locations)
    .values(
      fresh.map((c) => {
        const a = c.request.address;
        return {
          orgId: c.orgId,
          name: 'Headquarters',
          isHeadquarters: true,
          addressLine1: a.addressLine1,
          addressLine2: a.addressLine2 || null,
          city: a.city,
          stateOrProvince: a.stateOrProvince || null,
          postalCode: a.postalCode,
          country: a.country,
          language: c.language,
          createdAt: now,
        };
      }),
    )
    .returning({ id: locations.id, orgId: locations.orgId });
  const hqOf = new Map(hqs.map((l) => [l.orgId, l.id]));
  const admins = await tx
    .insert(users)
    .values(fresh.map((c) => ({ orgId: c.orgId, email: c.adminEmail, ...adminName(c.request), createdAt: now, updatedAt: now })))
    .returning({ id: users.id, orgId: users.orgId });
  const adminOf = new Map(admins.map((u) => [u.orgId, u.id]));
  await tx
    .insert(roleGrants)
    .values(fresh.map((c) => ({ userId: adminOf.get(c.orgId)!, orgId: c.orgId, role: 'customer_full_admin' as const, createdAt: now })));
  const subs = await tx
    .insert(subscribers)
    .values(
      fresh.map((c) => ({
        customerId: c.id,
        orgId: c.orgId,
        kind: 'user' as const,
        userId: adminOf.get(c.orgId)!,
        package: c.adminPackage,
        locationId: hqOf.get(c.orgId)!,
        extension: PACKAGE_INFO[c.adminPackage].calling ? '1001' : null,
        status: 'provisioned' as const,
        createdAt: now,
        lastStatusChangeAt: now,
      })),
    )
    .returning({ id: subscribers.id, customerId: subscribers.customerId });
  const subOf = new Map(subs.map((s) => [s.customerId, s.id]));
  await openAssignments(
    tx,
    fresh.map((c) => ({
      subscriberId: subOf.get(c.id)!,
      customerId: c.id,
      partnerOrgId: c.partnerOrgId,
      locationId: hqOf.get(c.orgId)!,
      package: c.adminPackage,
    })),
    now,
  );
  const wantSubscriberEvents = await orgsSubscribedTo(
    tx,
    fresh.map((c) => c.partnerOrgId),
    'subscriber.created',
  );
  for (const c of fresh) {
    if (wantSubscriberEvents.has(c.partnerOrgId))
      await emitSubscriberEvent({ db: tx, ...sink }, 'subscriber.created', subOf.get(c.id)!, now);
  }

  // Services: settings from the template, subscription, SIP domain and meetings site, packages.
  await tx
    .insert(orgSettings)
    .values(
      fresh.map((c) => ({
        orgId: c.orgId,
        emailLanguage: c.language,
        sso: ssoFromTemplate(c.request.templateId ? templateById.get(c.request.templateId) : undefined),
        updatedAt: now,
      })),
    )
    .onConflictDoNothing();
  const services = fresh.map((c) => {
    const slug = slugs.get(c.id)!;
    const meetings = c.request.packages.some((p) => PACKAGE_INFO[p].meetings);
    const locale = resolveLocale(c.language ?? 'en_US', c.country) ?? 'en_US';
    return {
      id: c.id,
      subscription_id: c.request.subscriptionId,
      sip_domain: `${slug}.sip.${PLATFORM_DOMAIN}`,
      meetings_site_url: meetings ? `${slug}.webex.test` : null,
      meetings_dial_in_code: meetings ? dialInCode(c.country) : null,
      meetings_language: meetings ? meetingsLocale(locale) : null,
    };
  });
  // One UPDATE for the batch, the values as one JSON parameter (the 'provisioning' status is held by the row locks).
  await tx.execute(sql`
    update ${customers} c set subscription_id = v.subscription_id, sip_domain = v.sip_domain, meetings_site_url = v.meetings_site_url,
      meetings_dial_in_code = v.meetings_dial_in_code, meetings_language = v.meetings_language
    from jsonb_to_recordset(${JSON.stringify(services)}::jsonb)
      as v(id uuid, subscription_id text, sip_domain text, meetings_site_url text, meetings_dial_in_code text, meetings_language text)
    where c.id = v.id`);
  const enabled = await tx
    .update(customerPackages)
    .set({ status: 'provisioned', errors: [], updatedAt: now })
    .where(
      and(
        inArray(
          customerPackages.customerId,
          fresh.map((c) => c.id),
        ),
        ne(customerPackages.status, 'provisioned'),
      ),
    )
    .returning({ customerId: customerPackages.customerId, package: customerPackages.package });
  const packagesOf = new Map<string, string[]>();
  for (const p of enabled) packagesOf.set(p.customerId, [...(packagesOf.get(p.customerId) ?? []), PACKAGE_INFO[p.package].name]);

  await queueEmails(
    { db: tx, ...sink },
    fresh.map((c) => welcomeEmail(c)),
  );

  // The log, in the order the one-customer path writes it.
  const log: (typeof provisioningEvents.$inferInsert)[] = [];
  services.forEach((s, i) => {
    const c = fresh[i]!; // services is fresh.map(…): same length and order
    const add = (step: string, message: string) => log.push({ customerId: c.id, at: now, step, message });
    add('rpl_check', PROVISIONING_LOG.rplPassed);
    add('create_location', PROVISIONING_LOG.headquarters);
    add('create_admin', PROVISIONING_LOG.administrator(c.adminEmail, PACKAGE_INFO[c.adminPackage].name));
    if (s.subscription_id) add('attach_subscription', PROVISIONING_LOG.subscription(s.subscription_id));
    add('sip_domain', PROVISIONING_LOG.sipDomain(s.sip_domain));
    if (s.meetings_site_url) add('meetings_site', PROVISIONING_LOG.meetingsSite(s.meetings_site_url));
    const names = packagesOf.get(c.id);
    if (names?.length) add('packages', PROVISIONING_LOG.packages(names));
    add('welcome_email', PROVISIONING_LOG.welcome(c.adminEmail));
    add('completed', PROVISIONING_LOG.completed);
  });
  await tx.insert(provisioningEvents).values(log);

  // The outcome last, as one compare-and-set; a webhook event per customer whose owner listens.
  await changeCustomersStatus(
    tx,
    { customerIds: fresh.map((c) => c.id), from: 'provisioning', to: 'provisioned', at: now, set: { errors: [] } },
    sink,
  );
}

/**
 * Provisions the fresh customers among `customerIds` in one transaction and says what
 * is left: customers to provision one by one, and customers with nothing to do. Throws
 * when the batch fails as a whole (a race on a unique index, the database going away):
 * nothing of it is committed, and the caller sends the lot down the one-customer path.
 */
export async function provisionBatch(deps: ServiceDeps, customerIds: string[]): Promise<BatchResult> {
  const ids = [...new Set(customerIds)];
  const after: (() => Promise<void> | void)[] = [];
  const result = await deps.db.transaction(async (tx) => {
    const rows = await lockBatch(tx, ids);
    const live = rows.filter((r) => r.status === 'provisioning');
    const liveIds = new Set(live.map((r) => r.id));
    const fresh = await selectFresh(tx, live);
    if (fresh.length) await buildAll(tx, deps, fresh, (f) => after.push(f));
    const freshIds = new Set(fresh.map((c) => c.id));
    return {
      provisioned: [...freshIds],
      oneByOne: live.filter((r) => !freshIds.has(r.id)).map((r) => r.id),
      settled: ids.filter((id) => !liveIds.has(id)),
    };
  });
  for (const f of after) await Promise.resolve(f()).catch((err) => logger.error({ err }, 'provisioning after-commit step failed'));
  return result;
}

export interface ProvisionJob {
  id: string;
  customerId: string;
  finalAttempt: boolean;
}

/** How many one-by-one customers of a batch run side by side (each holds a connection). */
const ONE_BY_ONE_CONCURRENCY = 4;

/**
 * One fetched batch of provisioning jobs: the fresh customers set-based, the others one
 * by one. A job whose customer fails unexpectedly is handed to `fail` (pg-boss retries
 * it with backoff) while the rest of the batch completes.
 */
export async function runProvisioningJobs(
  deps: ServiceDeps,
  jobs: ProvisionJob[],
  fail: (job: ProvisionJob, err: unknown) => Promise<void>,
  oneByOne: (customerId: string, finalAttempt: boolean) => Promise<unknown>,
): Promise<void> {
  let rest = new Set(jobs.map((j) => j.customerId));
  try {
    rest = new Set((await provisionBatch(deps, [...rest])).oneByOne);
  } catch (err) {
    logger.error({ err }, 'provisioning batch failed; provisioning its customers one by one');
  }
  const queue = jobs.filter((j) => rest.has(j.customerId));
  const lane = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      try {
        await oneByOne(job.customerId, job.finalAttempt);
      } catch (err) {
        await fail(job, err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(ONE_BY_ONE_CONCURRENCY, queue.length) }, lane));
}
