'use server';
// The org's answer to a partner's attach request, in its own view (SPEC §8.3).
import { attachOps } from '@/lib/customers/attach-operations';
import { orgAction } from '@/lib/server/org-action';

export const answerAttachRequestAction = orgAction(attachOps.answer);
