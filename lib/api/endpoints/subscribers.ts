import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { customers, subscribers } from '@/db/schema';
import { isUuid, type OrgAccess } from '@/lib/auth/access';
import { DomainError, NotFoundError } from '@/lib/platform/errors';
import { toApiFields } from '@/lib/subscribers/add-api-subscriber';
import {
  apiCreateSubscriberSchema,
  apiListSubscribersSchema,
  apiUpdateSubscriberSchema,
  subscriberResourceSchema,
} from '@/lib/subscribers/subscriber-api-schema';
import { subscriberOps } from '@/lib/subscribers/subscriber-operations';
import { getSubscriberResource } from '@/lib/subscribers/subscriber-resource';
import { defineEndpoint } from '../api-endpoint';
import { EXAMPLE_CREATE_SUBSCRIBER, EXAMPLE_SUBSCRIBER } from '../examples';
import { customerAccess } from '../token-access';

const subscriberIdParams = z.object({ subscriberId: z.string().min(1).max(64) });
const SUBSCRIBER_ERRORS = [10001, 10002, 10022, 10201, 10202, 10203, 10205, 10206, 10207, 10414, 10404] as const;

/** The customer a subscriber belongs to, within the acting org's own customers (else 404). */
async function customerOfSubscriber(db: DbOrTx, acting: OrgAccess, subscriberId: string): Promise<string> {
  if (!isUuid(subscriberId)) throw new NotFoundError('Subscriber not found.');
  const [row] = await db
    .select({ customerId: subscribers.customerId })
    .from(subscribers)
    .innerJoin(customers, eq(customers.id, subscribers.customerId))
    .where(and(eq(subscribers.id, subscriberId), eq(customers.partnerOrgId, acting.org.id)));
  if (!row) throw new NotFoundError('Subscriber not found.');
  return row.customerId;
}

function apiFields(err: unknown): never {
  if (err instanceof DomainError && err.fieldErrors)
    throw new DomainError(err.message, err.status, err.errorCode, toApiFields(err.fieldErrors));
  throw err;
}

export const createSubscriberEndpoint = defineEndpoint({
  operationId: 'createSubscriber',
  method: 'POST',
  path: '/subscribers',
  tag: 'Subscribers',
  summary: 'Provision a subscriber',
  description:
    "Answers the provisioned subscriber. The first user of a new customer is its administrator (created by the customer's provisioning).",
  capability: subscriberOps.add.capability,
  body: apiCreateSubscriberSchema,
  status: 200,
  response: subscriberResourceSchema,
  errorStatuses: [400, 404, 409, 422],
  errorCodes: SUBSCRIBER_ERRORS,
  example: { request: EXAMPLE_CREATE_SUBSCRIBER, response: EXAMPLE_SUBSCRIBER },
  async run({ body, access, deps, exec }) {
    const target = await customerAccess(deps.db, access, body.customerId);
    return { body: await exec(target, subscriberOps.add.capability, (ctx) => subscriberOps.add.handler(ctx, body)) };
  },
});

export const validateSubscriberEndpoint = defineEndpoint({
  operationId: 'validateSubscriber',
  method: 'POST',
  path: '/subscribers/validate',
  tag: 'Subscribers',
  summary: 'Pre-provisioning check for a subscriber',
  description: 'Every problem at once (400/409), or infoCode 100. Changes nothing.',
  capability: subscriberOps.validate.capability,
  body: apiCreateSubscriberSchema,
  status: 200,
  response: z.object({ message: z.string(), info: z.array(z.object({ infoCode: z.number(), description: z.string() })) }),
  errorStatuses: [400, 404, 409, 422],
  errorCodes: SUBSCRIBER_ERRORS,
  example: {
    request: EXAMPLE_CREATE_SUBSCRIBER,
    response: {
      message: 'Provisioning preCheck validation successful.',
      info: [{ infoCode: 100, description: 'Provisioning preCheck validation successful.' }],
    },
  },
  async run({ body, access, deps, exec }) {
    const target = await customerAccess(deps.db, access, body.customerId);
    return { body: await exec(target, subscriberOps.validate.capability, (ctx) => subscriberOps.validate.handler(ctx, body)) };
  },
});

