'use server';
// Webhooks (SPEC §8.4): partner full admins, own org only (not cross-launched). Each
// action is one line around the use case declared in lib/webhooks/webhook-operations.ts.
import { webhookOps } from '@/lib/webhooks/webhook-operations';
import { orgAction } from '@/lib/server/org-action';

export const createWebhookEndpointAction = orgAction(webhookOps.create);
export const updateWebhookEndpointAction = orgAction(webhookOps.update);
export const setWebhookEndpointEnabledAction = orgAction(webhookOps.setEnabled);
export const deleteWebhookEndpointAction = orgAction(webhookOps.delete);
export const rotateWebhookSecretAction = orgAction(webhookOps.rotateSecret);
export const redeliverWebhookAction = orgAction(webhookOps.redeliver);
