// Wholesale customers (Northwind and its sub-partners): the customer rows, their packages,
// provisioning log and audit trail.
import { dialInCode } from '@/lib/domain/countries';
import { meetingsLocale } from '@/lib/domain/locales';
import { creationPackage, PACKAGE_INFO, type PackageId } from '@/lib/domain/packages';
import { countryData, PLATFORM_DOMAIN, SUBSCRIPTION_ID, type WholesaleKey } from './catalog';
import type { CustomerSpec } from './catalog-customers';
import type { BuildContext, BuiltCustomer, PartnerRef, TemplateRef } from './demo-builder';
import { hasMeetings, SERVED } from './helpers';
import { subscribersOf } from './subscribers';
import { DAY, toDate } from './time';
import { customerTimeline, type Timeline } from './timeline';

export function wholesaleCustomers(ctx: BuildContext, ownerKey: WholesaleKey, specs: CustomerSpec[]): void {
  const owner = ctx.partner(ownerKey);
  // External ids follow creation order, as a partner's back office would number them.
  const timed = specs.map((spec) => ({ spec, timeline: customerTimeline(spec, ctx.rng, ctx.now) }));
  timed.sort((a, b) => a.timeline.createdAt - b.timeline.createdAt);
  timed.forEach(({ spec, timeline }, i) => {
    wholesaleCustomer(ctx, owner, spec, timeline, `${owner.spec.externalPrefix}${owner.spec.externalStart + i}`);
  });
}

function wholesaleCustomer(ctx: BuildContext, owner: PartnerRef, spec: CustomerSpec, timeline: Timeline, externalId: string): void {
  const served = SERVED.includes(spec.status);
  const built = ctx.customerOrg({ ...spec, wholesale: true }, timeline);
  const template = templateFor(owner, spec.packages, spec.country);
  const language = countryData(spec.country).language;
  const meetings = served && hasMeetings(spec.packages);
  const northwind = ctx.partner('northwind');
  const creator = spec.createdByParent ? northwind.adminIds[0] : ctx.rng.pick(owner.adminIds.slice(0, 2));

  ctx.rows.customers.push({
    id: built.customerId,
    orgId: built.orgId,
    partnerOrgId: owner.orgId,
    templateId: template.id,
    subscriptionId: SUBSCRIPTION_ID,
    externalId,
    status: spec.status,
    statusChangedAt: toDate(timeline.statusChangedAt),
    rbpm: spec.rbpm ?? ctx.rng.chance(0.85),
    adminEmail: built.adminEmail,
    language,
    creationPackage: creationPackage(spec.packages),
    sipDomain: served ? `${built.slug}.sip.${PLATFORM_DOMAIN}` : null,
    meetingsSiteUrl: meetings ? `${built.slug}.webex.test` : null,
    meetingsDialInCode: meetings ? dialInCode(spec.country) : null,
    meetingsLanguage: meetings ? meetingsLocale(language) : null,
    rplReviewStartedAt: timeline.rplReviewStartedAt === null ? null : toDate(timeline.rplReviewStartedAt),
    errors:
      spec.status === 'error'
        ? [{ errorCode: 10450, description: 'The headquarters address could not be validated by the PSTN provider.' }]
        : [],
    createdBy: creator,
    createdAt: toDate(timeline.createdAt),
    deprovisionedAt: timeline.deprovisionedAt === null ? null : toDate(timeline.deprovisionedAt),
  });
  // The creator manages the customer; a sub-partner's parent does too (SPEC §1).
  ctx.relate(owner.orgId, built.orgId, timeline.createdAt);
  if (owner.spec.kind === 'sub_partner') ctx.relate(northwind.orgId, built.orgId, timeline.createdAt);
  ctx.rows.orgSettings.push({
    orgId: built.orgId,
    domain: served ? `${built.slug}.test` : null,
    emailLanguage: language,
    sso: template.spec.authMode === 'saml' ? { mode: 'saml', idpEntityId: template.spec.idpEntityId } : { mode: 'webex' },
    updatedAt: toDate(timeline.createdAt),
  });
  customerPackages(ctx, built.customerId, spec, timeline);
  provisioningLog(ctx, built, spec, template);

  const actorOrg = spec.createdByParent ? northwind.orgId : owner.orgId;
  ctx.audit(
    owner.orgId,
    creator,
    actorOrg,
    timeline.createdAt,
    'customer.create',
    'customer',
    built.customerId,
    `Created customer "${spec.name}" (${externalId})`,
  );
  if (spec.rbpm === false) {
    ctx.audit(
      owner.orgId,
      creator,
      actorOrg,
      timeline.readyAt + 2 * DAY,
      'customer.rbpm.update',
      'customer',
      built.customerId,
      `Turned Restricted by Partner Mode off for "${spec.name}"`,
      { rbpm: true },
      { rbpm: false },
    );
  }
  if (timeline.deprovisionedAt !== null) {
    ctx.audit(
      owner.orgId,
      creator,
      actorOrg,
      timeline.deprovisionedAt,
      'customer.delete',
      'customer',
      built.customerId,
      `Removed wholesale services from "${spec.name}"`,
    );
  }
  if (served) subscribersOf(ctx, owner, built, spec);
}

