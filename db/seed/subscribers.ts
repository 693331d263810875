// Subscribers and the billing ledger of a provisioned wholesale customer.
import { creationPackage, type PackageId } from '@/lib/domain/packages';
import { WORKSPACE_NAMES } from './catalog';
import type { AdminPerson, CustomerSpec } from './catalog-customers';
import type { BuildContext, BuiltCustomer, CustomerOrgRef, LocationRef, PartnerRef } from './demo-builder';
import { isCalling } from './helpers';
import { MINUTE, toDate } from './time';
import { planLedger } from './timeline';

export function subscribersOf(ctx: BuildContext, owner: PartnerRef, built: CustomerOrgRef, spec: CustomerSpec): void {
  const { timeline } = built;
  const until = timeline.deprovisionedAt ?? ctx.now;
  const userPackages = spec.packages.filter((p) => p !== 'common_area_calling' && p !== spec.failedPackage);
  const adminPackage = creationPackage(userPackages);
  if (!adminPackage) throw new Error(`${spec.name} has no package for its administrator`);
  const locations = built.branch ? [built.hq, built.branch] : [built.hq];
  const domain = `${built.slug}.test`;
  const count = spec.subscriberCount ?? ctx.rng.int(3, 15);

  // The administrator is the first subscriber, with the creation package (SPEC §2).
  const admin = built.admin;
  const adminId = ctx.addUser(built.orgId, admin, timeline.readyAt);
  ctx.grant(adminId, built.orgId, ['customer_full_admin'], timeline.readyAt);
  welcomeEmail(ctx, built, admin);
  subscriber(ctx, owner, built, { userId: adminId }, built.hq, adminPackage, [], timeline.readyAt, until, false);

  for (let i = 1; i < count; i++) {
    const start = laterStart(ctx, timeline.readyAt, until);
    const person = ctx.person(domain);
    const userId = ctx.addUser(built.orgId, person, start);
    const pkg = ctx.rng.pick(userPackages);
    const location = ctx.rng.pick(locations);
    subscriber(
      ctx,
      owner,
      built,
      { userId },
      location,
      pkg,
      userPackages.filter((p) => p !== pkg),
      start,
      until,
      true,
    );
  }
  if (spec.packages.includes('common_area_calling') && spec.failedPackage !== 'common_area_calling') {
    const names = [...WORKSPACE_NAMES];
    for (let i = ctx.rng.int(0, 2); i > 0; i--) {
      const [workspaceName] = names.splice(ctx.rng.int(0, names.length - 1), 1);
      if (!workspaceName) break; // more workspaces than names: the customer has them all
      const start = laterStart(ctx, timeline.readyAt, until);
      subscriber(ctx, owner, built, { workspaceName }, built.hq, 'common_area_calling', [], start, until, true);
    }
  }
}

/** Most users arrive in the first weeks after provisioning; a few much later. */
function laterStart(ctx: BuildContext, readyAt: number, until: number): number {
  const span = until - readyAt - 20 * MINUTE;
  return Math.round((readyAt + 10 * MINUTE + Math.pow(ctx.rng.float(), 2) * span * 0.9) / 1000) * 1000;
}

function subscriber(
  ctx: BuildContext,
  owner: PartnerRef,
  built: BuiltCustomer,
  who: { userId: string } | { workspaceName: string },
  location: LocationRef,
  pkg: PackageId,
  alternatives: PackageId[],
  start: number,
  until: number,
  ordinary: boolean,
): void {
  const id = ctx.rng.uuid();
  const plan = planLedger(ctx.rng, {
    start,
    until,
    pkg,
    alternatives,
    mayChange: ordinary && 'userId' in who,
    mayRemove: ordinary,
    closeAt: built.timeline.deprovisionedAt,
  });
  const last = plan.intervals.at(-1);
  if (!last) throw new Error('A ledger plan has at least one interval.');
  const current = last.pkg;
  const calling = isCalling(current);
  const lastChange = plan.removedAt ?? last.start;
  ctx.rows.subscribers.push({
    id,
    customerId: built.customerId,
    orgId: built.orgId,
    kind: 'userId' in who ? 'user' : 'workspace',
    userId: 'userId' in who ? who.userId : null,
    workspaceName: 'workspaceName' in who ? who.workspaceName : null,
    package: current,
    locationId: location.id,
    // Calling needs an extension and/or a number (SPEC §2); meetings-only seats have neither.
    extension: calling ? String(location.extensions++) : null,
    primaryPhoneNumber: calling && ctx.rng.chance(0.5) ? ctx.nextPhoneNumber(location) : null,
    status: plan.removedAt === null ? 'provisioned' : 'removed',
    createdAt: toDate(start),
    lastStatusChangeAt: toDate(lastChange),
    removedAt: plan.removedAt === null ? null : toDate(plan.removedAt),
  });
  for (const interval of plan.intervals) {
    ctx.rows.packageAssignments.push({
      subscriberId: id,
      customerId: built.customerId,
      partnerOrgId: owner.orgId,
      locationId: location.id,
      package: interval.pkg,
      startedAt: toDate(interval.start),
      endedAt: interval.end === null ? null : toDate(interval.end),
    });
  }
}

function welcomeEmail(ctx: BuildContext, built: BuiltCustomer, admin: AdminPerson): void {
  const at = built.timeline.readyAt;
  ctx.rows.emailOutbox.push({
    id: ctx.rng.uuid(),
    orgId: built.orgId,
    to: admin.email,
    kind: 'welcome',
    status: 'sent',
    attempts: 1,
    subject: `Welcome to Webex, ${built.name}`,
    body: `Hello ${admin.firstName},\n\nYour Webex services for ${built.name} are ready. Sign in with ${admin.email} to get started.\n`,
    createdAt: toDate(at),
    sentAt: toDate(at + 20_000),
  });
}
