// Supported countries and their data-residency region (dial-in code of meetings sites, SPEC §4.1).
export const REGIONS = { AMER: '+1', APAC: '+65', ANZ: '+61', EMEA: '+44', EURO: '+49' } as const;
export type Region = keyof typeof REGIONS;

interface Country {
  name: string;
  region: Region;
  hasStates: boolean;
}

export const COUNTRIES: Record<string, Country> = {
  US: { name: 'United States', region: 'AMER', hasStates: true },
  CA: { name: 'Canada', region: 'AMER', hasStates: true },
  MX: { name: 'Mexico', region: 'AMER', hasStates: true },
  BR: { name: 'Brazil', region: 'AMER', hasStates: true },
  CO: { name: 'Colombia', region: 'AMER', hasStates: true },
  GB: { name: 'United Kingdom', region: 'EMEA', hasStates: false },
  IE: { name: 'Ireland', region: 'EMEA', hasStates: false },
  SA: { name: 'Saudi Arabia', region: 'EMEA', hasStates: false },
  FR: { name: 'France', region: 'EURO', hasStates: false },
  DE: { name: 'Germany', region: 'EURO', hasStates: false },
  FI: { name: 'Finland', region: 'EURO', hasStates: false },
  PL: { name: 'Poland', region: 'EURO', hasStates: false },
  SE: { name: 'Sweden', region: 'EURO', hasStates: false },
  NO: { name: 'Norway', region: 'EURO', hasStates: false },
  DK: { name: 'Denmark', region: 'EURO', hasStates: false },
  NL: { name: 'Netherlands', region: 'EURO', hasStates: false },
  ES: { name: 'Spain', region: 'EURO', hasStates: false },
  IT: { name: 'Italy', region: 'EURO', hasStates: false },
  PT: { name: 'Portugal', region: 'EURO', hasStates: false },
  CZ: { name: 'Czechia', region: 'EURO', hasStates: false },
  HU: { name: 'Hungary', region: 'EURO', hasStates: false },
  RO: { name: 'Romania', region: 'EURO', hasStates: false },
  TR: { name: 'Türkiye', region: 'EURO', hasStates: false },
  AU: { name: 'Australia', region: 'ANZ', hasStates: true },
  NZ: { name: 'New Zealand', region: 'ANZ', hasStates: false },
  JP: { name: 'Japan', region: 'APAC', hasStates: true },
  SG: { name: 'Singapore', region: 'APAC', hasStates: false },
  KR: { name: 'South Korea', region: 'APAC', hasStates: false },
  CN: { name: 'China', region: 'APAC', hasStates: true },
  TW: { name: 'Taiwan', region: 'APAC', hasStates: false },
  ID: { name: 'Indonesia', region: 'APAC', hasStates: true },
};

export const COUNTRY_CODES = Object.keys(COUNTRIES) as [string, ...string[]];
/**
 * The country for a code typed by a user, or undefined. An own-key lookup: `'__proto__' in
 * COUNTRIES` and `COUNTRIES.toString` are true/defined on a plain object, so never index it directly.
 */
export const countryOf = (code: string): Country | undefined => (Object.hasOwn(COUNTRIES, code) ? COUNTRIES[code] : undefined);
export const isCountry = (code: string): boolean => countryOf(code) !== undefined;
export const dialInCode = (country: string) => REGIONS[countryOf(country)?.region ?? 'AMER'];
