// The steps of the provisioning job (SPEC §4.1). Each step looks at what already exists
// before creating anything, so a job that runs twice, or restarts after a crash half-way,
// finishes the customer without duplicating a single row.
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import {
  customerPackages,
  customers,
  emailOutbox,
  locations,
  onboardingTemplates,
  orgSettings,
  provisioningEvents,
  restrictedParties,
  roleGrants,
  subscribers,
  users,
} from '@/db/schema';
import type { JobSender } from '@/lib/platform/queues';
import { openAssignment } from '@/lib/ledger/assignments';
import { normalizeCompanyName } from '@/lib/domain/company-name';
import { dialInCode } from '@/lib/domain/countries';
import { meetingsLocale, resolveLocale } from '@/lib/domain/locales';
import { PACKAGE_INFO, creationPackage } from '@/lib/domain/packages';
import { queueEmail } from '@/lib/platform/outbox';
import { changeCustomerStatus } from './change-customer-status';
import { customerSlug } from './customer-slug';
import type { ProvisioningRequest } from './provisioning-request';
import { emitSubscriberEvent } from '@/lib/webhooks/emit-resource-events';
import { oneRow } from '@/db/one-row';

export const PLATFORM_DOMAIN = 'partnerhub.test';

/** The customer as a step sees it: locked (FOR UPDATE) for the step's transaction. */
export interface ProvisioningCustomer {
  id: string;
  orgId: string;
  partnerOrgId: string;
  name: string;
  country: string;
  adminEmail: string;
  language: string | null;
  subscriptionId: string | null;
  sipDomain: string | null;
  meetingsSiteUrl: string | null;
  /** An existing org attached through the API (SPEC §8.3): nobody is made admin, its sign-in settings stay. */
  attached: boolean;
  request: ProvisioningRequest;
}

export interface StepCtx {
  tx: Tx;
  customer: ProvisioningCustomer;
  now: Date;
  jobs: JobSender;
  afterCommit(fn: () => Promise<void> | void): void;
}

/** The first administrator's name as the wizard asked it ('' when not given, as users.first_name defaults). */
export const adminName = (r: Pick<ProvisioningRequest, 'adminFirstName' | 'adminLastName'>) => ({
  firstName: r.adminFirstName ?? '',
  lastName: r.adminLastName ?? '',
});

/** A business failure (not a crash): the customer goes to 'error' with this message. */
export class ProvisioningFailure extends Error {
  constructor(
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'ProvisioningFailure';
  }
}

/** 'stop' ends the job here (e.g. parked for the restricted-party review). */
export type StepResult = 'continue' | 'stop';

export interface ProvisioningStep {
  name: string;
  run(ctx: StepCtx): Promise<StepResult>;
}

/** Logs a step once: a re-run that finds the work done stays quiet. */
async function logOnce(ctx: StepCtx, step: string, message: string, level: 'info' | 'warning' | 'error' = 'info') {
  const [seen] = await ctx.tx
    .select({ id: provisioningEvents.id })
    .from(provisioningEvents)
    .where(
      and(eq(provisioningEvents.customerId, ctx.customer.id), eq(provisioningEvents.step, step), eq(provisioningEvents.message, message)),
    )
    .limit(1);
  if (!seen) await ctx.tx.insert(provisioningEvents).values({ customerId: ctx.customer.id, at: ctx.now, step, level, message });
}

const restrictedPartyCheck: ProvisioningStep = {
  name: 'rpl_check',
  async run(ctx) {
    const [match] = await ctx.tx
      .select({ id: restrictedParties.id })
      .from(restrictedParties)
      .where(eq(restrictedParties.normalizedName, normalizeCompanyName(ctx.customer.name)))
      .limit(1);
    if (!match) {
      await logOnce(ctx, 'rpl_check', PROVISIONING_LOG.rplPassed);
      return 'continue';
    }
    await changeCustomerStatus(
      ctx.tx,
      { customerId: ctx.customer.id, from: 'provisioning', to: 'pending_rpl_review', at: ctx.now, set: { rplReviewStartedAt: ctx.now } },
      ctx,
    );
    await ctx.tx.insert(provisioningEvents).values({
      customerId: ctx.customer.id,
      at: ctx.now,
      step: 'rpl_check',
      level: 'warning',
      message: 'Company name matched the restricted-party list; compliance review started',
    });
    return 'stop';
  },
};

const headquarters: ProvisioningStep = {
  name: 'create_location',
  async run({ tx, customer, now }) {
    const a = customer.request.address;
    const created = await tx
      .insert(locations)
      .values({
        orgId: customer.orgId,
        name: 'Headquarters',
        isHeadquarters: true,
        addressLine1: a.addressLine1,
        addressLine2: a.addressLine2 || null,
        city: a.city,
        stateOrProvince: a.stateOrProvince || null,
        postalCode: a.postalCode,
        country: a.country,
        language: customer.language,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: locations.id }); // locations_one_hq: an existing HQ wins
    if (created.length)
      await tx
        .insert(provisioningEvents)
        .values({ customerId: customer.id, at: now, step: 'create_location', message: PROVISIONING_LOG.headquarters });
    return 'continue';
  },
};

