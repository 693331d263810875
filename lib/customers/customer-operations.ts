// Each customer use case with its capability (SPEC §1.2) and input schema, declared once:
// the server actions, the session routes and the REST door (lib/api/endpoints) take these.
import type { UseCaseTable } from '@/lib/platform/use-case';
import { createCustomer } from './create-customer';
import { customerIdSchema } from './customer-id-schema';
import { apiListCustomersSchema, apiUpdateCustomerSchema } from './customer-api-schema';
import { createCustomerSchema } from './customer-schema';
import { deleteCustomer } from './delete-customer';
import { getCustomerResource } from './get-customer-resource';
import { listApiCustomers } from './list-api-customers';
import { updateCustomer } from './update-customer';
import { validateCustomer } from './validate-customer';
import { customerInfoSchema, precheckCustomerInfo } from './precheck-customer-info';

const updateInput = apiUpdateCustomerSchema.extend(customerIdSchema.shape);

export const customerOps = {
  create: { capability: 'customers.write', schema: createCustomerSchema, handler: createCustomer },
  validate: { capability: 'customers.write', schema: createCustomerSchema, handler: validateCustomer },
  /** The wizard's first-step pre-check (uniqueness where the value is entered). */
  precheckInfo: { capability: 'customers.write', schema: customerInfoSchema, handler: precheckCustomerInfo },
  get: { capability: 'customers.read', schema: customerIdSchema, handler: getCustomerResource },
  list: { capability: 'customers.read', schema: apiListCustomersSchema, handler: listApiCustomers },
  update: { capability: 'customers.write', schema: updateInput, handler: updateCustomer },
  delete: { capability: 'customers.delete', schema: customerIdSchema, handler: deleteCustomer },
} as const satisfies UseCaseTable;
