// Error codes of webhooks and of attaching existing orgs (SPEC §8.2; reserved range 14000–14999).
// At the merge these join the one catalogue in lib/platform/error-codes.ts.
export const WEBHOOK_ERRORS = {
  urlInvalid: 14001,
  urlSchemeNotAllowed: 14002,
  urlPrivateAddress: 14003,
  urlUnresolvable: 14004,
  noEventTypes: 14005,
  endpointNotFound: 14010,
  deliveryNotFound: 14011,
  endpointDisabled: 14012,
  endpointLimit: 14013,
} as const;

export const ATTACH_ERRORS = {
  orgNotFound: 14100,
  orgNotAttachable: 14101,
  orgAlreadyCustomer: 14102,
  approvalNotPending: 14103,
  managedThroughApi: 14104,
} as const;

/** infoCodes of the pre-provisioning check for attaching (POST /customers/validate with orgId). */
export const ATTACH_INFO = {
  attachesAtOnce: 14150,
  needsApproval: 14151,
} as const;
