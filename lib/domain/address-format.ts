// How an address is written in its country, for every place the product shows one. Pure
// and zod-free so server pages and client components share it (no JS cost beyond itself).
import { countryOf } from './countries';

export interface DisplayAddress {
  addressLine1: string;
  addressLine2?: string | null;
  city: string;
  stateOrProvince?: string | null;
  postalCode: string;
  country: string;
}

/** "City, ST 98101" (North America) — the state is a code, written after a comma. */
const CITY_STATE_POSTCODE = new Set(['US', 'CA']);
/** "Sydney NSW 2000": city, state and postcode with no comma. */
const CITY_STATE_POSTCODE_SPACED = new Set(['AU']);
/** The postcode on its own line below the city (UK, Ireland's Eircode). */
const POSTCODE_OWN_LINE = new Set(['GB', 'IE']);
/** City then postcode on one line, the rest of Asia-Pacific's convention in English. */
const CITY_POSTCODE = new Set(['NZ', 'SG', 'KR', 'TW', 'JP', 'CN', 'ID', 'SA']);

const clean = (v: string | null | undefined) => (v ?? '').trim();
const join = (parts: string[], sep = ' ') => parts.filter(Boolean).join(sep);

/**
 * The lines of an address as written in its country, the country name last. Postcode before
 * the city ("00100 Helsinki") is the continental European default, and the fallback for a
 * country the table doesn't name.
 */
export function addressLines(a: DisplayAddress): string[] {
  const city = clean(a.city);
  const state = clean(a.stateOrProvince);
  const postcode = clean(a.postalCode);
  const code = clean(a.country).toUpperCase();
  let locality: string[];
  if (CITY_STATE_POSTCODE.has(code)) locality = [join([city, join([state, postcode])], ', ')];
  else if (CITY_STATE_POSTCODE_SPACED.has(code)) locality = [join([city, state, postcode])];
  else if (POSTCODE_OWN_LINE.has(code)) locality = [city, state, postcode];
  else if (CITY_POSTCODE.has(code)) locality = [join([join([city, state], ', '), postcode])];
  else locality = [join([postcode, city]), state];
  return [clean(a.addressLine1), clean(a.addressLine2), ...locality, countryOf(code)?.name ?? code].filter(Boolean);
}

/** The address on one line ("1 Pike St, Seattle, WA 98101, United States"), for lists and pickers. */
export const addressOneLine = (a: DisplayAddress): string => addressLines(a).join(', ');