export const getSubscriberEndpoint = defineEndpoint({
  operationId: 'getSubscriber',
  method: 'GET',
  path: '/subscribers/{subscriberId}',
  tag: 'Subscribers',
  summary: 'Get a subscriber',
  capability: subscriberOps.list.capability,
  params: subscriberIdParams,
  status: 200,
  response: subscriberResourceSchema,
  errorStatuses: [404],
  errorCodes: [10404],
  example: { response: EXAMPLE_SUBSCRIBER },
  async run({ params, access, exec }) {
    return {
      body: await exec(access, subscriberOps.list.capability, (ctx) =>
        getSubscriberResource(ctx.db, ctx.access.org.id, params.subscriberId),
      ),
    };
  },
});

export const listSubscribersEndpoint = defineEndpoint({
  operationId: 'listSubscribers',
  method: 'GET',
  path: '/subscribers',
  tag: 'Subscribers',
  summary: 'List subscribers',
  capability: subscriberOps.list.capability,
  query: apiListSubscribersSchema,
  status: 200,
  response: z.object({ items: z.array(subscriberResourceSchema) }),
  errorStatuses: [400],
  errorCodes: [10001, 10002],
  example: { response: { items: [EXAMPLE_SUBSCRIBER] } },
  async run({ query, access, exec }) {
    const { items, hasNext } = await exec(access, subscriberOps.list.capability, (ctx) => subscriberOps.list.handler(ctx, query));
    return { body: { items }, page: { offset: query.offset, max: query.max, hasNext } };
  },
});

export const updateSubscriberEndpoint = defineEndpoint({
  operationId: 'updateSubscriber',
  method: 'PUT',
  path: '/subscribers/{subscriberId}',
  tag: 'Subscribers',
  summary: "Change a subscriber's package",
  description: 'Numbers are needed only when moving from a meetings-only package to a calling one.',
  capability: subscriberOps.changePackage.capability,
  params: subscriberIdParams,
  body: apiUpdateSubscriberSchema,
  status: 200,
  response: subscriberResourceSchema,
  errorStatuses: [400, 404, 409, 422],
  errorCodes: [10001, 10002, 10201, 10202, 10203, 10204, 10205, 10414, 10404],
  example: { request: { package: 'webex_suite' }, response: { ...EXAMPLE_SUBSCRIBER, package: 'webex_suite' } },
  async run({ params, body, access, deps, exec }) {
    const target = await customerAccess(deps.db, access, await customerOfSubscriber(deps.db, access, params.subscriberId));
    const p = body.provisioningParameters;
    return {
      body: await exec(target, subscriberOps.changePackage.capability, async (ctx) => {
        await subscriberOps.changePackage.handler(ctx, {
          subscriberId: params.subscriberId,
          package: body.package,
          extension: p.extension,
          primaryPhoneNumber: p.primaryPhoneNumber,
        });
        return getSubscriberResource(ctx.db, access.org.id, params.subscriberId);
      }).catch(apiFields),
    };
  },
});

export const deleteSubscriberEndpoint = defineEndpoint({
  operationId: 'deleteSubscriber',
  method: 'DELETE',
  path: '/subscribers/{subscriberId}',
  tag: 'Subscribers',
  summary: 'Remove a subscriber',
  description: 'Billing for the subscriber stops now; its number and extension are released.',
  capability: subscriberOps.remove.capability,
  params: subscriberIdParams,
  status: 204,
  errorStatuses: [404, 422],
  errorCodes: [10404],
  example: {},
  async run({ params, access, deps, exec }) {
    const target = await customerAccess(deps.db, access, await customerOfSubscriber(deps.db, access, params.subscriberId));
    await exec(target, subscriberOps.remove.capability, (ctx) => subscriberOps.remove.handler(ctx, params));
    return {};
  },
});
