// The partner's side of a pending consent request (SPEC §9): resend the e-mail, or cancel.
import type { z } from 'zod';
import { audit } from '@/lib/platform/audit';
import { ConflictError } from '@/lib/platform/errors';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import { changeTrialStatus } from './change-trial-status';
import { sendConsentEmails } from './request-trial';
import { getTrialOrThrow, trialCtxOf } from './trial-access';
import { TRIAL_ERRORS } from '@/lib/platform/error-codes';
import type { trialIdSchema } from './trial-schema';

type Input = z.output<typeof trialIdSchema>;

export async function resendConsent(ctx: ServiceCtx, input: Input) {
  const trial = await getTrialOrThrow(ctx.db, ctx.access, input.trialId, { forUpdate: true });
  if (trial.status !== 'pending_consent' || !trial.consentEmail)
    throw new ConflictError('Only a pending trial request can be sent again.', undefined, TRIAL_ERRORS.wrongStatus);
  await sendConsentEmails(ctx, { id: trial.id, customerOrgId: trial.customerOrgId, consentEmail: trial.consentEmail }, trial.customerName);
  await audit(ctx.db, auditActor(ctx), {
    action: 'trial.request.resend',
    targetType: 'trial',
    targetId: trial.id,
    summary: `Sent the trial request for "${trial.customerName}" again`,
  });
  return { trialId: trial.id };
}

export async function cancelConsent(ctx: ServiceCtx, input: Input) {
  const trial = await getTrialOrThrow(ctx.db, ctx.access, input.trialId, { forUpdate: true });
  if (trial.status !== 'pending_consent')
    throw new ConflictError('Only a pending trial request can be cancelled here.', undefined, TRIAL_ERRORS.wrongStatus);
  await changeTrialStatus(trialCtxOf(ctx), trial, 'cancelled', { reason: 'request cancelled by the partner' });
  return { trialId: trial.id };
}
