// Trials (SPEC §9, §10): Contoso (tier 1) with a trial in every status, Litware Reseller
// (tier 2) with one, and Harbor Law Group — an organisation of its own, managed by no
// partner, for the existing-customer consent flow (and §8.3).
import { DEMO_ORG_IDS } from '@/lib/demo/accounts';
import { countryData } from './catalog';
import { CONTOSO_TRIALS, type TrialSpec } from './catalog-customers';
import type { BuildContext, BuiltCustomer, PartnerRef } from './demo-builder';
import { DAY, HOUR, toDate } from './time';
import type { Timeline } from './timeline';

const LITWARE_TRIALS: TrialSpec[] = [
  {
    name: 'Juniper Bakehouse',
    country: 'US',
    vertical: 'Hospitality',
    status: 'active',
    startedDaysAgo: 10,
    endsInDays: 20,
    services: ['meetings', 'messaging'],
    bySalesAdmin: false,
  },
];

export function trialCustomers(ctx: BuildContext): void {
  partnerTrials(ctx, ctx.partner('contoso'), CONTOSO_TRIALS);
  partnerTrials(ctx, ctx.partner('litware'), LITWARE_TRIALS);
  harborLawGroup(ctx);
}

function partnerTrials(ctx: BuildContext, partner: PartnerRef, specs: TrialSpec[]): void {
  const [salesFull, sales] = partner.adminIds;
  specs.forEach((spec, i) => {
    const createdAt = ctx.now - spec.startedDaysAgo * DAY - 2 * HOUR;
    const timeline: Timeline = {
      createdAt,
      readyAt: createdAt,
      statusChangedAt: createdAt,
      rplReviewStartedAt: null,
      deprovisionedAt: null,
    };
    const built = ctx.customerOrg({ ...spec, wholesale: false }, timeline);
    const createdBy = spec.bySalesAdmin && sales ? sales : salesFull;
    // A pending consent request is for an organisation the partner doesn't manage yet: no customer record.
    const existingOrg = spec.status === 'pending_consent' || spec.status === 'pending_provisioning_details';
    if (spec.status !== 'pending_consent') {
      const ended = spec.status === 'ended';
      ctx.rows.customers.push({
        id: built.customerId,
        orgId: built.orgId,
        partnerOrgId: partner.orgId,
        templateId: null,
        subscriptionId: null,
        externalId: `${partner.spec.externalPrefix}${partner.spec.externalStart + i}`,
        status: ended ? 'deprovisioned' : 'provisioned',
        statusChangedAt: toDate(createdAt),
        rbpm: false,
        adminEmail: built.adminEmail,
        language: countryData(spec.country).language,
        createdBy,
        createdAt: toDate(createdAt),
        deprovisionedAt: ended ? toDate(ctx.now + ((spec.endsInDays ?? 0) + 30) * DAY) : null,
      });
      ctx.relate(partner.orgId, built.orgId, createdAt);
    }
    ctx.rows.orgSettings.push({
      orgId: built.orgId,
      emailLanguage: countryData(spec.country).language,
      sso: { mode: 'webex' },
      updatedAt: toDate(createdAt),
    });
    const adminId = ctx.addUser(built.orgId, built.admin, createdAt);
    ctx.grant(adminId, built.orgId, ['customer_full_admin'], createdAt);
    trial(ctx, partner, built, spec, createdBy, existingOrg);
  });
}

