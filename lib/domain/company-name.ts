// SPEC §4.1: the restricted-party list is matched on the normalised company name.
// Seeding, provisioning and the API pre-check must all use this one function, or a
// name could match in one place and slip through in another.

/**
 * Lower-cases, removes punctuation and symbols, collapses whitespace and trims:
 * "  Oceanic Shadow Trading, Ltd. " → "oceanic shadow trading ltd".
 * NFKC first so look-alike forms (full-width letters, ligatures) compare equal.
 */
export function normalizeCompanyName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}
