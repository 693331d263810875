'use server';
// The customer's answer to a partner's trial request, in its own org's view (SPEC §9).
import { orgAction } from '@/lib/server/org-action';
import { trialOps } from '@/lib/trials/trial-operations';

const { answer } = trialOps;

export const answerTrialRequestAction = orgAction(answer.capability, answer.schema, answer.handler);
