// The time-driven trial rules (SPEC §9), run by the pg-boss cron job `trials-sweep` with
// time from the injected clock. Each trial is handled in its own transaction under its
// row lock, re-reading its status, and every e-mail is keyed in trial_notifications
// (trial, kind, recipient): a sweep run twice, or by two workers at once, sends nothing twice.
import { and, eq, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { orgs, trialNotifications, trials } from '@/db/schema';
import type { TrialStatus } from '@/lib/domain/statuses';
import { logger } from '@/lib/platform/logger';
import { queueEmail } from '@/lib/platform/outbox';
import type { ServiceDeps } from '@/lib/platform/service-ctx';
import { changeTrialStatus, systemActor, type TrialCtx } from './change-trial-status';
import { releaseTrialNumbers, removeTrialServices } from './end-trial';
import { customerAdminEmails, orgUserEmails, partnerAdminEmails } from './trial-recipients';
import {
  CONSENT_TIMEOUT_DAYS,
  DAY_MS,
  GRACE_DAYS,
  REMINDER_DAYS,
  consentExpired,
  expired,
  graceEnds,
  graceOver,
  numbersReleaseDue,
  reminderDue,
} from './trial-rules';

export interface SweepResult {
  cancelled: number;
  reminded: number;
  expired: number;
  ended: number;
  released: number;
  emails: number;
}

type Trial = typeof trials.$inferSelect & { customerName: string; partnerName: string };
type Step = { tx: Tx; deps: ServiceDeps; trial: Trial; now: Date; after: (() => Promise<void> | void)[]; result: SweepResult };

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Queues one e-mail per recipient unless its key was already used; returns how many went out. */
async function notify(s: Step, kind: string, recipients: string[], subject: string, body: string): Promise<void> {
  for (const to of recipients) {
    const [key] = await s.tx
      .insert(trialNotifications)
      .values({ trialId: s.trial.id, kind, recipient: to, sentAt: s.now })
      .onConflictDoNothing()
      .returning({ k: trialNotifications.kind });
    if (!key) continue;
    await queueEmail(
      { db: s.tx, jobs: s.deps.jobs, afterCommit: (f) => s.after.push(f) },
      { to, orgId: s.trial.customerOrgId, kind: `trial_${kind.split(':')[0]}`, subject, body },
    );
    s.result.emails++;
  }
}

async function everyone(s: Step) {
  const [customer, partner] = await Promise.all([
    customerAdminEmails(s.tx, s.trial.customerOrgId),
    partnerAdminEmails(s.tx, s.trial.partnerOrgId, s.trial.createdBy),
  ]);
  return [...new Set([...customer, ...partner])];
}

async function step(s: Step): Promise<void> {
  const { trial, now } = s;
  const ctx: TrialCtx = { db: s.tx, now, actor: systemActor(trial.partnerOrgId) };
  if (trial.status === 'pending_consent' && trial.consentRequestedAt && consentExpired(trial.consentRequestedAt, now)) {
    await changeTrialStatus(ctx, trial, 'cancelled', { reason: `no answer within ${CONSENT_TIMEOUT_DAYS} days` });
    s.result.cancelled++;
    return;
  }
  if (!trial.endsAt) return;
  const endsAt = trial.endsAt;
  if (trial.status === 'active' && reminderDue(endsAt, now)) {
    // Keyed by the end date: an extended trial gets its own reminder for its new end.
    const before = s.result.emails;
    await notify(
      s,
      `reminder_7d:${day(endsAt)}`,
      await everyone(s),
      `The Webex trial for ${trial.customerName} ends in ${REMINDER_DAYS} days`,
      `The trial of Webex services for ${trial.customerName} (with ${trial.partnerName}) ends on ${day(endsAt)}. Convert it to keep the services.\n`,
    );
    if (s.result.emails > before) s.result.reminded++;
    await s.tx
      .update(trials)
      .set({ expiryWarningSentAt: now })
      .where(and(eq(trials.id, trial.id), isNull(trials.expiryWarningSentAt)));
  }
  if (trial.status === 'active' && expired(endsAt, now)) {
    await notify(
      s,
      `expired:${day(endsAt)}`,
      await everyone(s),
      `The Webex trial for ${trial.customerName} has ended`,
      `The trial for ${trial.customerName} ended today (${day(endsAt)}). It can still be converted until ${day(graceEnds(endsAt))}; after that the trial services are removed.\n`,
    );
    await changeTrialStatus(ctx, trial, 'expired_grace', {
      set: { expiryNoticeSentAt: now },
      reason: `ended on ${day(endsAt)}; ${GRACE_DAYS}-day grace`,
    });
    s.result.expired++;
    return;
  }
  if (trial.status === 'expired_grace' && graceOver(endsAt, now)) {
    await changeTrialStatus(ctx, trial, 'ended', { set: { servicesRemovedAt: now }, reason: 'grace period over; trial services removed' });
    await removeTrialServices(s.tx, trial, now);
    // SPEC §9: users are told 30 days after expiry, when they lose the services.
    await notify(
      s,
      'services_removed',
      await orgUserEmails(s.tx, trial.customerOrgId),
      `Your Webex trial services have been removed`,
      `The trial of ${trial.customerName} ended on ${day(endsAt)} and its 30-day grace period is over: the trial services have been removed from your account.\n`,
    );
    s.result.ended++;
    return;
  }
  if (trial.servicesRemovedAt && !trial.numbersReleasedAt && numbersReleaseDue(trial.servicesRemovedAt, now)) {
    await releaseTrialNumbers(s.tx, trial, now);
    await s.tx.update(trials).set({ numbersReleasedAt: now }).where(eq(trials.id, trial.id));
    s.result.released++;
  }
}

const DUE_STATUSES: TrialStatus[] = ['pending_consent', 'active', 'expired_grace', 'ended', 'cancelled'];

export async function sweepTrials(deps: ServiceDeps): Promise<SweepResult> {
  const now = deps.clock.now();
  const result: SweepResult = { cancelled: 0, reminded: 0, expired: 0, ended: 0, released: 0, emails: 0 };
  const soon = new Date(now.getTime() + REMINDER_DAYS * DAY_MS);
  // Candidates only; each is re-read under its lock before anything is decided.
  const candidates = await deps.db
    .select({ id: trials.id })
    .from(trials)
    .where(
      and(
        inArray(trials.status, DUE_STATUSES),
        or(
          and(
            eq(trials.status, 'pending_consent'),
            lte(trials.consentRequestedAt, new Date(now.getTime() - CONSENT_TIMEOUT_DAYS * DAY_MS)),
          ),
          and(eq(trials.status, 'active'), lte(trials.endsAt, soon)),
          and(eq(trials.status, 'expired_grace'), lte(trials.endsAt, new Date(now.getTime() - GRACE_DAYS * DAY_MS))),
          and(isNotNull(trials.servicesRemovedAt), isNull(trials.numbersReleasedAt)),
        ),
      ),
    );
  for (const { id } of candidates) {
    const after: (() => Promise<void> | void)[] = [];
    await deps.db.transaction(async (tx) => {
      const [row] = await tx
        .select({ trial: trials, customerName: orgs.name })
        .from(trials)
        .innerJoin(orgs, eq(orgs.id, trials.customerOrgId))
        .where(eq(trials.id, id))
        .for('update', { of: trials });
      if (!row) return;
      const [partner] = await tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, row.trial.partnerOrgId));
      await step({
        tx,
        deps,
        trial: { ...row.trial, customerName: row.customerName, partnerName: partner?.name ?? '' },
        now,
        after,
        result,
      });
    });
    for (const f of after) await Promise.resolve(f()).catch((err) => logger.error({ err }, 'trials sweep: after-commit step failed'));
  }
  return result;
}
