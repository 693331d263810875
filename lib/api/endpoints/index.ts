// Every public API operation (SPEC §8). Route files, the OpenAPI document and the
// contract test read this one table.
import * as billing from './billing';
import * as customers from './customers';
import * as subPartners from './sub-partners';
import * as subscribers from './subscribers';

export const endpoints = {
  createCustomer: customers.createCustomerEndpoint,
  validateCustomer: customers.validateCustomerEndpoint,
  listCustomers: customers.listCustomersEndpoint,
  getCustomer: customers.getCustomerEndpoint,
  updateCustomer: customers.updateCustomerEndpoint,
  deleteCustomer: customers.deleteCustomerEndpoint,
  createSubscriber: subscribers.createSubscriberEndpoint,
  validateSubscriber: subscribers.validateSubscriberEndpoint,
  listSubscribers: subscribers.listSubscribersEndpoint,
  getSubscriber: subscribers.getSubscriberEndpoint,
  updateSubscriber: subscribers.updateSubscriberEndpoint,
  deleteSubscriber: subscribers.deleteSubscriberEndpoint,
  createReport: billing.createReportEndpoint,
  listReports: billing.listReportsEndpoint,
  getReport: billing.getReportEndpoint,
  deleteReport: billing.deleteReportEndpoint,
  listSubPartners: subPartners.listSubPartnersEndpoint,
};
export type EndpointName = keyof typeof endpoints;
