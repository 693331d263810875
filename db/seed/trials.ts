// Trials (Contoso, non-wholesale).
import { COUNTRY_DATA } from './catalog';
import { CONTOSO_TRIALS, type TrialSpec } from './catalog-customers';
import type { BuildContext, BuiltCustomer, PartnerRef } from './demo-builder';
import { DAY, HOUR, toDate } from './time';
import type { Timeline } from './timeline';

export function trialCustomers(ctx: BuildContext): void {
  const contoso = ctx.partner('contoso');
  const [salesFull, sales] = contoso.adminIds;
  CONTOSO_TRIALS.forEach((spec, i) => {
    const createdAt = ctx.now - spec.startedDaysAgo * DAY - 2 * HOUR;
    const timeline: Timeline = { createdAt, readyAt: createdAt, statusChangedAt: createdAt, rplReviewStartedAt: null, deprovisionedAt: null };
    const built = ctx.customerOrg({ ...spec, wholesale: false }, timeline);
    const createdBy = spec.bySalesAdmin ? sales : salesFull;
    ctx.rows.customers.push({
      id: built.customerId, orgId: built.orgId, partnerOrgId: contoso.orgId, templateId: null, subscriptionId: null,
      externalId: `${contoso.spec.externalPrefix}${contoso.spec.externalStart + i}`, status: 'provisioned',
      statusChangedAt: toDate(createdAt), rbpm: false, adminEmail: built.adminEmail, language: COUNTRY_DATA[spec.country].language,
      createdBy, createdAt: toDate(createdAt),
    });
    ctx.relate(contoso.orgId, built.orgId, createdAt);
    ctx.rows.orgSettings.push({ orgId: built.orgId, emailLanguage: COUNTRY_DATA[spec.country].language, sso: { mode: 'webex' }, updatedAt: toDate(createdAt) });
    const adminId = ctx.addUser(built.orgId, built.admin, createdAt);
    ctx.grant(adminId, built.orgId, ['customer_full_admin'], createdAt);
    trial(ctx, contoso, built, spec, createdBy);
  });
}

function trial(ctx: BuildContext, contoso: PartnerRef, built: BuiltCustomer, spec: TrialSpec, createdBy: string): void {
  const id = ctx.rng.uuid();
  const pending = spec.status === 'pending_consent';
  const startsAt = ctx.now - spec.startedDaysAgo * DAY;
  ctx.rows.trials.push({
    id, partnerOrgId: contoso.orgId, customerOrgId: built.orgId, status: spec.status, businessVertical: spec.vertical,
    consentEmail: pending ? built.adminEmail : null, consentRequestedAt: pending ? toDate(startsAt) : null,
    startsAt: pending ? null : toDate(startsAt),
    endsAt: spec.endsInDays === null ? null : toDate(ctx.now + spec.endsInDays * DAY),
    createdBy, createdAt: toDate(startsAt - HOUR),
  });
  for (const service of spec.services) {
    const settings = service === 'meetings' ? { edition: 'enterprise', siteUrl: `${built.slug}.webex.test`, timeZone: 'America/New_York' }
      : service === 'devices' ? { devices: ['Webex Desk Pro', 'Webex Room Kit Mini'] } : {};
    ctx.rows.trialServices.push({ trialId: id, customerOrgId: built.orgId, service, settings, active: true });
  }
  if (spec.services.includes('devices')) {
    for (const deviceType of ['Webex Desk Pro', 'Webex Room Kit Mini']) {
      ctx.rows.trialDeviceShipments.push({ trialId: id, customerOrgId: built.orgId, deviceType, shippedAt: toDate(startsAt + DAY) });
    }
  }
  const summary = pending ? `Sent a trial request to ${built.adminEmail} for "${built.name}"` : `Started a trial for "${built.name}"`;
  ctx.audit(contoso.orgId, createdBy, contoso.orgId, startsAt, pending ? 'trial.request' : 'trial.start', 'trial', id, summary);
  if (pending) {
    ctx.rows.emailOutbox.push({
      id: ctx.rng.uuid(), orgId: built.orgId, to: built.adminEmail, kind: 'trial_consent_request', status: 'sent', attempts: 1,
      subject: `Contoso Solutions would like to start a Webex trial for ${built.name}`,
      body: `Contoso Solutions has requested a trial of Webex services for ${built.name}. Open Control Hub to accept or decline.\n`,
      createdAt: toDate(startsAt), sentAt: toDate(startsAt + 15_000),
    });
  }
}
