'use server';
// The customer use cases as server actions: each declares its capability through
// orgAction, which authorises on the server, validates with the shared schema and runs
// the service in one transaction. No rules live here.
import { customerOps } from '@/lib/customers/customer-operations';
import { customerIdSchema, customerRbpmSchema, customersRbpmSchema } from '@/lib/customers/customer-id-schema';
import { retryCustomer } from '@/lib/customers/retry-customer';
import { setCustomerRbpm } from '@/lib/customers/set-customer-rbpm';
import { setCustomersRbpm } from '@/lib/customers/set-customers-rbpm';
import { orgAction } from '@/lib/server/org-action';

export const validateCustomerAction = orgAction(customerOps.validate);
export const precheckCustomerInfoAction = orgAction(customerOps.precheckInfo);
export const createCustomerAction = orgAction(customerOps.create);
export const retryCustomerAction = orgAction('customers.write', customerIdSchema, retryCustomer);
export const deleteCustomerAction = orgAction(customerOps.delete);
export const setCustomerRbpmAction = orgAction('customers.rbpm', customerRbpmSchema, setCustomerRbpm);
/** The list's bulk Restricted by Partner Mode: the single toggle's rules, per customer. */
export const setCustomersRbpmAction = orgAction('customers.rbpm', customersRbpmSchema, setCustomersRbpm);
