'use server';
// The customer use cases as server actions: each declares its capability through
// orgAction, which authorises on the server, validates with the shared schema and runs
// the service in one transaction. No rules live here.
import { createCustomer } from '@/lib/customers/create-customer';
import { customerIdSchema, customerRbpmSchema } from '@/lib/customers/customer-id-schema';
import { createCustomerSchema } from '@/lib/customers/customer-schema';
import { deleteCustomer } from '@/lib/customers/delete-customer';
import { retryCustomer } from '@/lib/customers/retry-customer';
import { setCustomerRbpm } from '@/lib/customers/set-customer-rbpm';
import { validateCustomer } from '@/lib/customers/validate-customer';
import { orgAction } from '@/lib/server/org-action';

export const validateCustomerAction = orgAction('customers.write', createCustomerSchema, validateCustomer);
export const createCustomerAction = orgAction('customers.write', createCustomerSchema, createCustomer);
export const retryCustomerAction = orgAction('customers.write', customerIdSchema, retryCustomer);
export const deleteCustomerAction = orgAction('customers.delete', customerIdSchema, deleteCustomer);
export const setCustomerRbpmAction = orgAction('customers.rbpm', customerRbpmSchema, setCustomerRbpm);
