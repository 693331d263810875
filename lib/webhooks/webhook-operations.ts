// Each webhook use case with its capability and schema, declared once (as billing does):
// the server actions, the session routes and — at the merge — the API wire these.
import type { PartnerCapability } from '@/lib/auth/permissions';
import { createWebhookEndpoint } from './create-webhook-endpoint';
import { deleteWebhookEndpoint } from './delete-webhook-endpoint';
import {
  deliveryIdSchema,
  endpointFieldsSchema,
  endpointIdSchema,
  listAttemptsSchema,
  setEndpointEnabledSchema,
  updateEndpointSchema,
} from './endpoint-schema';
import { listWebhookAttempts } from './list-webhook-attempts';
import { redeliverWebhook } from './redeliver-webhook';
import { rotateWebhookSecret } from './rotate-webhook-secret';
import { setWebhookEndpointEnabled } from './set-webhook-endpoint-enabled';
import { updateWebhookEndpoint } from './update-webhook-endpoint';

export const webhookOps = {
  create: { capability: 'webhooks.manage', schema: endpointFieldsSchema, handler: createWebhookEndpoint },
  update: { capability: 'webhooks.manage', schema: updateEndpointSchema, handler: updateWebhookEndpoint },
  setEnabled: { capability: 'webhooks.manage', schema: setEndpointEnabledSchema, handler: setWebhookEndpointEnabled },
  delete: { capability: 'webhooks.manage', schema: endpointIdSchema, handler: deleteWebhookEndpoint },
  rotateSecret: { capability: 'webhooks.manage', schema: endpointIdSchema, handler: rotateWebhookSecret },
  listAttempts: { capability: 'webhooks.manage', schema: listAttemptsSchema, handler: listWebhookAttempts },
  redeliver: { capability: 'webhooks.manage', schema: deliveryIdSchema, handler: redeliverWebhook },
} as const satisfies Record<string, { capability: PartnerCapability; schema: unknown; handler: unknown }>;
