import { isLocale, type Locale } from './locales';

/** English UI names of the SPEC §7.4 locales (static, so server and browser render the same text). */
export const LOCALE_NAMES: Record<Locale, string> = {
  en_US: 'English (United States)',
  en_AU: 'English (Australia)',
  en_GB: 'English (United Kingdom)',
  en_CA: 'English (Canada)',
  fr_FR: 'French (France)',
  fr_CA: 'French (Canada)',
  cs_CZ: 'Czech',
  da_DK: 'Danish',
  de_DE: 'German',
  hu_HU: 'Hungarian',
  id_ID: 'Indonesian',
  it_IT: 'Italian',
  ja_JP: 'Japanese',
  ko_KR: 'Korean',
  es_ES: 'Spanish (Spain)',
  es_CO: 'Spanish (Colombia)',
  es_MX: 'Spanish (Mexico)',
  nl_NL: 'Dutch',
  nb_NO: 'Norwegian Bokmål',
  pl_PL: 'Polish',
  pt_PT: 'Portuguese (Portugal)',
  pt_BR: 'Portuguese (Brazil)',
  ru_RU: 'Russian',
  ro_RO: 'Romanian',
  zh_CN: 'Chinese (Simplified)',
  zh_TW: 'Chinese (Traditional)',
  sv_SE: 'Swedish',
  ar_SA: 'Arabic',
  tr_TR: 'Turkish',
};

/** "English (United States) · en_US"; an unknown value is shown as is. */
export const localeLabel = (l: string) => (Object.hasOwn(LOCALE_NAMES, l) ? `${LOCALE_NAMES[l as Locale]} · ${l}` : l);

/** A locale code as people read it ("English (United States)"); an unknown code as it is. */
export const localeName = (code: string): string => (isLocale(code) ? LOCALE_NAMES[code] : code);
