// The one catalogue of stable error codes (SPEC §8.2): one number per rule, the same
// number whichever door (UI or API) hits it. Where the vendor published a number it is
// used as is (10022, 2024, infoCode 100). Services keep throwing typed DomainErrors with
// their human message; a field message is mapped to its rule's code here, so the API
// names the rule without every service repeating numbers. Other engineers' ranges
// (COMMON.md: 11000–17999) are merged into this file.

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
  { code: 10403, rule: 'Forbidden: the token lacks the scope this operation needs (named in the message), or the role lacks the permission.' },
  { code: 10404, rule: 'Not found (or not within your reach).' },
  { code: 10409, rule: 'Conflict with the current state.' },
  { code: 10422, rule: 'Idempotency-Key reused with a different request.' },
  { code: 10423, rule: 'A request with this Idempotency-Key is still in progress.' },
  { code: 10429, rule: 'Rate limit exceeded: retry after the Retry-After seconds.' },
  { code: 10415, rule: 'Something the change refers to was deleted meanwhile (a foreign key refused it); nothing was changed.', match: /^Something this change refers to was deleted meanwhile/ },
  { code: 10500, rule: 'Internal error; nothing was changed.' },
  { code: 10501, rule: 'Attaching an existing organisation is not available.' },
  // Customers (SPEC §4, §8)
  { code: 10022, rule: 'The email is already associated with an existing user.', match: /^The e-?mail is already associated with an existing user\.|^This email address is already in use\.$/ },
  { code: 10101, rule: 'External ID already in use by another of your customers.', match: /^This external ID is already used/ },
  { code: 10102, rule: 'Package not in the wholesale subscription.', match: /^Not in subscription / },
  { code: 10103, rule: 'Calling packages need an onboarding template with a PSTN provider.', match: /need an onboarding template with a PSTN provider/ },
  { code: 10104, rule: 'The indirect provider (sub-partner) is suspended.', match: /is suspended and can.t create customers/ },
  { code: 10105, rule: 'Unknown onboarding template / provisioningId.', match: /^Choose one of your organisation.s onboarding templates\.|^Unknown provisioningId/ },
  { code: 10106, rule: 'Only wholesale partner organisations create wholesale customers.', match: /^Only wholesale partners create|^Customers are created from a partner/ },
  { code: 10107, rule: 'Common Area Calling is for workspaces: the administrator needs another package.', match: /^Common Area Calling is for workspaces/ },
  { code: 10108, rule: 'A calling location is required when calling packages are included.', match: /calling location is required/ },
  { code: 10109, rule: 'A package still held by subscribers cannot be removed.', match: /still held by/ },
  { code: 10110, rule: 'The onboarding template was deleted while the customer was being created.', match: /^The onboarding template was deleted while/ },
  { code: 10412, rule: 'The customer cannot be deleted in its current status.', match: /can.t be deleted while it is/ },
  { code: 10414, rule: 'Users and packages change only while the customer’s services are live.', match: /^Users and packages can't be changed while/ },
  // Subscribers (SPEC §2)
  { code: 10201, rule: 'Extension already used at this location.', match: /^This extension is already used at this location\.$/ },
  { code: 10202, rule: 'Phone number already in use.', match: /^This phone number is already in use\.$/ },
  { code: 10203, rule: 'A calling package needs an extension and/or a primary phone number.', match: /needs an extension and\/or a primary phone number/ },
  { code: 10204, rule: "Administrators can't be moved to a lower package.", match: /^Administrators can't be moved to a lower package\.$/ },
  { code: 10205, rule: 'Package is not one of the customer’s packages.', match: /isn't one of this customer's packages\.$/ },
  { code: 10206, rule: 'The person is already a user of this organisation (with other settings).', match: /^This person (is already a user|already has a package)/ },
  { code: 10207, rule: 'Location is not one of the organisation’s.', match: /^Choose a location of this organisation\.$/ },
  // Billing reports (SPEC §7.2)
  { code: 2024, rule: 'Billing report not found.', match: /^Report not found\.$/ },
  { code: 10301, rule: 'Report period invalid (start ≤ end, within 5 years, before today).', match: /^The billing (start|end) date / },
  { code: 10302, rule: 'A live report for this period, type and sub-partner already exists.', match: /^A report for this period and type already exists/ },
  { code: 10303, rule: 'The sub-partner of the report is not one of yours.', match: /indirect provider is not one of yours|Only a parent partner can create reports/ },
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
  templateDeleted: 10110,
  idempotencyMismatch: 10422,
  idempotencyInFlight: 10423,
  rateLimited: 10429,
  internal: 10500,
  attachNotAvailable: 10501,
  emailInUse: 10022,
  reportNotFound: 2024,
} as const satisfies Record<string, ErrorCode>;

/** The rule a service message states, else the error's own code. */
export function codeForMessage(message: string, fallback: number): number {
  for (const r of ERROR_RULES as readonly ErrorRule[]) if (r.match?.test(message)) return r.code;
  return fallback;
}