function trial(
  ctx: BuildContext,
  partner: PartnerRef,
  built: BuiltCustomer,
  spec: TrialSpec,
  createdBy: string,
  existingOrg: boolean,
): void {
  const id = ctx.rng.uuid();
  const pending = spec.status === 'pending_consent';
  const startsAt = ctx.now - spec.startedDaysAgo * DAY;
  const started = spec.endsInDays !== null;
  const endsAt = spec.endsInDays === null ? null : ctx.now + spec.endsInDays * DAY;
  const removedAt = spec.status === 'ended' && endsAt !== null ? endsAt + 30 * DAY : null;
  ctx.rows.trials.push({
    id,
    partnerOrgId: partner.orgId,
    customerOrgId: built.orgId,
    customerId: pending ? null : built.customerId,
    origin: existingOrg ? 'existing_org' : 'new_customer',
    status: spec.status,
    statusChangedAt: toDate(startsAt),
    businessVertical: spec.vertical,
    lengthDays: 30,
    consentEmail: existingOrg ? built.adminEmail : null,
    consentRequestedAt: existingOrg ? toDate(startsAt) : null,
    consentAnsweredAt: spec.status === 'pending_provisioning_details' ? toDate(startsAt + DAY) : null,
    startsAt: started ? toDate(startsAt) : null,
    endsAt: endsAt === null ? null : toDate(endsAt),
    servicesRemovedAt: removedAt === null ? null : toDate(removedAt),
    // 15 days after the removal the numbers went too (when that is already in the past).
    numbersReleasedAt: removedAt !== null && removedAt + 15 * DAY <= ctx.now ? toDate(removedAt + 15 * DAY) : null,
    createdBy,
    createdAt: toDate(startsAt - HOUR),
  });
  const live = spec.status === 'active' || spec.status === 'expired_grace';
  for (const service of spec.services) {
    const settings =
      service === 'meetings'
        ? { edition: 'enterprise', siteUrl: `${built.slug}.webex.test`, timeZone: 'America/New_York' }
        : service === 'devices'
          ? {
              devices: [
                { type: 'Webex Desk Pro', quantity: 2 },
                { type: 'Webex Room Kit Mini', quantity: 1 },
              ],
            }
          : {};
    ctx.rows.trialServices.push({ trialId: id, customerOrgId: built.orgId, service, settings, active: live });
  }
  if (spec.services.includes('devices')) {
    for (const [deviceType, quantity] of [
      ['Webex Desk Pro', 2],
      ['Webex Room Kit Mini', 1],
    ] as const) {
      ctx.rows.trialDeviceShipments.push({
        trialId: id,
        customerOrgId: built.orgId,
        deviceType,
        quantity,
        shippedAt: toDate(startsAt + DAY),
      });
    }
  }
  const summary = existingOrg ? `Sent a trial request to ${built.adminEmail} for "${built.name}"` : `Started a trial for "${built.name}"`;
  ctx.audit(partner.orgId, createdBy, partner.orgId, startsAt, existingOrg ? 'trial.request' : 'trial.start', 'trial', id, summary);
  if (existingOrg) {
    ctx.rows.emailOutbox.push({
      id: ctx.rng.uuid(),
      orgId: built.orgId,
      to: built.adminEmail,
      kind: 'trial_consent_request',
      status: 'sent',
      attempts: 1,
      subject: `${partner.spec.name} would like to start a Webex trial for ${built.name}`,
      body: `${partner.spec.name} has requested a trial of Webex services for ${built.name}. Open Control Hub to accept or decline.\n`,
      createdAt: toDate(startsAt),
      sentAt: toDate(startsAt + 15_000),
    });
  }
}

/** SPEC §10: an existing organisation managed by no partner; admin@harbor-law.test; 12 users; no verified domain. */
function harborLawGroup(ctx: BuildContext): void {
  const createdAt = ctx.now - 900 * DAY;
  const timeline: Timeline = { createdAt, readyAt: createdAt, statusChangedAt: createdAt, rplReviewStartedAt: null, deprovisionedAt: null };
  const admin = { email: 'admin@harbor-law.test', firstName: 'Hana', lastName: 'Harbor' };
  const built = ctx.customerOrg(
    { name: 'Harbor Law Group', country: 'US', orgId: DEMO_ORG_IDS.harborLaw, admin, wholesale: false },
    timeline,
  );
  ctx.rows.orgSettings.push({ orgId: built.orgId, emailLanguage: 'en_US', sso: { mode: 'webex' }, updatedAt: toDate(createdAt) });
  const adminId = ctx.addUser(built.orgId, admin, createdAt);
  ctx.grant(adminId, built.orgId, ['customer_full_admin'], createdAt);
  for (let i = 0; i < 11; i++) ctx.addUser(built.orgId, ctx.person('harbor-law.test'), createdAt + (i + 1) * DAY);
}
