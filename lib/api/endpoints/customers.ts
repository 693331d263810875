import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { onboardingTemplates } from '@/db/schema';
import { parseInput } from '@/lib/server/guard';
import { attachOps } from '@/lib/customers/attach-operations';
import type { AttachCustomerInput } from '@/lib/customers/attach-schema';
import { customerIdSchema } from '@/lib/customers/customer-id-schema';
import {
  apiCreateCustomerSchema,
  apiListCustomersSchema,
  apiUpdateCustomerSchema,
  customerResourceSchema,
  type ApiCreateCustomer,
} from '@/lib/customers/customer-api-schema';
import { customerOps } from '@/lib/customers/customer-operations';
import type { CreateCustomerInput } from '@/lib/customers/customer-schema';
import { DomainError, ValidationError } from '@/lib/platform/errors';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import { defineEndpoint } from '../api-endpoint';
import { EXAMPLE_ADDRESS, EXAMPLE_CUSTOMER, EXAMPLE_CUSTOMER_ID, EXAMPLE_CREATE_CUSTOMER } from '../examples';

/** The wizard's field names → the API body's, so a refused field is named as the caller sent it. */
const API_FIELD: Record<string, string> = {
  companyName: 'customerInfo.name',
  adminEmail: 'customerInfo.primaryEmail',
  language: 'customerInfo.language',
  templateId: 'provisioningId',
  'address.postalCode': 'address.zipOrPostalCode',
};

function renameFields(err: unknown): never {
  if (err instanceof DomainError && err.fieldErrors) {
    const fieldErrors = Object.fromEntries(Object.entries(err.fieldErrors).map(([k, v]) => [API_FIELD[k] ?? k, v]));
    throw new DomainError(err.message, err.status, err.errorCode, fieldErrors);
  }
  throw err;
}

/** The API body as the wizard's input: same service, same rules (createCustomerSchema re-checks it). */
async function toWizardInput(ctx: ServiceCtx, body: ApiCreateCustomer): Promise<CreateCustomerInput> {
  const [template] = await ctx.db
    .select({ id: onboardingTemplates.id })
    .from(onboardingTemplates)
    .where(and(eq(onboardingTemplates.provisioningId, body.provisioningId), eq(onboardingTemplates.orgId, ctx.access.org.id)));
  const a = body.address;
  return parseInput(customerOps.create.schema, {
    companyName: body.customerInfo!.name,
    adminEmail: body.customerInfo!.primaryEmail,
    language: body.customerInfo!.language ?? '',
    // An unknown provisioningId stays a non-id, so the service's own rule names it (10105).
    templateId: template?.id ?? 'unknown',
    externalId: body.externalId,
    packages: body.packages,
    address: {
      addressLine1: a.addressLine1,
      addressLine2: a.addressLine2,
      city: a.city,
      stateOrProvince: a.stateOrProvince,
      postalCode: a.zipOrPostalCode,
      country: a.country,
    },
    confirmSupportedLocation: true,
  });
}

/**
 * SPEC §8.3: a body with `orgId` attaches that existing organisation (attachOps in
 * lib/customers/attach-operations.ts) instead of creating one; it keeps its own name
 * and administrators, so customerInfo is refused rather than silently ignored.
 */
async function toAttachInput(ctx: ServiceCtx, body: ApiCreateCustomer): Promise<AttachCustomerInput> {
  if (body.customerInfo) {
    const m = 'customerInfo is not used when attaching: the organisation keeps its name and administrators.';
    throw new ValidationError(m, { customerInfo: [m] });
  }
  const [template] = await ctx.db
    .select({ id: onboardingTemplates.id })
    .from(onboardingTemplates)
    .where(and(eq(onboardingTemplates.provisioningId, body.provisioningId), eq(onboardingTemplates.orgId, ctx.access.org.id)));
  const a = body.address;
  return parseInput(attachOps.attach.schema, {
    orgId: body.orgId,
    templateId: template?.id ?? 'unknown',
    externalId: body.externalId,
    packages: body.packages,
    address: {
      addressLine1: a.addressLine1,
      addressLine2: a.addressLine2,
      city: a.city,
      stateOrProvince: a.stateOrProvince,
      postalCode: a.zipOrPostalCode,
      country: a.country,
    },
  });
}

const urlBody = z.object({ url: z.string() });
const customerPath = (id: string) => `/v1/wholesale/customers/${id}`;
const CUSTOMER_ERRORS = [10001, 10002, 10022, 10101, 10102, 10103, 10104, 10105, 10106, 10107, 10108, 10110, 10111, 10112, 10115] as const;

export const createCustomerEndpoint = defineEndpoint({
  operationId: 'createCustomer',
  method: 'POST',
  path: '/customers',
  tag: 'Customers',
  summary: 'Provision a customer',
  description: 'Accepted for asynchronous provisioning: poll the customer at the Location URL until its status is provisioned.',
  capability: customerOps.create.capability,
  body: apiCreateCustomerSchema,
  status: 202,
  response: urlBody,
  errorStatuses: [400, 404, 409, 422],
  errorCodes: CUSTOMER_ERRORS,
  example: { request: EXAMPLE_CREATE_CUSTOMER, response: { url: customerPath(EXAMPLE_CUSTOMER_ID) } },
  async run({ body, access, exec }) {
    if (body.orgId) {
      const attached = await exec(access, attachOps.attach.capability, async (ctx) =>
        attachOps.attach.handler(ctx, await toAttachInput(ctx, body)),
      ).catch(renameFields);
      const url = customerPath(attached.customerId);
      return { body: { url }, location: url };
    }
    const created = await exec(access, customerOps.create.capability, async (ctx) =>
      customerOps.create.handler(ctx, await toWizardInput(ctx, body)),
    ).catch(renameFields);
    const url = customerPath(created.customerId);
    return { body: { url }, location: url };
  },
});