const administrator: ProvisioningStep = {
  name: 'create_admin',
  async run(ctx) {
    if (ctx.customer.attached) return 'continue'; // SPEC §8.3: the first user is not made admin
    const { tx, customer, now } = ctx;
    const [hq] = await tx
      .select({ id: locations.id })
      .from(locations)
      .where(and(eq(locations.orgId, customer.orgId), eq(locations.isHeadquarters, true)));
    if (!hq) throw new Error('headquarters location missing');
    let [user] = await tx
      .select({ id: users.id, orgId: users.orgId })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${customer.adminEmail})`);
    if (user && user.orgId !== customer.orgId)
      throw new ProvisioningFailure(10022, 'The email is already associated with an existing user.');
    user ??= await oneRow(
      tx
        .insert(users)
        .values({ orgId: customer.orgId, email: customer.adminEmail, ...adminName(customer.request), createdAt: now, updatedAt: now })
        .returning({ id: users.id, orgId: users.orgId }),
      'the inserted administrator',
    );
    await tx
      .insert(roleGrants)
      .values({ userId: user.id, orgId: customer.orgId, role: 'customer_full_admin', createdAt: now })
      .onConflictDoNothing();
    // The admin holds the creation package (SPEC §2); Common Area Calling is for workspaces, never people.
    const pkg = creationPackage(customer.request.packages.filter((p) => p !== 'common_area_calling'));
    if (!pkg) throw new ProvisioningFailure(10030, 'The administrator needs a package other than Common Area Calling.');
    let [sub] = await tx
      .select({ id: subscribers.id, locationId: subscribers.locationId, package: subscribers.package })
      .from(subscribers)
      .where(and(eq(subscribers.userId, user.id), isNull(subscribers.removedAt)));
    if (!sub) {
      sub = await oneRow(
        tx
          .insert(subscribers)
          .values({
            customerId: customer.id,
            orgId: customer.orgId,
            kind: 'user',
            userId: user.id,
            package: pkg,
            locationId: hq.id,
            extension: PACKAGE_INFO[pkg].calling ? '1001' : null,
            status: 'provisioned',
            createdAt: now,
            lastStatusChangeAt: now,
          })
          .returning({ id: subscribers.id, locationId: subscribers.locationId, package: subscribers.package }),
        'the inserted administrator subscriber',
      );
      await emitSubscriberEvent({ db: tx, jobs: ctx.jobs, afterCommit: ctx.afterCommit }, 'subscriber.created', sub.id, now);
    }
    // Billing starts now: one open interval per subscriber (unique index package_assignments_one_open).
    const opened = await openAssignment(
      tx,
      { subscriberId: sub.id, customerId: customer.id, partnerOrgId: customer.partnerOrgId, locationId: sub.locationId },
      sub.package,
      now,
      { idempotent: true },
    );
    if (opened) await logOnce(ctx, 'create_admin', PROVISIONING_LOG.administrator(customer.adminEmail, PACKAGE_INFO[sub.package].name));
    return 'continue';
  },
};

/** The customer org's sign-in setting, from its template (Webex identity when none). */
export function ssoFromTemplate(template: { authMode: string | null; idpEntityId: string | null; idpName: string | null } | undefined) {
  return template?.authMode === 'saml'
    ? { mode: 'saml' as const, idpEntityId: template.idpEntityId ?? undefined }
    : template?.authMode === 'oidc'
      ? { mode: 'oidc' as const, idpName: template.idpName ?? undefined }
      : { mode: 'webex' as const };
}

const applyTemplate: ProvisioningStep = {
  name: 'attach_subscription',
  async run(ctx) {
    const { tx, customer, now } = ctx;
    const templateId = customer.request.templateId;
    const [template] = templateId
      ? await tx
          .select({
            authMode: onboardingTemplates.authMode,
            idpEntityId: onboardingTemplates.idpEntityId,
            idpName: onboardingTemplates.idpName,
          })
          .from(onboardingTemplates)
          .where(eq(onboardingTemplates.id, templateId))
      : [];
    // An attached org keeps its own sign-in settings (SPEC §8.3).
    if (!customer.attached)
      await tx
        .insert(orgSettings)
        .values({ orgId: customer.orgId, emailLanguage: customer.language, sso: ssoFromTemplate(template), updatedAt: now })
        .onConflictDoNothing();
    if (!customer.subscriptionId && customer.request.subscriptionId) {
      await tx.update(customers).set({ subscriptionId: customer.request.subscriptionId }).where(eq(customers.id, customer.id));
      await logOnce(ctx, 'attach_subscription', PROVISIONING_LOG.subscription(customer.request.subscriptionId));
    }
    return 'continue';
  },
};

const domains: ProvisioningStep = {
  name: 'sip_domain',
  async run(ctx) {
    const { tx, customer } = ctx;
    const meetings = customer.request.packages.some((p) => PACKAGE_INFO[p].meetings);
    if (customer.sipDomain && (customer.meetingsSiteUrl || !meetings)) return 'continue';
    const slug = await customerSlug(tx, customer.id, customer.name, PLATFORM_DOMAIN);
    if (!customer.sipDomain) {
      const sipDomain = `${slug}.sip.${PLATFORM_DOMAIN}`;
      await tx.update(customers).set({ sipDomain }).where(eq(customers.id, customer.id));
      await logOnce(ctx, 'sip_domain', PROVISIONING_LOG.sipDomain(sipDomain));
    }
    if (meetings && !customer.meetingsSiteUrl) {
      const site = `${slug}.webex.test`;
      const locale = resolveLocale(customer.language ?? 'en_US', customer.country) ?? 'en_US';
      await tx
        .update(customers)
        .set({ meetingsSiteUrl: site, meetingsDialInCode: dialInCode(customer.country), meetingsLanguage: meetingsLocale(locale) })
        .where(eq(customers.id, customer.id));
      await logOnce(ctx, 'meetings_site', PROVISIONING_LOG.meetingsSite(site));
    }
    return 'continue';
  },
};

const packages: ProvisioningStep = {
  name: 'packages',
  async run(ctx) {
    const done = await ctx.tx
      .update(customerPackages)
      .set({ status: 'provisioned', errors: [], updatedAt: ctx.now })
      .where(and(eq(customerPackages.customerId, ctx.customer.id), ne(customerPackages.status, 'provisioned')))
      .returning({ package: customerPackages.package });
    if (done.length) await logOnce(ctx, 'packages', PROVISIONING_LOG.packages(done.map((d) => PACKAGE_INFO[d.package].name)));
    return 'continue';
  },
};

const welcome: ProvisioningStep = {
  name: 'welcome_email',
  async run(ctx) {
    const { tx, customer } = ctx;
    const [sent] = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.orgId, customer.orgId), eq(emailOutbox.kind, 'welcome')))
      .limit(1);
    if (sent) return 'continue';
    await queueEmail({ db: tx, jobs: ctx.jobs, afterCommit: ctx.afterCommit }, welcomeEmail(customer));
    await logOnce(ctx, 'welcome_email', PROVISIONING_LOG.welcome(customer.adminEmail));
    return 'continue';
  },
};

const complete: ProvisioningStep = {
  name: 'completed',
  async run(ctx) {
    const { tx, customer, now } = ctx;
    await changeCustomerStatus(tx, { customerId: customer.id, from: 'provisioning', to: 'provisioned', at: now, set: { errors: [] } }, ctx);
    await tx
      .insert(provisioningEvents)
      .values({ customerId: customer.id, at: now, step: 'completed', message: PROVISIONING_LOG.completed });
    return 'stop';
  },
};

export const PROVISIONING_STEPS: readonly ProvisioningStep[] = [
  restrictedPartyCheck,
  headquarters,
  administrator,
  applyTemplate,
  domains,
  packages,
  welcome,
  complete,
];

/**
 * The steps grouped into the transactions of one run: the customer's people and billing
 * first, then its services and the outcome. Two commits instead of eight (issue 13); a
 * crash still loses at most the transaction in flight, which the next run redoes.
 */
export const PROVISIONING_PHASES: readonly (readonly [ProvisioningStep, ...ProvisioningStep[]])[] = [
  [restrictedPartyCheck, headquarters, administrator],
  [applyTemplate, domains, packages, welcome, complete],
];

/** The log lines of a run, shared by the one-customer path and the batch (same words either way). */
export const PROVISIONING_LOG = {
  rplPassed: 'Restricted-party check passed',
  headquarters: 'Headquarters location created',
  administrator: (email: string, packageName: string) => `Administrator ${email} created with ${packageName}`,
  subscription: (id: string) => `Subscription ${id} attached`,
  sipDomain: (domain: string) => `SIP domain ${domain} assigned`,
  meetingsSite: (site: string) => `Meetings site ${site} created`,
  packages: (names: string[]) => `Packages enabled: ${names.join(', ')}`,
  welcome: (email: string) => `Welcome e-mail sent to ${email}`,
  completed: 'Provisioning completed',
} as const;

/** The welcome e-mail of a provisioned customer (SPEC §4.1). */
export const welcomeEmail = (c: { name: string; adminEmail: string; orgId: string }) => ({
  to: c.adminEmail,
  orgId: c.orgId,
  kind: 'welcome',
  subject: `Welcome to Webex, ${c.name}`,
  body: `Hello,\n\nYour Webex services for ${c.name} are ready. Sign in with ${c.adminEmail} to get started.\n`,
});
