// The IdP limits and hint, zod-free: the wizards' fields show them without loading the
// schemas (lazyZodResolver keeps zod out of the first load). The rules are in identity-provider.ts.
export const IDP_NAME_MAX = 128;
export const IDP_ENTITY_ID_MAX = 1024;
/** OIDC IdP names: letters, digits and - _ . ~ (case-sensitive, so never lower-cased). */
export const IDP_NAME_PATTERN = /^[A-Za-z0-9\-_.~]+$/;
export const IDP_NAME_HINT = `As set up for your OpenID Connect identity provider: letters, digits and - _ . ~, at most ${IDP_NAME_MAX} characters, case-sensitive.`;
