// SPEC §7.4: five-character locales and how a two-letter language is completed.
export const LOCALES = [
  'en_US',
  'en_AU',
  'en_GB',
  'en_CA',
  'fr_FR',
  'fr_CA',
  'cs_CZ',
  'da_DK',
  'de_DE',
  'hu_HU',
  'id_ID',
  'it_IT',
  'ja_JP',
  'ko_KR',
  'es_ES',
  'es_CO',
  'es_MX',
  'nl_NL',
  'nb_NO',
  'pl_PL',
  'pt_PT',
  'pt_BR',
  'ru_RU',
  'ro_RO',
  'zh_CN',
  'zh_TW',
  'sv_SE',
  'ar_SA',
  'tr_TR',
] as const;
export type Locale = (typeof LOCALES)[number];

const LANGUAGE_DEFAULTS: Record<string, Locale> = { en: 'en_US', fr: 'fr_FR', es: 'es_ES', pt: 'pt_PT', zh: 'zh_CN', nb: 'nb_NO' };
const MEETINGS_UNSUPPORTED = new Set<Locale>(['es_CO', 'id_ID', 'nb_NO', 'pt_BR']);

export const isLocale = (v: string): v is Locale => (LOCALES as readonly string[]).includes(v);

/**
 * Completes a language to a supported locale: an exact locale is kept; a two-letter
 * language takes the org's country when that pair exists, else the language default.
 * Returns null for anything unsupported.
 */
export function resolveLocale(language: string, country?: string | null): Locale | null {
  if (isLocale(language)) return language;
  if (!/^[a-z]{2}$/.test(language)) return null;
  if (country) {
    const pair = `${language}_${country.toUpperCase()}`;
    if (isLocale(pair)) return pair;
  }
  if (LANGUAGE_DEFAULTS[language]) return LANGUAGE_DEFAULTS[language];
  const only = LOCALES.filter((l) => l.startsWith(`${language}_`));
  const [one, ...more] = only;
  return one && more.length === 0 ? one : null;
}

/** Meetings sites lack a few locales and fall back to English. */
export function meetingsLocale(locale: Locale): Locale {
  return MEETINGS_UNSUPPORTED.has(locale) ? 'en_US' : locale;
}