/** Meetings-only customers use a template without PSTN; calling ones the template for their country. */
function templateFor(owner: PartnerRef, packages: PackageId[], country: string): TemplateRef {
  const meetingsOnly = packages.every((p) => p === 'webex_meetings');
  const fit = meetingsOnly
    ? owner.templates.find((t) => t.spec.pstnProviderId === null)
    : (owner.templates.find((t) => t.spec.covers.includes(country)) ?? owner.templates.find((t) => t.spec.pstnProviderId !== null));
  if (!fit) throw new Error(`no template of ${owner.spec.name} fits ${packages.join(',')} in ${country}`);
  return fit;
}

function customerPackages(ctx: BuildContext, customerId: string, spec: CustomerSpec, timeline: Timeline): void {
  for (const pkg of spec.packages) {
    const failed = pkg === spec.failedPackage;
    const done = SERVED.includes(spec.status);
    ctx.rows.customerPackages.push({
      customerId,
      package: pkg,
      status: failed ? 'error' : done ? 'provisioned' : 'provisioning',
      errors: failed
        ? [
            {
              errorCode: 10720,
              description: `${PACKAGE_INFO[pkg].name} could not be enabled: the PSTN provider rejected the number block.`,
            },
          ]
        : [],
      updatedAt: toDate(timeline.statusChangedAt),
    });
  }
}

/** The provisioning log the customer panel shows: how far the job got, per status. */
function provisioningLog(ctx: BuildContext, built: BuiltCustomer, spec: CustomerSpec, template: TemplateRef): void {
  const { timeline } = built;
  let t = timeline.createdAt;
  const log = (step: string, message: string, level: 'info' | 'warning' | 'error' = 'info', at?: number) => {
    t = at ?? t + ctx.rng.int(2, 20) * 1000;
    ctx.rows.provisioningEvents.push({ customerId: built.customerId, at: toDate(t), step, level, message });
  };
  log('accepted', `Customer accepted for provisioning from template "${template.spec.name}"`, 'info', timeline.createdAt);
  if (spec.status === 'pending_rpl_review' || spec.status === 'suspended') {
    log(
      'rpl_check',
      'Company name matched the restricted-party list; compliance review started',
      'warning',
      timeline.rplReviewStartedAt ?? t,
    );
    if (spec.status === 'suspended')
      log('rpl_check', 'Still under review after 72 hours; customer suspended for compliance review', 'error', timeline.statusChangedAt);
    return;
  }
  log('rpl_check', 'Restricted-party check passed');
  log('create_org', 'Organisation created');
  if (spec.status === 'provisioning') return;
  if (spec.status === 'error') {
    log(
      'create_location',
      'Headquarters address could not be validated by the PSTN provider (error 10450)',
      'error',
      timeline.statusChangedAt,
    );
    return;
  }
  log('create_location', 'Headquarters location created');
  log(
    'create_admin',
    `Administrator ${built.adminEmail} created with ${PACKAGE_INFO[creationPackage(spec.packages) ?? 'webex_meetings'].name}`,
  );
  log('attach_subscription', `Subscription ${SUBSCRIPTION_ID} attached`);
  log('sip_domain', `SIP domain ${built.slug}.sip.${PLATFORM_DOMAIN} assigned`);
  if (hasMeetings(spec.packages)) log('meetings_site', `Meetings site ${built.slug}.webex.test created`);
  if (spec.failedPackage) {
    log('packages', `${PACKAGE_INFO[spec.failedPackage].name} could not be enabled (error 10720)`, 'error');
    log('completed', 'Provisioning completed with errors', 'warning');
  } else {
    log('completed', 'Provisioning completed');
  }
  if (timeline.deprovisionedAt !== null)
    log('deprovision', 'Wholesale services removed; billing stopped', 'info', timeline.deprovisionedAt);
}
