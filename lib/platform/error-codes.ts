// The one catalogue of stable error codes (SPEC §8.2): one number per rule, the same
// number whichever door (UI or API) hits it. Where the vendor published a number it is
// used as is (10022, 2024, infoCode 100). Services keep throwing typed DomainErrors with
// their human message; a field message is mapped to its rule's code here, so the API
// names the rule without every service repeating numbers. Each domain's range lives here
// too (trials 12000s, administration and branding 13000s); the webhook and attach codes
// (14000s) are still in lib/webhooks/webhook-error-codes.ts.

export interface ErrorRule {
  code: number;
  /** What the rule is, for the OpenAPI document and the docs page. */
  rule: string;
  /** Matches the service message(s) that state this rule. */
  match?: RegExp;
}

export const PRECHECK_OK_INFO = { infoCode: 100, description: 'Provisioning preCheck validation successful.' } as const;

export const ERROR_RULES = [
  // Generic (one per HTTP meaning)
  { code: 10001, rule: 'Invalid input: a field failed validation (the description names the field).' },
  { code: 10002, rule: 'Unknown field in the request body (unknown fields are refused, not ignored).', match: /^Unrecognized key/ },
  { code: 10003, rule: 'The request body is not valid JSON.' },
  { code: 10004, rule: 'Request body too large (over 1 MB).' },
  { code: 10005, rule: 'Unsupported content type: send application/json.' },
  { code: 10006, rule: 'Invalid Idempotency-Key header (at most 255 characters).' },
  { code: 10007, rule: 'onBehalfOfSubPartnerOrgId is not one of your indirect providers.' },
  { code: 10401, rule: 'Missing, unknown, revoked or expired API token.' },
  {
    code: 10403,
    rule: 'Forbidden: the token lacks the scope this operation needs (named in the message), or the role lacks the permission.',
  },
  { code: 10404, rule: 'Not found (or not within your reach).' },
  { code: 10409, rule: 'Conflict with the current state.' },
  { code: 10422, rule: 'Idempotency-Key reused with a different request.' },
  { code: 10423, rule: 'A request with this Idempotency-Key is still in progress.' },
  { code: 10429, rule: 'Rate limit exceeded: retry after the Retry-After seconds.' },
  {
    code: 10415,
    rule: 'Something the change refers to was deleted meanwhile (a foreign key refused it); nothing was changed.',
    match: /^Something this change refers to was deleted meanwhile/,
  },
  { code: 10500, rule: 'Internal error; nothing was changed.' },
  // Customers (SPEC §4, §8)
  {
    code: 10022,
    rule: 'The email is already associated with an existing user.',
    match: /^The e-?mail is already associated with an existing user\.|^This email address is already in use\.$/,
  },
  { code: 10101, rule: 'External ID already in use by another of your customers.', match: /^This external ID is already used/ },
  { code: 10102, rule: 'Package not in the wholesale subscription.', match: /^Not in subscription / },
  {
    code: 10103,
    rule: 'Calling packages need an onboarding template with a PSTN provider.',
    match: /need an onboarding template with a PSTN provider/,
  },
  { code: 10104, rule: 'The indirect provider (sub-partner) is suspended.', match: /is suspended and can.t create customers/ },
  {
    code: 10105,
    rule: 'Unknown onboarding template / provisioningId.',
    match: /^Choose one of your organisation.s onboarding templates\.|^Unknown provisioningId/,
  },
  {
    code: 10106,
    rule: 'Only wholesale partner organisations create wholesale customers.',
    match: /^Only wholesale partners create|^Customers are created from a partner/,
  },
  {
    code: 10107,
    rule: 'Common Area Calling is for workspaces: the administrator needs another package.',
    match: /^Common Area Calling is for workspaces/,
  },
  { code: 10108, rule: 'A calling location is required when calling packages are included.', match: /calling location is required/ },
  { code: 10109, rule: 'A package still held by subscribers cannot be removed.', match: /still held by/ },
  {
    code: 10115,
    rule: 'The onboarding template was deleted while the customer was being created.',
    match: /^The onboarding template was deleted while/,
  },
  { code: 10412, rule: 'The customer cannot be deleted in its current status.', match: /can.t be deleted while it is/ },
  { code: 10413, rule: 'The indirect provider that owns this is suspended: it can only read and delete customers.' },
  {
    code: 10414,
    rule: 'Users and packages change only while the customer’s services are live.',
    match: /^Users and packages can't be changed while/,
  },
  // Attaching an existing organisation (SPEC §8.3)
  {
    code: 10110,
    rule: 'The orgId is not an existing organisation that can be attached (unknown, or a partner).',
    match: /^No organisation with this orgId can be attached\.$/,
  },
  {
    code: 10111,
    rule: 'The organisation already has wholesale services from a partner.',
    match: /already has wholesale services from a partner/,
  },
  {
    code: 10112,
    rule: 'customerInfo is not used when attaching: the organisation keeps its name and administrators.',
    match: /^customerInfo is not used when attaching/,
  },
  {
    code: 10113,
    rule: 'The attach request is no longer waiting for an answer.',
    match: /^This request is no longer waiting for an answer\.$/,
  },
  { code: 10114, rule: 'An organisation attached through the API is managed through the API only.', match: /^Managed through the API: / },
  { code: 10416, rule: 'Restricted by Partner Mode is not available for organisations attached through the API.' },
  // Subscribers (SPEC §2)
  { code: 10201, rule: 'Extension already used at this location.', match: /^This extension is already used at this location\.$/ },
  { code: 10202, rule: 'Phone number already in use.', match: /^This phone number is already in use\.$/ },
  {
    code: 10203,
    rule: 'A calling package needs an extension and/or a primary phone number.',
    match: /needs an extension and\/or a primary phone number/,
  },
  { code: 10204, rule: "Administrators can't be moved to a lower package.", match: /^Administrators can't be moved to a lower package\.$/ },
  { code: 10205, rule: 'Package is not one of the customer’s packages.', match: /isn't one of this customer's packages\.$/ },
  {
    code: 10206,
    rule: 'The person is already a user of this organisation (with other settings).',
    match: /^This person (is already a user|already has a package)/,
  },
  { code: 10207, rule: 'Location is not one of the organisation’s.', match: /^Choose a location of this organisation\.$/ },
  // Billing reports (SPEC §7.2)
  { code: 2024, rule: 'Billing report not found.', match: /^Report not found\.$/ },
  { code: 10301, rule: 'Report period invalid (start ≤ end, within 5 years, before today).', match: /^The billing (start|end) date / },
  {
    code: 10302,
    rule: 'A live report for this period, type and sub-partner already exists.',
    match: /^A report for this period and type already exists/,
  },
  {
    code: 10303,
    rule: 'The sub-partner of the report is not one of yours.',
    match: /indirect provider is not one of yours|Only a parent partner can create reports/,
  },
  // Trials (SPEC §9)
  { code: 12001, rule: 'The trial is not in a status that allows this change.' },
  { code: 12002, rule: 'A service can’t be trialled for this customer (not offered, already live or trialled by another partner).' },
  { code: 12003, rule: 'A device of this type was already shipped to this customer: one shipment per device type.' },
  { code: 12004, rule: 'Trials with devices last at most 120 days.' },
  { code: 12005, rule: 'A tier-2 partner can’t convert a trial: contact your distributor.' },
  { code: 12006, rule: 'The customer already has an open trial or trial request.' },
  { code: 12007, rule: 'The e-mail belongs to an existing user or organisation: send a trial request instead.' },
  { code: 12008, rule: 'The trial has no service this needs (e.g. Devices).' },
  // Partner administration and branding (SPEC §1, §10)
  { code: 13001, rule: 'The organisation must keep at least one full administrator.' },
  { code: 13002, rule: 'The e-mail already belongs to a user.' },
  { code: 13003, rule: 'The invitation was already accepted.' },
  { code: 13004, rule: 'Administrator not found.' },
  { code: 13101, rule: 'The logo must be a PNG, JPEG or SVG image.' },
  { code: 13102, rule: 'The logo file is too large.' },
  { code: 13103, rule: 'The logo file could not be read.' },
  { code: 13104, rule: 'The colours lack contrast with the text on them.' },
  { code: 13105, rule: 'Branding is restricted for this organisation.' },
] as const satisfies readonly ErrorRule[];

export type ErrorCode = (typeof ERROR_RULES)[number]['code'];

export const ERROR_CODES = {
  validation: 10001,
  unknownField: 10002,
  invalidJson: 10003,
  bodyTooLarge: 10004,
  unsupportedMediaType: 10005,
  badIdempotencyKey: 10006,
  notYourSubPartner: 10007,
  unauthenticated: 10401,
  forbidden: 10403,
  notFound: 10404,
  conflict: 10409,
  referenceGone: 10415,
  templateDeleted: 10115,
  idempotencyMismatch: 10422,
  idempotencyInFlight: 10423,
  rateLimited: 10429,
  internal: 10500,
  emailInUse: 10022,
  reportNotFound: 2024,
  ownerSuspended: 10413,
  rbpmNotForAttached: 10416,
} as const satisfies Record<string, ErrorCode>;

export const TRIAL_ERRORS = {
  wrongStatus: 12001,
  serviceUnavailable: 12002,
  deviceAlreadyShipped: 12003,
  deviceCapReached: 12004,
  tierTwoConvert: 12005,
  openTrialExists: 12006,
  emailIsUser: 12007,
  noServices: 12008,
} as const satisfies Record<string, ErrorCode>;

export const ADMIN_ERRORS = {
  lastFullAdmin: 13001,
  emailTaken: 13002,
  notInvited: 13003,
  adminNotFound: 13004,
} as const satisfies Record<string, ErrorCode>;

export const BRANDING_ERRORS = {
  logoType: 13101,
  logoTooLarge: 13102,
  logoUnreadable: 13103,
  contrast: 13104,
  restricted: 13105,
} as const satisfies Record<string, ErrorCode>;

/** The rule a service message states, else the error's own code. */
export function codeForMessage(message: string, fallback: number): number {
  for (const r of ERROR_RULES as readonly ErrorRule[]) if (r.match?.test(message)) return r.code;
  return fallback;
}
