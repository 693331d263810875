// Examples for the OpenAPI document (one request and response per operation).
export const EXAMPLE_CUSTOMER_ID = '6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f';
export const EXAMPLE_ORG_ID = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
export const EXAMPLE_ADDRESS = {
  addressLine1: '1 Harbour Street',
  addressLine2: '',
  city: 'Seattle',
  stateOrProvince: 'WA',
  zipOrPostalCode: '98101',
  country: 'US',
};
export const EXAMPLE_CREATE_CUSTOMER = {
  provisioningId: 'PID-EXAMPLE',
  packages: ['webex_calling'],
  externalId: 'ACME-0042',
  address: EXAMPLE_ADDRESS,
  customerInfo: { name: 'Acme Plumbing', primaryEmail: 'owner@acme-plumbing.example', language: 'en_US' },
  provisioningParameters: { calling: { location: { name: 'Head office', timezone: 'America/Los_Angeles', language: 'en_US' } } },
};
export const EXAMPLE_CUSTOMER = {
  id: EXAMPLE_CUSTOMER_ID,
  orgId: EXAMPLE_ORG_ID,
  externalId: 'ACME-0042',
  status: 'provisioned',
  address: EXAMPLE_ADDRESS,
  packages: [{ name: 'webex_calling', status: 'provisioned', warnings: [], errors: [] }],
  errors: [],
  provisioningId: 'PID-EXAMPLE',
  subPartnerOrgId: null,
  created: '2026-01-05T10:00:00.000Z',
  lastStatusChange: '2026-01-05T10:00:04.000Z',
  resourceDetails: {
    name: 'Acme Plumbing',
    sipDomain: 'acme-plumbing.sip.partnerhub.test',
    meetingsSiteUrl: 'acme-plumbing.webex.test',
    rbpm: true,
    language: 'en_US',
  },
  links: [
    { rel: 'self', href: `/v1/wholesale/customers/${EXAMPLE_CUSTOMER_ID}`, method: 'GET' },
    { rel: 'update', href: `/v1/wholesale/customers/${EXAMPLE_CUSTOMER_ID}`, method: 'PUT' },
    { rel: 'delete', href: `/v1/wholesale/customers/${EXAMPLE_CUSTOMER_ID}`, method: 'DELETE' },
  ],
};
export const EXAMPLE_SUBSCRIBER_ID = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
export const EXAMPLE_CREATE_SUBSCRIBER = {
  customerId: EXAMPLE_CUSTOMER_ID,
  email: 'jane.doe@acme-plumbing.example',
  package: 'webex_calling',
  provisioningParameters: { firstName: 'Jane', lastName: 'Doe', extension: '2001', primaryPhoneNumber: '+12065550123' },
};
export const EXAMPLE_SUBSCRIBER = {
  id: EXAMPLE_SUBSCRIBER_ID,
  customerId: EXAMPLE_CUSTOMER_ID,
  email: 'jane.doe@acme-plumbing.example',
  package: 'webex_calling',
  status: 'provisioned',
  firstName: 'Jane',
  lastName: 'Doe',
  primaryPhoneNumber: '+12065550123',
  extension: '2001',
  locationId: '3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f',
  created: '2026-01-05T10:05:00.000Z',
  lastStatusChange: '2026-01-05T10:05:00.000Z',
  errors: [],
};
export const EXAMPLE_REPORT_ID = '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a';
export const EXAMPLE_REPORT = {
  id: EXAMPLE_REPORT_ID,
  billingStartDate: '2026-01-01',
  billingEndDate: '2026-01-31',
  type: 'PARTNER',
  created: '2026-02-01T08:00:00.000Z',
  createdBy: 'full.admin@northwind.test',
  status: 'COMPLETED',
  subPartnerOrgId: null,
  tempDownloadURL: `/api/billing/reports/${EXAMPLE_REPORT_ID}/download?expires=1769934600&signature=…`,
  errors: [],
};
