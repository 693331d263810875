'use server';
// The customer use cases as server actions: each declares its capability through
// orgAction, which authorises on the server, validates with the shared schema and runs
// the service in one transaction. No rules live here.
import { createCustomer } from '@/lib/customers/create-customer';
import { customerIdSchema, customerRbpmSchema } from '@/lib/customers/customer-id-schema';
import { createCustomerSchema, type CreateCustomerInput } from '@/lib/customers/customer-schema';
import { deleteCustomer } from '@/lib/customers/delete-customer';
import { retryCustomer } from '@/lib/customers/retry-customer';
import { setCustomerRbpm } from '@/lib/customers/set-customer-rbpm';
import { validateCustomer } from '@/lib/customers/validate-customer';
import { orgAction } from '@/lib/server/org-action';

const validate = orgAction('customers.write', createCustomerSchema, validateCustomer);
const create = orgAction('customers.write', createCustomerSchema, createCustomer);
const retry = orgAction('customers.write', customerIdSchema, retryCustomer);
const remove = orgAction('customers.write', customerIdSchema, deleteCustomer);
const rbpm = orgAction('customers.rbpm', customerRbpmSchema, setCustomerRbpm);

export async function validateCustomerAction(orgId: string, input: CreateCustomerInput) {
  return validate(orgId, input);
}

export async function createCustomerAction(orgId: string, input: CreateCustomerInput) {
  return create(orgId, input);
}

export async function retryCustomerAction(orgId: string, customerId: string) {
  return retry(orgId, { customerId });
}

export async function deleteCustomerAction(orgId: string, customerId: string) {
  return remove(orgId, { customerId });
}

export async function setCustomerRbpmAction(orgId: string, customerId: string, value: boolean) {
  return rbpm(orgId, { customerId, rbpm: value });
}