export const validateCustomerEndpoint = defineEndpoint({
  operationId: 'validateCustomer',
  method: 'POST',
  path: '/customers/validate',
  tag: 'Customers',
  summary: 'Pre-provisioning check for a customer',
  description: 'Runs every rule of POST /customers and reports all problems at once (400/409), or infoCode 100. Changes nothing.',
  capability: customerOps.validate.capability,
  body: apiCreateCustomerSchema,
  status: 200,
  response: z.object({ message: z.string(), info: z.array(z.object({ infoCode: z.number(), description: z.string() })) }),
  errorStatuses: [400, 404, 409, 422],
  errorCodes: CUSTOMER_ERRORS,
  example: {
    request: EXAMPLE_CREATE_CUSTOMER,
    response: {
      message: 'Provisioning preCheck validation successful.',
      info: [{ infoCode: 100, description: 'Provisioning preCheck validation successful.' }],
    },
  },
  async run({ body, access, exec }) {
    if (body.orgId) {
      return {
        body: await exec(access, attachOps.validate.capability, async (ctx) =>
          attachOps.validate.handler(ctx, await toAttachInput(ctx, body)),
        ).catch(renameFields),
      };
    }
    return {
      body: await exec(access, customerOps.validate.capability, async (ctx) =>
        customerOps.validate.handler(ctx, await toWizardInput(ctx, body)),
      ).catch(renameFields),
    };
  },
});

export const getCustomerEndpoint = defineEndpoint({
  operationId: 'getCustomer',
  method: 'GET',
  path: '/customers/{customerId}',
  tag: 'Customers',
  summary: 'Get a customer',
  capability: customerOps.get.capability,
  params: customerIdSchema,
  status: 200,
  response: customerResourceSchema,
  errorStatuses: [404],
  errorCodes: [10404],
  example: { response: EXAMPLE_CUSTOMER },
  async run({ params, access, exec }) {
    return { body: await exec(access, customerOps.get.capability, (ctx) => customerOps.get.handler(ctx, params)) };
  },
});

export const listCustomersEndpoint = defineEndpoint({
  operationId: 'listCustomers',
  method: 'GET',
  path: '/customers',
  tag: 'Customers',
  summary: 'List customers',
  description:
    "Newest first. Filters match exactly. A parent partner's list holds its own customers; use onBehalfOfSubPartnerOrgId for a sub-partner's.",
  capability: customerOps.list.capability,
  query: apiListCustomersSchema,
  status: 200,
  response: z.object({ items: z.array(customerResourceSchema) }),
  errorStatuses: [400],
  errorCodes: [10001, 10002],
  example: { response: { items: [EXAMPLE_CUSTOMER] } },
  async run({ query, access, exec }) {
    const { items, hasNext } = await exec(access, customerOps.list.capability, (ctx) => customerOps.list.handler(ctx, query));
    return { body: { items }, page: { offset: query.offset, max: query.max, hasNext } };
  },
});

export const updateCustomerEndpoint = defineEndpoint({
  operationId: 'updateCustomer',
  method: 'PUT',
  path: '/customers/{customerId}',
  tag: 'Customers',
  summary: 'Update a customer',
  description:
    '`packages` is the complete new list: a package left out is removed (409 while subscribers hold it). ' +
    "The change is applied before this answers: the 202 and its Location keep the vendor's asynchronous shape, so clients written to poll work unchanged, " +
    'but the customer at Location already shows the new packages (each provisioned) and its status stays as it was — it never passes through updating.',
  capability: customerOps.update.capability,
  params: customerIdSchema,
  body: apiUpdateCustomerSchema,
  status: 202,
  response: urlBody,
  errorStatuses: [400, 404, 409, 422],
  errorCodes: [10001, 10002, 10101, 10102, 10103, 10109, 10414, 10404],
  example: {
    request: { packages: ['webex_calling', 'webex_meetings'], externalId: 'ACME-0042', address: EXAMPLE_ADDRESS },
    response: { url: customerPath(EXAMPLE_CUSTOMER_ID) },
  },
  async run({ params, body, access, exec }) {
    await exec(access, customerOps.update.capability, (ctx) => customerOps.update.handler(ctx, { ...body, customerId: params.customerId }));
    const url = customerPath(params.customerId);
    return { body: { url }, location: url };
  },
});

export const deleteCustomerEndpoint = defineEndpoint({
  operationId: 'deleteCustomer',
  method: 'DELETE',
  path: '/customers/{customerId}',
  tag: 'Customers',
  summary: "Remove a customer's wholesale services",
  description: 'The customer becomes deprovisioned; billing stops; history stays reportable.',
  capability: customerOps.delete.capability,
  params: customerIdSchema,
  status: 202,
  errorStatuses: [404, 409, 422],
  errorCodes: [10404, 10412],
  example: {},
  async run({ params, access, exec }) {
    await exec(access, customerOps.delete.capability, (ctx) => customerOps.delete.handler(ctx, params));
    return {};
  },
});
